/**
 * Campaign target lists of seed 004 (客户价值过滤): the list (list.ts), its export in the UI's words,
 * the outcome file (outcomes.ts), the evaluation (evaluate.ts, subsidy.ts) and the seed's campaign
 * arithmetic (workers/models/campaign.ts). The list lives in DuckDB as `campaign_<id>` (dropped with
 * its dataset).
 */
import { CAMPAIGN_COLUMNS } from '../../common/campaignExport.ts';
import { rounded, toCsv, type CsvCell } from '../../common/csv.ts';
import { all, quoteIdent, tableExists, template } from '../db/sql.ts';
import type { Engine } from '../engine/engine.ts';
import { engineError } from '../engine/errors.ts';
import { readStages, TABLES } from '../engine/tables.ts';
import { annualisedBenefit, retentionRoi, valueFilterSaving } from '../models/index.ts';
import { readChurnRisk } from '../scores/churn.ts';
import { readValueScores } from '../scores/value.ts';
import { requireBase } from './base.ts';
import type {
  CampaignColumn,
  CampaignCsvLabels,
  CampaignList,
  CampaignParams,
  CampaignRow,
  CampaignSources,
  SegmentsApi
} from './contract.ts';
import { evaluate, simulateOutcomes, type EvaluatedRow } from './evaluate.ts';
import { buildList, listTable } from './list.ts';
import { loadOutcomeFile, outcomesTable } from './outcomes.ts';
import { writeRows } from '../db/rows.ts';
import armSql from './sql/campaign_arm.sql?raw';
import outcomesSql from './sql/campaign_outcomes.sql?raw';
import rowsSql from './sql/campaign_rows.sql?raw';
import previewSql from './sql/campaign_preview.sql?raw';

type CampaignApi = Pick<
  SegmentsApi,
  'campaignSources' | 'buildCampaign' | 'campaignCsv' | 'loadOutcomes' | 'evaluateCampaign' | 'campaignArithmetic'
>;

const str = (v: unknown) => (v == null ? null : String(v));
const numOrNull = (v: unknown) => (v == null ? null : Number(v));
const toRow = (r: Record<string, unknown>): CampaignRow => ({
  customer_id: String(r.customer_id),
  rank: Number(r.rank),
  arpu: numOrNull(r.arpu),
  value: numOrNull(r.value),
  tier: str(r.tier),
  credit: str(r.credit),
  loyalty: str(r.loyalty),
  elasticity: numOrNull(r.elasticity),
  elasticity_layer: str(r.elasticity_layer),
  churn_probability: numOrNull(r.churn_probability),
  stage: str(r.stage),
  customer_type: str(r.customer_type),
  region: str(r.region),
  plan: str(r.plan),
  arm: r.arm === 'control' ? 'control' : 'target'
});
/** Yuan to the cent, probabilities to 4 places: what an export shows. */

