/**
 * Customer value assessment of seed 004 (Shenzhen Mobile, 客户价值评估体系): the four values
 * (historical, current, future, influence) and their weighted composite with value tiers, credit
 * rating, loyalty, value elasticity and the value map (spending tier × tenure band), for every
 * customer on the network in the evaluation month. Set logic runs in SQL (sql/*.sql); the numeric
 * models come from workers/models.
 */
import { mean, median } from '../../common/lists.ts';
import { decayedMonths, valueElasticity } from '../models/index.ts';
import { all, template } from '../db/sql.ts';
import type { Engine } from '../engine/engine.ts';
import { engineError } from '../engine/errors.ts';
import { readStages, stagesInMonth } from '../engine/tables.ts';
import type {
  ElasticityLayer, HistoryMethod, LoyaltyBandName, ValueAssessment, ValueComponent, ValueNote, ValueParams, ValueRow, ValueTier
} from './contract.ts';
import { creditScores, rateCredit } from './credit.ts';
import { fitFutureModel } from './future.ts';
import { valueInputs } from './inputs.ts';
import { scoreLoyalty } from './loyalty.ts';
import { valueMap } from './map.ts';
import { checkParams } from './params.ts';
import { customerWindows, type CustomerWindow } from './window.ts';
import historicalSql from './sql/historical_value.sql?raw';
import monthsSql from './sql/months.sql?raw';

