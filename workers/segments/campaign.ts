/**
 * Campaign target lists of seed 004 (客户价值过滤): the usual filters (segment, ARPU range, lifecycle
 * stage), then the value model's second filter (value tier, loyalty band, churn risk from the tabs
 * that computed them), the bottom share by value dropped ("过滤客户价值排名后5%的客户"), high-value
 * or high-elasticity customers first ("优先保有高价值、高弹性客户"), a seeded control group, CSV
 * export, and the evaluation against outcomes (outcomes.ts, evaluate.ts, subsidy.ts).
 * The list lives in DuckDB as `campaign_<id>` (dropped with its dataset).
 */
import { toCsv } from '../../common/csv.ts';
import { all, countRows, dropTable, quoteIdent, tableExists, template } from '../db/sql.ts';
import type { Engine } from '../engine/engine.ts';
import { engineError } from '../engine/errors.ts';
import { splitControl } from '../models/index.ts';
import { requireBase, segmentTable } from './base.ts';
import type { CampaignList, CampaignParams, CampaignRow, CampaignSources, SegmentsApi } from './contract.ts';
import { evaluate, simulateOutcomes } from './evaluate.ts';
import { loadOutcomeFile, outcomesTable } from './outcomes.ts';
import { writeRows } from '../db/rows.ts';
import { latestStages, readStages, stagesMatching, TABLES } from '../engine/tables.ts';
import { churnRiskTable, readChurnRisk } from '../scores/churn.ts';
import { readValueScores, valueScoresTable } from '../scores/value.ts';
import type { SubsidyRow } from './subsidy.ts';
import candidatesSql from './sql/campaign_candidates.sql?raw';
import listSql from './sql/campaign_list.sql?raw';
import armsSql from './sql/campaign_arms.sql?raw';
import armSql from './sql/campaign_arm.sql?raw';
import outcomesSql from './sql/campaign_outcomes.sql?raw';
import rowsSql from './sql/campaign_rows.sql?raw';
import previewSql from './sql/campaign_preview.sql?raw';

type CampaignApi = Pick<SegmentsApi, 'campaignSources' | 'buildCampaign' | 'campaignCsv' | 'loadOutcomes' | 'evaluateCampaign'>;

export const listTable = (id: string) => quoteIdent(TABLES.campaign(id));
const TIERS = ['high', 'medium', 'low'];
const LOYALTY = ['high', 'fairlyHigh', 'average', 'low'];

const str = (v: unknown) => (v == null ? null : String(v));
const numOrNull = (v: unknown) => (v == null ? null : Number(v));
const toRow = (r: Record<string, unknown>): CampaignRow => ({
  customer_id: String(r.customer_id), rank: Number(r.rank), arpu: Number(r.arpu), value: numOrNull(r.value), tier: str(r.tier),
  loyalty: str(r.loyalty), elasticity: numOrNull(r.elasticity), churn_probability: numOrNull(r.churn_probability),
  customer_type: str(r.customer_type), region: str(r.region), plan: str(r.plan), stage: str(r.stage), arm: r.arm === 'control' ? 'control' : 'target'
});