export function campaignApi(engine: () => Engine): CampaignApi {
  const conn = () => engine().conn;
  /** What each dataset's current list was built with (its export and evaluation follow it). */
  const built = () => engine().cache<{ sources: CampaignSources; params: CampaignParams }>('segments.campaign');
  /** Which other tabs' results exist (read through the registry, which says what they came from). */
  const sources = async (id: string): Promise<CampaignSources> => {
    const stageSet = await readStages(conn(), id);
    const value = await readValueScores(conn(), id);
    return {
      stages: stageSet !== null,
      stageSet,
      value: value !== null,
      evaluationMonth: value?.evaluationMonth ?? null,
      churn: (await readChurnRisk(conn(), id)) !== null
    };
  };
  const requireList = async (id: string) => {
    if (!built().has(id) || !(await tableExists(conn(), TABLES.campaign(id))))
      throw engineError('segments-bad-input', 'Build a list first.');
    return listTable(id);
  };

  async function build(id: string, p: CampaignParams): Promise<CampaignList> {
    const base = await requireBase(engine(), id);
    const src = await sources(id);
    const { funnel, arms } = await buildList(engine(), id, base, p, src);
    built().set(id, { sources: src, params: { ...p } });
    const preview = (await all(conn(), template(previewSql, { list: listTable(id) }))).map(toRow);
    return {
      evaluationMonth: src.evaluationMonth!,
      params: { ...p },
      funnel,
      target: arms.target.customers,
      control: arms.control.customers,
      arms,
      sources: src,
      preview
    };
  }

  /** Outcome rows on the list with their arm (the file's where it names one), tier and layer. */
  async function outcomeRows(id: string, source: 'file' | null, seed: number): Promise<EvaluatedRow[]> {
    const list = await requireList(id);
    if (source === null) {
      const marketedControl = built().get(id)!.params.design === 'seed';
      const rows = (await all(conn(), template(rowsSql, { columns: 'customer_id, arpu, arm', list }))).map((r) => {
        const arm = r.arm === 'control' ? ('control' as const) : ('target' as const);
        return { customer_id: String(r.customer_id), arpu: Number(r.arpu ?? 0), arm, marketed: arm === 'target' || marketedControl };
      });
      const sim = simulateOutcomes(rows, seed);
      await writeRows(
        conn(),
        TABLES.campaignOutcomes(id),
        [
          ['customer_id', 'VARCHAR'],
          ['responded', 'BOOLEAN'],
          ['arpu_before', 'DOUBLE'],
          ['arpu_after', 'DOUBLE'],
          ['subsidy', 'DOUBLE'],
          ['arm', 'VARCHAR']
        ],
        sim.map((o) => [o.customer_id, o.responded, o.arpu_before, o.arpu_after, o.subsidy, o.arm])
      );
    } else if (!(await tableExists(conn(), TABLES.campaignOutcomes(id))))
      throw engineError('segments-bad-input', 'Load an outcome file first.');
    return (await all(conn(), template(outcomesSql, { outcomes: outcomesTable(id), list }))).map((r) => ({
      arm: r.arm === 'control' ? 'control' : 'target',
      responded: r.responded === true,
      arpu_before: Number(r.arpu_before),
      arpu_after: Number(r.arpu_after),
      subsidy: numOrNull(r.subsidy),
      tier: str(r.tier),
      elasticity_layer: str(r.elasticity_layer)
    }));
  }

  return {
    campaignSources: async (id) => (engine().dataset(id), sources(id)),

    buildCampaign: (id, p) => build(id, p),

    campaignCsv: async (id, arm, labels) => {
      const list = await requireList(id);
      const src = built().get(id)!.sources;
      const keys = CAMPAIGN_COLUMNS.filter(
        (k) => (k !== 'churn_probability' || src.churn) && ((k !== 'stage' && k !== 'lever') || src.stageSet)
      );
      const selected = keys
        .filter((k) => k !== 'lever')
        .map(quoteIdent)
        .join(', ');
      const rows = await all(conn(), template(armSql, { columns: selected, list }), [arm]);
      const code = (column: keyof CampaignCsvLabels['codes'], v: unknown) =>
        v == null ? null : (labels.codes[column][String(v)] ?? String(v));
      const cell = (r: Record<string, unknown>, k: CampaignColumn): CsvCell => {
        switch (k) {
          case 'value':
          case 'arpu':
            return rounded(r[k] == null ? null : Number(r[k]), 2);
          case 'churn_probability':
            return rounded(r[k] == null ? null : Number(r[k]), 4);
          case 'rank':
            return Number(r.rank);
          case 'tier':
          case 'loyalty':
          case 'elasticity_layer':
          case 'arm':
          case 'stage':
            return code(k, r[k]);
          case 'lever':
            return r.stage == null ? null : (labels.levers[String(r.stage)] ?? null);
          default:
            return str(r[k]);
        }
      };
      return toCsv(
        keys.map((k) => labels.headers[k]),
        rows.map((r) => keys.map((k) => cell(r, k)))
      );
    },

    loadOutcomes: async (id, file, name) => loadOutcomeFile(engine(), id, await requireList(id), file, name),

    evaluateCampaign: async (id, source, seed, arpuBands) => {
      const rows = await outcomeRows(id, source, seed);
      if (!rows.length) throw engineError('segments-bad-input', 'No outcome row matches the list.');
      return evaluate(rows, source ? 'file' : 'simulated', built().get(id)!.params.design, arpuBands);
    },

    campaignArithmetic: async (x) => ({
      retention: retentionRoi(x.retention),
      channels: x.channels.map((c) => ({
        ...c,
        roi: retentionRoi({ ...x.retention, successRate: c.successRate, costPerContact: c.costPerContact })
      })),
      saving: valueFilterSaving(x.saving),
      topUp: annualisedBenefit(x.topUp)
    })
  };
}
