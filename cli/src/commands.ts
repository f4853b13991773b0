/**
 * The analyses of the command line: each calls the feature API the tab calls (the same SQL, the
 * same models), with the parameters of the settings file the site saves, and returns the table it
 * writes. Nothing here computes a number the tab does not.
 */
import { quoteIdent } from '../../workers/db/sql.ts';
import { TABLES } from '../../workers/engine/tables.ts';
import { lifecycleApi } from '../../workers/lifecycle/api.ts';
import { churnApi } from '../../workers/churn/api.ts';
import { valueApi } from '../../workers/value/api.ts';
import { ltvApi } from '../../workers/ltv/api.ts';
import { segmentsApi } from '../../workers/segments/api.ts';
import type { LifecycleResult, StageSet } from '../../workers/lifecycle/contract.ts';
import type { CampaignColumn, CampaignCsvLabels } from '../../workers/segments/contract.ts';
import { CAMPAIGN_COLUMNS, stageWords } from '../../common/campaignExport.ts';
import { LEVERS } from '../../src/lib/features/lifecycle/levers.ts';
import { defaultSplit } from '../../src/lib/features/churn/charts.ts';
import { CliError } from './errors.ts';
import type { Result } from './output.ts';
import { LTV_SETTINGS } from './params.ts';
import { CHURN_SETTINGS } from '../../common/churnSettings.ts';
import { VALUE_SETTINGS } from '../../common/valueSettings.ts';
import { CAMPAIGN_SETTINGS, SEGMENTS_SETTINGS } from '../../common/segmentsSettings.ts';
import { panelOf, type Loaded, type Session } from './session.ts';

/** The tables each command can write (`--table`); the first is the default. */
export const TABLES_OF = {
  lifecycle: ['stages', 'distribution', 'transitions', 'funnel'],
  retention: ['cohorts', 'km'],
  churn: ['risk', 'coefficients'],
  value: ['scores'],
  ltv: ['customers', 'fit'],
  campaign: ['target', 'control']
} as const;
export type Analysis = keyof typeof TABLES_OF;

const rowsCsv = (headers: string[], rows: unknown[][]): Result => ({ kind: 'rows', headers, rows });

/** Runs the lifecycle rule set of the settings; its stages stay in the engine for campaign. */
export async function runLifecycle(s: Session, id: string): Promise<LifecycleResult> {
  const api = lifecycleApi(() => s.engine);
  const { rule, values } = s.settings.lifecycleRule(await api.lifecycleRuleSets());
  s.log(`lifecycle: rule set ${rule.id} (${rule.params.map((p) => `${p.key}=${values[p.key]}`).join(', ')})`);
  // (The ARPU tier cuts and the month choose the tab's month views, which the command does not write.)
  return api.computeLifecycle(id, { ruleSet: rule.id, params: values });
}

async function lifecycle(s: Session, id: string, table: string): Promise<Result> {
  const r = await runLifecycle(s, id);
  s.log(`lifecycle: ${r.totalCustomers} customers over ${r.months.length} months`);
  if (table === 'distribution')
    return rowsCsv(
      ['month', ...r.stages],
      r.months.map((m, i) => [m, ...r.stages.map((_, k) => r.distribution[k][i])])
    );
  if (table === 'transitions')
    return rowsCsv(
      ['from', ...r.stages],
      r.stages.map((st, i) => [st, ...r.transitions[i]])
    );
  if (table === 'funnel')
    return rowsCsv(
      ['stage', 'customers', 'share', 'to_next'],
      r.funnel.map((f) => [f.stage, f.customers, f.share, f.toNext])
    );
  return {
    kind: 'query',
    headers: ['customer_id', 'month', 'stage'],
    sql: `SELECT customer_id, strftime(month, '%Y-%m') AS month, stage FROM ${quoteIdent(TABLES.stages(id))} ORDER BY customer_id, month`
  };
}

async function retention(s: Session, id: string, table: string): Promise<Result> {
  const api = churnApi(() => s.engine);
  if (table === 'km') {
    const setup = await api.churnSetup(id);
    const link = s.settings.tab(CHURN_SETTINGS);
    const split =
      link.split === '' || setup.splitColumns.some((c) => c.name === link.split) ? link.split! : defaultSplit(setup.splitColumns);
    s.log(`retention: Kaplan–Meier${split ? ` by ${split}` : ''}`);
    const km = await api.survivalCurves(id, split === '' ? null : split);
    return rowsCsv(
      ['group', 'time', 'survival', 'lower', 'upper', 'at_risk'],
      km.curves.flatMap((c) => c.time.map((t, i) => [c.group, t, c.survival[i], c.lower[i], c.upper[i], c.atRisk[i]]))
    );
  }
  const r = await api.cohortRetention(id);
  s.log(`retention: ${r.cohorts.length} cohorts${r.leftOut ? `, ${r.leftOut} customers who joined before the data left out` : ''}`);
  return rowsCsv(
    ['cohort', 'size', 'months_since_joining', 'active', 'retention'],
    r.cohorts.flatMap((c, i) => r.rate[i].flatMap((rate, k) => (rate == null ? [] : [[c, r.sizes[i], k, r.active[i][k], rate]])))
  );
}

/** Fits the early-warning model of the settings; its risk scores stay in the engine for campaign. */
async function fitChurn(s: Session, id: string) {
  const api = churnApi(() => s.engine);
  const setup = await api.churnSetup(id);
  const link = s.settings.tab(CHURN_SETTINGS);
  const features = link.features
    ? link.features.filter((n) => setup.features.some((f) => f.name === n))
    : setup.features.filter((f) => f.default).map((f) => f.name);
  s.log(`churn: logistic model on ${features.join(', ')} (horizon ${link.horizon}, l2 ${link.l2})`);
  const fit = await api.fitChurnModel(id, {
    features,
    l2: link.l2,
    horizon: link.horizon,
    seed: link.seed,
    arpuTiers: { low: link.low, high: link.high }
  });
  s.log(`churn: AUC ${fit.auc.toFixed(3)} on ${fit.testRows} test rows`);
  return { api, fit, link };
}

