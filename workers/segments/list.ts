/**
 * A campaign list as seed 004 builds it (创新应用-营销活动应用: 全网名单 → 常规筛选 → 客户价值筛选 → 目标名单):
 * - whole-network list: customers on the network in the evaluation month, which is the Customer
 *   value assessment's (a row that month that is not the churn row); special lines (credit grade X:
 *   test, official, labour-service and secondary numbers) are never marketing targets;
 * - the usual filters: saved segment, ARPU, lifecycle stage in the evaluation month (of whichever rule
 *   set ran), churn risk; what passes is the conventional list;
 * - the value screening: negative values out, then the bottom share by value rank among the assessed
 *   customers left, then a value tier or loyalty band when chosen; high value (or high elasticity)
 *   first ("优先保有高价值、高弹性客户");
 * - the control arm of the chosen design: seed design, a seeded share of the conventional list drawn
 *   before the screening (both arms marketed, "应用客户价值的活动号码和对照组号码"); holdout, a seeded share
 *   of the screened list left uncontacted.
 * Every step's count is kept, so the list can be explained: customers − removed = target list.
 */
import { all, dropTable, exec, quoteIdent, tableExists, template } from '../db/sql.ts';
import type { Engine } from '../engine/engine.ts';
import { engineError } from '../engine/errors.ts';
import { stagesInMonthRelation, stagesMatching, TABLES } from '../engine/tables.ts';
import { splitControl } from '../models/index.ts';
import { churnRiskTable } from '../scores/churn.ts';
import { valueScoresTable } from '../scores/value.ts';
import { segmentTable } from './base.ts';
import type { ArmProfile, CampaignFunnel, CampaignParams, CampaignSources, CampaignStep } from './contract.ts';
import populationSql from './sql/campaign_population.sql?raw';
import drawPoolSql from './sql/campaign_draw_pool.sql?raw';
import armsSql from './sql/campaign_arms.sql?raw';
import screenSql from './sql/campaign_screen.sql?raw';
import listSql from './sql/campaign_list.sql?raw';
import funnelSql from './sql/campaign_funnel.sql?raw';
import profilesSql from './sql/campaign_arm_profiles.sql?raw';

const TIERS = ['high', 'medium', 'low'];
const LOYALTY = ['high', 'fairlyHigh', 'average', 'low'];
const USUAL: CampaignStep[] = ['segment', 'arpu', 'stage', 'churnRisk'];
const VALUE: CampaignStep[] = ['negativeValue', 'bottomValue', 'valueTier', 'loyalty'];

export const listTable = (id: string) => quoteIdent(TABLES.campaign(id));

/** Refuses parameters out of range, and filters on results another tab has not computed (saying which). */
function check(p: CampaignParams, src: CampaignSources): void {
  if (!(p.dropBottom >= 0 && p.dropBottom < 1) || !(p.controlShare >= 0 && p.controlShare < 1))
    throw engineError('segments-bad-input', 'Shares must be in [0, 1).');
  if (p.minChurnRisk != null && !(p.minChurnRisk >= 0 && p.minChurnRisk <= 1))
    throw engineError('segments-bad-input', 'Churn risk must be in [0, 1].');
  if ((p.valueTier && !TIERS.includes(p.valueTier)) || (p.loyalty && !LOYALTY.includes(p.loyalty)))
    throw engineError('segments-bad-input', 'Unknown value tier or loyalty band.');
  if (p.design !== 'seed' && p.design !== 'holdout') throw engineError('segments-bad-input', 'Unknown control-group design.');
  if (p.arpuMin != null && p.arpuMax != null && p.arpuMin > p.arpuMax) throw engineError('segments-bad-input', 'The ARPU range is empty.');
  // The list stands on the value assessment (the month, the value, the tiers, grade X): never without it.
  if (!src.value || !src.evaluationMonth)
    throw engineError(
      'segments-needs-value',
      'Run the Customer value tab first: the list is screened by its value, tiers and credit grade (X lines).'
    );
  if (p.stage && !src.stageSet) throw engineError('segments-needs-lifecycle', 'Run the Lifecycle tab before filtering on stages.');
  if (p.minChurnRisk != null && !src.churn)
    throw engineError('segments-needs-churn', 'Fit the churn model before filtering on churn risk.');
}

/** Moves a seeded share of the customers still in the draw pool to the control arm. */
async function drawControl(engine: Engine, candidates: string, p: CampaignParams): Promise<void> {
  const ids = (await all(engine.conn, template(drawPoolSql, { candidates }))).map((r) => String(r.customer_id));
  const { control } = splitControl(ids, p.controlShare, p.seed);
  if (control.length) await all(engine.conn, template(armsSql, { candidates }), [control.join('\u001f')]);
}