export function campaignApi(engine: () => Engine): CampaignApi {
  const conn = () => engine().conn;
  /** The score sources each dataset's current list was built with (its CSV carries their columns). */
  const built = () => engine().cache<CampaignSources>('segments.campaign');
  const exists = (name: string) => tableExists(conn(), name);
  /** Which other tabs' results exist (read through the registry, which says what they came from). */
  const sources = async (id: string): Promise<CampaignSources> => {
    const stageSet = await readStages(conn(), id);
    return { stages: stageSet !== null, stageSet, value: (await readValueScores(conn(), id)) !== null, churn: (await readChurnRisk(conn(), id)) !== null };
  };
  const requireList = async (id: string) => {
    if (!built().has(id) || !(await exists(TABLES.campaign(id)))) throw engineError('segments-bad-input', 'Build a list first.');
    return listTable(id);
  };

  /** The list's rows in rank order (`columns`: a select list of its own columns). */
  const listRows = (id: string, columns: string) => all(conn(), template(rowsSql, { columns, list: listTable(id) }));

  async function build(id: string, p: CampaignParams): Promise<CampaignList> {
    const b = await requireBase(engine(), id);
    if (!(p.dropBottom >= 0 && p.dropBottom < 1) || !(p.controlShare >= 0 && p.controlShare < 1)) throw engineError('segments-bad-input', 'Shares must be in [0, 1).');
    if (p.minChurnRisk != null && !(p.minChurnRisk >= 0 && p.minChurnRisk <= 1)) throw engineError('segments-bad-input', 'Churn risk must be in [0, 1].');
    if ((p.valueTier && !TIERS.includes(p.valueTier)) || (p.loyalty && !LOYALTY.includes(p.loyalty))) throw engineError('segments-bad-input', 'Unknown value tier or loyalty band.');
    const src = await sources(id);
    // A filter on another tab's result needs that result: say which tab to run, never ignore the filter.
    if (p.stage && !src.stageSet) throw engineError('segments-needs-lifecycle', 'Run the Lifecycle tab before filtering on stages.');
    if ((p.valueTier || p.loyalty) && !src.value) throw engineError('segments-needs-value', 'Run the Customer value tab before filtering on it.');
    if (p.minChurnRisk != null && !src.churn) throw engineError('segments-needs-churn', 'Fit the churn model before filtering on churn risk.');
    const stages = p.stage && src.stageSet ? stagesMatching(src.stageSet, p.stage) : null;
    if (p.stage && !stages) throw engineError('segments-bad-input', `No stage ${p.stage} in the lifecycle rule set that ran.`);
    if (p.segment && !(await exists(TABLES.segment(p.segment, id)))) throw engineError('segments-bad-input', 'Unknown segment.');
    const joins = [
      src.stageSet ? `LEFT JOIN ${latestStages(id)} s USING (customer_id)` : '',
      src.value ? `LEFT JOIN ${valueScoresTable(id)} v USING (customer_id)` : '',
      src.churn ? `LEFT JOIN ${churnRiskTable(id)} k USING (customer_id)` : ''
    ].join(' ');
    const v = (col: string, type: string) => (src.value ? `v.${col}` : `CAST(NULL AS ${type})`);
    // Value = composite value when the Customer value tab has assessed this dataset, else ARPU.
    const rankValue = src.value ? 'value' : 'arpu';
    const order = p.order === 'elasticity'
      ? `elasticity DESC NULLS LAST, rank_value DESC NULLS LAST, customer_id`
      : `rank_value DESC NULLS LAST, customer_id`;
    const candidates = quoteIdent(TABLES.campaignCandidates(id));
    await all(conn(), template(candidatesSql, {
      candidates, base: b, joins,
      members: p.segment ? segmentTable(p.segment, id) : b,
      value: v('composite', 'DOUBLE'), tier: v('value_tier', 'VARCHAR'), loyalty: v('loyalty', 'VARCHAR'),
      elasticity: v('elasticity', 'DOUBLE'), layer: v('elasticity_layer', 'VARCHAR'),
      churn: src.churn ? 'k.probability' : 'CAST(NULL AS DOUBLE)', stage: src.stageSet ? 's.stage' : 'CAST(NULL AS VARCHAR)', rankValue
    }), [p.arpuMin, p.arpuMax, stages?.join('\u001f') ?? null, p.valueTier, p.loyalty, p.minChurnRisk]);
    await all(conn(), template(listSql, { out: listTable(id), candidates, order }), [p.dropBottom]);
    const eligible = await countRows(conn(), candidates);
    await dropTable(conn(), TABLES.campaignCandidates(id));
    const ids = (await listRows(id, 'customer_id')).map((r) => String(r.customer_id));
    const { control } = splitControl(ids, p.controlShare, p.seed);
    if (control.length) await all(conn(), template(armsSql, { list: listTable(id) }), [control.join('\u001f')]);
    built().set(id, src);
    const preview = (await all(conn(), template(previewSql, { list: listTable(id) }))).map(toRow);
    return {
      eligible, dropped: eligible - ids.length, target: ids.length - control.length, control: control.length,
      hasStages: src.stages, sources: src, valueBasis: src.value ? 'composite' : 'arpu', order: p.order, preview
    };
  }

  /** Outcome rows on the list with their arm (the file's arm where it names one, else the list's). */
  async function outcomeRows(id: string, source: 'file' | null, seed: number): Promise<SubsidyRow[]> {
    const list = await requireList(id);
    if (source === null) {
      const rows = (await listRows(id, 'customer_id, arpu, arm'))
        .map((r) => ({ customer_id: String(r.customer_id), arpu: Number(r.arpu), arm: r.arm === 'control' ? 'control' as const : 'target' as const }));
      const sim = simulateOutcomes(rows, seed);
      await writeRows(conn(), TABLES.campaignOutcomes(id), [['customer_id', 'VARCHAR'], ['responded', 'BOOLEAN'], ['arpu_before', 'DOUBLE'], ['arpu_after', 'DOUBLE'], ['subsidy', 'DOUBLE'], ['arm', 'VARCHAR']],
        sim.map((o) => [o.customer_id, o.responded, o.arpu_before, o.arpu_after, o.subsidy, o.arm]));
    } else if (!(await exists(TABLES.campaignOutcomes(id)))) throw engineError('segments-bad-input', 'Load an outcome file first.');
    return (await all(conn(), template(outcomesSql, { outcomes: outcomesTable(id), list }))).map((r) => ({
      arm: r.arm === 'control' ? 'control' : 'target', responded: r.responded === true,
      arpu_before: Number(r.arpu_before), arpu_after: Number(r.arpu_after), subsidy: numOrNull(r.subsidy)
    }));
  }

  return {
    campaignSources: async (id) => (engine().dataset(id), sources(id)),

    buildCampaign: (id, p) => build(id, p),

    campaignCsv: async (id, arm) => {
      const list = await requireList(id);
      const src = built().get(id)!;
      const keys = ['customer_id', 'arpu', ...(src.value ? ['value', 'tier', 'loyalty', 'elasticity', 'elasticity_layer'] : []),
        ...(src.churn ? ['churn_probability'] : []), 'customer_type', 'region', 'plan', 'stage', 'arm'];
      const rows = await all(conn(), template(armSql, { columns: keys.map(quoteIdent).join(', '), list }), [arm]);
      return toCsv(keys, rows.map((r) => keys.map((k) => r[k] as string | number | null)));
    },

    loadOutcomes: async (id, file, name) => loadOutcomeFile(engine(), id, await requireList(id), file, name),

    evaluateCampaign: async (id, source, seed, arpuBands) => {
      const rows = await outcomeRows(id, source, seed);
      if (!rows.length) throw engineError('segments-bad-input', 'No outcome row matches the list.');
      return evaluate(rows, source ? 'file' : 'simulated', arpuBands);
    }
  };
}