async function churn(s: Session, id: string, table: string): Promise<Result> {
  const { api, fit, link } = await fitChurn(s, id);
  if (table === 'coefficients')
    return rowsCsv(
      ['feature', 'coefficient'],
      [['(intercept)', fit.intercept], ...fit.coefficients.map((c) => [c.feature, c.coefficient])]
    );
  return { kind: 'csv', text: (await api.riskList(id, { arpuTiers: link.tiers, minScore: link.minScore, top: 1 })).csv };
}

async function assessValue(s: Session, id: string) {
  const api = valueApi(() => s.engine);
  const a = await api.assessValue(id, s.settings.tab(VALUE_SETTINGS).params);
  s.log(`value: ${a.customers} customers assessed at ${a.evaluationMonth}`);
  return api;
}

async function value(s: Session, id: string): Promise<Result> {
  return { kind: 'csv', text: await (await assessValue(s, id)).valueCsv(id) };
}

async function ltv(s: Session, id: string, table: string): Promise<Result> {
  const api = ltvApi(() => s.engine);
  const b = s.settings.tab(LTV_SETTINGS).btyd;
  const bounds = await api.ltvBounds(id);
  const inside = (d: string) => d !== '' && d >= bounds.firstDate.slice(0, 10) && d <= bounds.lastDate.slice(0, 10);
  const a = Date.parse(bounds.firstDate),
    z = Date.parse(bounds.lastDate);
  // As the tab: the settings' dates where they fall inside the data, else half-way and the end.
  const calibrationEnd = inside(b.calibrationEnd) ? b.calibrationEnd : new Date(a + (z - a) / 2).toISOString().slice(0, 10);
  const observationEnd = inside(b.observationEnd) ? b.observationEnd : bounds.lastDate;
  s.log(`ltv: fitting BG/NBD, Pareto/NBD and Gamma–Gamma (calibration to ${calibrationEnd}, by ${b.unit})`);
  const fit = await api.ltvFit(id, { unit: b.unit, calibrationEnd, observationEnd: observationEnd || undefined });
  if (table === 'fit') {
    return rowsCsv(
      ['model', 'parameter', 'value'],
      fit.models.flatMap((m) =>
        m.ok
          ? [...Object.entries(m.params), ['log_likelihood', m.logLikelihood], ['aic', m.aic]].map(([k, v]) => [m.id, k, v])
          : [[m.id, 'not fitted', m.message]]
      )
    );
  }
  const t = b.t || Math.round(fit.holdoutLength) || 1;
  return {
    kind: 'csv',
    text: await api.ltvCustomersCsv(id, {
      model: b.model,
      t,
      margin: b.marginPct / 100,
      annualDiscount: b.discountPct / 100,
      horizonMonths: b.horizon,
      sort: b.sort,
      descending: b.descending,
      topN: b.topN
    })
  };
}

async function campaign(s: Session, id: string, table: string): Promise<Result> {
  const params = s.settings.tab(CAMPAIGN_SETTINGS);
  if (params.segment)
    throw new CliError('usage', 'The campaign settings filter on a saved segment: segments are built in the tab, not on the command line.');
  // The list reads the other tabs' results, as in the site: stages, value scores, churn risk.
  await runLifecycle(s, id);
  await assessValue(s, id);
  if (params.minChurnRisk != null) await fitChurn(s, id);
  const api = segmentsApi(() => s.engine);
  const seg = s.settings.tab(SEGMENTS_SETTINGS);
  await api.segmentOverview(id, {
    rfmBins: seg.rfmBins,
    usageBins: seg.usageBins,
    usageMeasure: seg.usageMeasure,
    frequencyCut: seg.freqCut,
    amountCut: seg.amountCut
  });
  const list = await api.buildCampaign(id, params);
  s.log(
    `campaign: ${list.funnel.customers} customers, ${list.target} target, ${list.control} control (evaluation month ${list.evaluationMonth})`
  );
  return { kind: 'csv', text: await api.campaignCsv(id, table === 'control' ? 'control' : 'target', csvLabels(list.sources.stageSet)) };
}

/**
 * The list's CSV words for a command line: the column names and codes as the engine writes them
 * (stable for scripts; the page writes them in its language), the stages' English names and the
 * levers the Lifecycle tab recommends for each stage.
 */
function csvLabels(stageSet: StageSet | null): CampaignCsvLabels {
  const stages = stageWords(stageSet, 'en', LEVERS);
  return {
    headers: Object.fromEntries(CAMPAIGN_COLUMNS.map((c) => [c, c])) as Record<CampaignColumn, string>,
    codes: { tier: {}, loyalty: {}, elasticity_layer: {}, arm: {}, stage: stages.stage },
    levers: stages.levers
  };
}

/** Runs one analysis on the loaded data and returns the table to write. */
export async function runAnalysis(s: Session, analysis: Analysis, loaded: Loaded, table: string): Promise<Result> {
  if (analysis === 'ltv') return ltv(s, loaded.id, table);
  const id = await panelOf(s, loaded);
  switch (analysis) {
    case 'lifecycle':
      return lifecycle(s, id, table);
    case 'retention':
      return retention(s, id, table);
    case 'churn':
      return churn(s, id, table);
    case 'value':
      return value(s, id);
    case 'campaign':
      return campaign(s, id, table);
  }
}