/** The steps in seed 004's order with their counts; only the usual filters that were set appear. */
function funnelOf(rows: Record<string, unknown>[], p: CampaignParams): CampaignFunnel {
  const count = (f: (r: Record<string, unknown>) => boolean) => rows.filter(f).reduce((s, r) => s + Number(r.n), 0);
  const set: Record<CampaignStep, boolean> = {
    offNetwork: true,
    special: true,
    segment: p.segment != null,
    arpu: p.arpuMin != null || p.arpuMax != null,
    stage: p.stage != null,
    churnRisk: p.minChurnRisk != null,
    controlDrawn: p.design === 'seed',
    negativeValue: true,
    bottomValue: true,
    valueTier: p.valueTier != null,
    loyalty: p.loyalty != null,
    holdoutDrawn: p.design === 'holdout'
  };
  const removedBy = (step: CampaignStep) =>
    step === 'controlDrawn' || step === 'holdoutDrawn'
      ? count((r) => r.arm === 'control')
      : VALUE.includes(step)
        ? count((r) => r.value_out === step)
        : count((r) => r.usual_out === step);
  const order: CampaignStep[] = ['offNetwork', 'special', ...USUAL, 'controlDrawn', ...VALUE, 'holdoutDrawn'];
  const customers = count(() => true);
  let remaining = customers;
  const steps = order
    .filter((s) => set[s])
    .map((step) => {
      const removed = removedBy(step);
      remaining -= removed;
      return { step, removed, remaining };
    });
  return { customers, steps, conventional: count((r) => r.usual_out == null) };
}

/**
 * Builds the list of `p` on the segmentation base `base` into `campaign_<id>`: its funnel and the
 * profile of each arm. The population table is dropped afterwards.
 */
export async function buildList(
  engine: Engine,
  id: string,
  base: string,
  p: CampaignParams,
  src: CampaignSources
): Promise<{ funnel: CampaignFunnel; arms: Record<'target' | 'control', ArmProfile> }> {
  check(p, src);
  const ds = engine.dataset(id);
  const stages = p.stage && src.stageSet ? stagesMatching(src.stageSet, p.stage) : null;
  if (p.stage && !stages) throw engineError('segments-bad-input', `No stage ${p.stage} in the lifecycle rule set that ran.`);
  if (p.segment && !(await tableExists(engine.conn, TABLES.segment(p.segment, id))))
    throw engineError('segments-bad-input', 'Unknown segment.');
  const candidates = quoteIdent(TABLES.campaignCandidates(id));
  const conn = engine.conn;
  try {
    await all(
      conn,
      template(populationSql, {
        candidates,
        base,
        table: ds.table,
        values: valueScoresTable(id),
        money: ds.has('revenue') ? 'revenue' : 'amount',
        churnFlag: ds.has('churn') ? 'churn' : 'CAST(NULL AS BOOLEAN)',
        members: p.segment ? segmentTable(p.segment, id) : base,
        joins: [
          src.churn ? `LEFT JOIN ${churnRiskTable(id)} k USING (customer_id)` : '',
          src.stageSet ? `LEFT JOIN ${stagesInMonthRelation(id)} s USING (customer_id)` : ''
        ].join(' '),
        churn: src.churn ? 'k.probability' : 'CAST(NULL AS DOUBLE)',
        stage: src.stageSet ? 's.stage' : 'CAST(NULL AS VARCHAR)'
      }),
      [`${src.evaluationMonth}-01`, p.arpuMin, p.arpuMax, stages?.join('\u001f') ?? null, p.minChurnRisk]
    );
    if (p.design === 'seed') await drawControl(engine, candidates, p);
    await all(conn, template(screenSql, { candidates }), [p.dropBottom, p.valueTier, p.loyalty]);
    if (p.design === 'holdout') await drawControl(engine, candidates, p);
    const order =
      p.order === 'elasticity' ? 'elasticity DESC NULLS LAST, value DESC NULLS LAST, customer_id' : 'value DESC NULLS LAST, customer_id';
    await exec(conn, template(listSql, { out: listTable(id), candidates, order }));
    const funnel = funnelOf(await all(conn, template(funnelSql, { candidates })), p);
    const profiles = new Map((await all(conn, template(profilesSql, { list: listTable(id) }))).map((r) => [String(r.arm), r]));
    const profile = (arm: string): ArmProfile => {
      const r = profiles.get(arm);
      const n = (v: unknown) => (v == null ? null : Number(v));
      return r
        ? {
            customers: Number(r.customers),
            highValueShare: n(r.high_value_share),
            meanValue: n(r.mean_value),
            meanArpu: n(r.mean_arpu),
            notAssessed: Number(r.not_assessed)
          }
        : { customers: 0, highValueShare: null, meanValue: null, meanArpu: null, notAssessed: 0 };
    };
    return { funnel, arms: { target: profile('target'), control: profile('control') } };
  } finally {
    await dropTable(conn, TABLES.campaignCandidates(id));
  }
}