function crossStages(stages: string[], bands: (LoyaltyBandName | null)[]) {
  const counts = new Map<string, number>();
  stages.forEach((s, i) => {
    const key = `${bands[i]}\u0000${s}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return [...counts].map(([key, customers]) => {
    const [band, stage] = key.split('\u0000');
    return { band: band as LoyaltyBandName, stage, customers };
  }).sort((a, b) => a.stage.localeCompare(b.stage));
}

const shift = (months: string[], at: number, by: number): string | null => months[at + by] ?? null;

export async function assessValue(engine: Engine, datasetId: string, params: ValueParams): Promise<{ result: ValueAssessment; rows: ValueRow[] }> {
  const ds = engine.dataset(datasetId);
  if (!ds.has('customerId') || !ds.has('month')) throw engineError('value-needs-panel', 'Customer value needs a customer × month panel.');
  if (!ds.has('revenue')) throw engineError('value-needs-revenue', 'Customer value needs a revenue column.');
  checkParams(params);
  const conn = engine.conn;
  const inputs = valueInputs(ds);
  const notes: ValueNote[] = [];
  for (const role of ['cost', 'discount', 'tenure', 'arrears', 'churn'] as const)
    if (!inputs.has(role)) notes.push({ key: 'missingInput', vars: { role } });

  const months = (await all(conn, template(monthsSql, { table: ds.table }))).map((r) => String(r.month));
  const evaluationMonth = params.evaluationMonth ?? months[months.length - 1];
  const e = months.indexOf(evaluationMonth);
  if (e < 0) throw engineError('value-bad-params', `No data in the evaluation month ${evaluationMonth}.`);
  if (e < 5) notes.push({ key: 'shortHistory', vars: { months: e + 1 } });

  const baseLag = params.elasticityBase == null ? 3 : e - months.indexOf(params.elasticityBase);
  if (params.elasticityBase != null && (!months.includes(params.elasticityBase) || baseLag < 3))
    throw engineError('value-bad-params', 'The elasticity base period must end at least 3 months before the evaluation month.');
  const customers = await customerWindows(conn, inputs, evaluationMonth, baseLag);
  const n = customers.length;

  // Historical value: observed decayed profit plus the seed's approximation for months without rows.
  const hist = new Map(
    (await all(conn, template(historicalSql, { table: ds.table, profit: inputs.parts.profit, tenure: inputs.parts.tenure }), [
      `${evaluationMonth}-01`, params.decay
    ])).map((r) => [String(r.customer_id), r])
  );
  const history: Record<HistoryMethod, number> = { observed: 0, mixed: 0, approximated: 0 };
  const historyMethod: HistoryMethod[] = [];
  const tenureProxy: number[] = [];
  const historical = customers.map((c) => {
    const h = hist.get(c.customerId)!;
    const t = Number(h.hist_months);
    const obsMonths = Number(h.obs_months);
    const method: HistoryMethod = obsMonths >= t ? 'observed' : obsMonths === 0 ? 'approximated' : 'mixed';
    history[method]++;
    historyMethod.push(method);
    tenureProxy.push(t + 3);
    return Number(h.obs_value) + c.profitMean6 * Math.max(0, decayedMonths(t, params.decay) - Number(h.obs_weight));
  });
  if (!inputs.has('tenure')) notes.push({ key: 'historyFromFirstMonth' });

  const current = customers.map((c) => c.rev3 - (c.cost3 ?? 0) - (c.disc3 ?? 0));

  // Future value: train on evaluation − 6, judge on evaluation − 3, predict from the evaluation month.
  const present = (f: string) =>
    ({ voiceMean6: inputs.has('voiceMinutes'), dataMean6: inputs.has('dataMb'), smsMean6: inputs.has('sms'),
       vasLast: inputs.has('vasCount'), arrears6: inputs.has('arrears'), tenure: inputs.has('tenure') })[f] ?? true;
  const trainMonth = shift(months, e, -6) ?? shift(months, e, -3);
  const evalMonth = shift(months, e, -6) ? shift(months, e, -3) : null;
  let future: number[] = customers.map(() => 0);
  let futureSummary = null;
  if (!trainMonth) notes.push({ key: 'futureTooFewMonths' });
  else {
    if (!evalMonth) notes.push({ key: 'futureNoHoldout' });
    const model = fitFutureModel(
      await customerWindows(conn, inputs, trainMonth), evalMonth ? await customerWindows(conn, inputs, evalMonth) : null,
      trainMonth, evalMonth, params.groups, present, notes
    );
    if (model) {
      future = customers.map((c) => model.predict(c));
      futureSummary = model.summary;
    }
  }

  // Influence value: the seed's five parts where their columns exist, else 0.
  const influence = customers.map((c) =>
    inputs.influence.reduce((s, p) => {
      if (!p.alias) return s;
      const v = c.extras[p.alias] ?? 0;
      return s + v * (p.factor === 'arpu3' ? c.rev3 / 3 : p.factor);
    }, 0)
  );
  const missingParts = inputs.influence.filter((p) => !p.alias).map((p) => p.part);
  if (missingParts.length) notes.push({ key: 'influenceMissing', vars: { parts: missingParts.join(', '), count: missingParts.length } });

  const w = params.weights;
  const composite = customers.map((_, i) =>
    w.historical * historical[i] + w.current * current[i] + w.future * future[i] + w.influence * influence[i]
  );
  const tiers = new Array<ValueTier>(n);
  composite.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]).forEach(([, i], rank) => {
    tiers[i] = rank < params.valueTierShares[0] * n ? 'high' : rank < params.valueTierShares[1] * n ? 'medium' : 'low';
  });

  // Credit rating.
  const has = { tenure: inputs.has('tenure'), arrears: inputs.has('arrears') };
  const scores = creditScores(customers, has);
  const credit = rateCredit(customers, scores, params.creditCuts, has);
  if (!has.arrears) notes.push({ key: 'creditNoArrears' });
  if (!inputs.special) notes.push({ key: 'creditNoSpecial' });

  const loyalty = scoreLoyalty(customers, tiers, params.loyaltyCuts, notes);
  if (loyalty) {
    // Stages are another tab's result: read through the registry, which says which rule set wrote them.
    const stageSet = await readStages(conn, datasetId);
    if (stageSet) {
      const stages = await stagesInMonth(conn, datasetId, evaluationMonth);
      loyalty.summary.byStage = crossStages(customers.map((c) => stages.get(c.customerId) ?? '–'), loyalty.bands);
      loyalty.summary.byStageSet = stageSet;
    } else notes.push({ key: 'loyaltyNoStages' });
  }

  // Value elasticity: the 3 months before the last 3 against the last 3.
  const invests = inputs.has('cost') || inputs.has('discount');
  const elasticity = customers.map((c) =>
    invests && c.baseMonths > 0 && c.qBase != null && c.pBase != null && c.pCur != null
      ? valueElasticity(c.qBase, c.rev3, c.pBase, c.pCur) : null
  );
  const layerOf = (v: number | null): ElasticityLayer =>
    v == null ? 'undefined' : v < params.elasticityCuts[0] ? 'low' : v <= params.elasticityCuts[1] ? 'medium' : 'high';
  const layers = elasticity.map(layerOf);
  const baseFrom = shift(months, e, -baseLag - 2);
  const elasticitySummary = invests && baseFrom
    ? {
        baseMonths: [baseFrom, shift(months, e, -baseLag)!] as [string, string],
        compareMonths: [shift(months, e, -2)!, evaluationMonth] as [string, string],
        layers: (['high', 'medium', 'low', 'undefined'] as const).map((layer) => ({
          layer, customers: layers.filter((l) => l === layer).length,
          medianElasticity: median(elasticity.filter((v, i): v is number => v != null && layers[i] === layer))
        }))
      }
    : null;
  if (!invests) notes.push({ key: 'elasticityNoInvestment' });
  else if (!baseFrom) notes.push({ key: 'elasticityTooFewMonths' });

  const churnBasis = !inputs.has('churn') ? 'none' : e + 3 < months.length ? 'next3' : 'evaluationMonth';
  const map = valueMap(
    customers.map((c, i) => ({
      spend: c.rev3 / Math.max(1, Math.min(3, c.months6)), tenure: c.tenure ?? tenureProxy[i], value: composite[i],
      churned: churnBasis === 'next3' ? c.churnNext3 : c.churnNow
    })),
    params.spendBands, params.tenureBands, churnBasis
  );

  const values: Record<ValueComponent | 'composite', number[]> = { historical, current, future, influence, composite };
  const rows: ValueRow[] = customers.map((c: CustomerWindow, i) => ({
    customerId: c.customerId, historical: historical[i], historyMethod: historyMethod[i], current: current[i],
    future: future[i], influence: influence[i], composite: composite[i], tier: tiers[i],
    creditScore: scores[i], credit: credit.grades[i], loyaltyScore: loyalty?.scores[i] ?? null,
    loyalty: loyalty?.bands[i] ?? null, elasticity: elasticity[i], elasticityLayer: layers[i]
  }));
  const result: ValueAssessment = {
    datasetId, evaluationMonth, months, customers: n, notes,
    means: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, mean(v)])) as ValueAssessment['means'],
    tiers: (['high', 'medium', 'low'] as const).map((tier) => {
      const v = composite.filter((_, i) => tiers[i] === tier);
      return { tier, customers: v.length, minValue: v.length ? v.reduce((a, b) => Math.min(a, b)) : null, meanValue: mean(v) };
    }),
    history,
    influenceParts: inputs.influence.map((p) => ({
      part: p.part, column: p.column, customers: p.alias ? customers.filter((c) => (c.extras[p.alias!] ?? 0) !== 0).length : 0
    })),
    future: futureSummary,
    credit: { ...credit.summary, inputs: ['spending', ...(has.tenure ? ['tenure'] : []), ...(has.arrears ? ['arrears'] : [])] },
    loyalty: loyalty?.summary ?? null,
    elasticity: elasticitySummary,
    map
  };
  return { result, rows };
}
