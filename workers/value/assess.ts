/**
 * Customer value assessment of seed 004 (Shenzhen Mobile, 客户价值评估体系): the four values
 * (historical, current, future, influence) and their weighted composite with value tiers, credit
 * rating, loyalty, value elasticity, the value map and group value monitoring, for every customer
 * on the network in the evaluation month. Set logic runs in SQL (sql/*.sql); the numeric models
 * come from workers/models; each part has its module here.
 */
import { mean } from '../../common/lists.ts';
import { all, template } from '../db/sql.ts';
import type { Engine } from '../engine/engine.ts';
import { engineError } from '../engine/errors.ts';
import { readStages, stagesInMonth } from '../engine/tables.ts';
import { writeValueScores } from '../scores/value.ts';
import { brandSide, brandSwitch } from './brand.ts';
import { COMPONENTS, composite, valueTiers } from './composite.ts';
import type { LoyaltyBandName, ValueAssessment, ValueComponent, ValueNote, ValueParams, ValueRow } from './contract.ts';
import { creditScores, rateCredit, type CreditInput } from './credit.ts';
import { elasticities, elasticitySummary } from './elasticity.ts';
import { fitFutureModel } from './future.ts';
import { historicalValues } from './history.ts';
import { influenceParts, shareScale, type InfluenceFacts } from './influence.ts';
import { valueInputs, type FoundColumn, type InfluencePart } from './inputs.ts';
import { scoreLoyalty } from './loyalty.ts';
import { valueMap } from './map.ts';
import { groupMonitor } from './monitor.ts';
import { checkParams } from './params.ts';
import { customerWindows, MODEL_FIELDS, type CustomerWindow } from './window.ts';
import monthsSql from './sql/months.sql?raw';

function crossStages(stages: string[], bands: (LoyaltyBandName | null)[]) {
  const counts = new Map<string, number>();
  stages.forEach((s, i) => {
    const key = `${bands[i]}\u0000${s}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return [...counts]
    .map(([key, customers]) => {
      const [band, stage] = key.split('\u0000');
      return { band: band as LoyaltyBandName, stage, customers };
    })
    .sort((a, b) => a.stage.localeCompare(b.stage));
}

const shift = (months: string[], at: number, by: number): string | null => months[at + by] ?? null;
const PARTS: readonly InfluencePart[] = ['groupKeyContact', 'groupMember', 'family', 'willingness', 'radiation'];

/** Writes the per-customer scores for other tabs (workers/scores/value.ts) as part of the assessment. */
export async function assessValue(
  engine: Engine,
  datasetId: string,
  params: ValueParams
): Promise<{ result: ValueAssessment; rows: ValueRow[] }> {
  const ds = engine.dataset(datasetId);
  if (!ds.has('customerId') || !ds.has('month')) throw engineError('value-needs-panel', 'Customer value needs a customer × month panel.');
  if (!ds.has('revenue')) throw engineError('value-needs-revenue', 'Customer value needs a revenue column.');
  checkParams(params);
  const { historyBasis, compositeBasis: basis, elasticityLayerShares: layerShares } = params;
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
  // Where the load proved one row per (customer, month), the window and history SQL skip summing months.
  const oneRowPerCustomerMonth = ds.oneRowPerCustomerMonth;
  const customers = await customerWindows(conn, inputs, evaluationMonth, baseLag, { oneRowPerCustomerMonth });
  const n = customers.length;

  const history = await historicalValues(conn, inputs, customers, evaluationMonth, params.decay, historyBasis, oneRowPerCustomerMonth);
  if (!inputs.has('tenure')) notes.push({ key: 'historyFromFirstMonth' });

  const current = customers.map((c) => c.rev3 - (c.cost3 ?? 0) - (c.disc3 ?? 0));

  // Future value: train on evaluation − 6, judge on evaluation − 3, predict from the evaluation month.
  const present = (f: string) =>
    ({
      voiceMean6: inputs.has('voiceMinutes'),
      dataMean6: inputs.has('dataMb'),
      smsMean6: inputs.has('sms'),
      vasLast: inputs.has('vasCount'),
      arrears6: inputs.has('arrears'),
      tenure: inputs.has('tenure')
    })[f] ?? true;
  const trainMonth = shift(months, e, -6) ?? shift(months, e, -3);
  const evalMonth = shift(months, e, -6) ? shift(months, e, -3) : null;
  let future: number[] = customers.map(() => 0);
  let futureSummary = null;
  if (!trainMonth) notes.push({ key: 'futureTooFewMonths' });
  else {
    if (!evalMonth) notes.push({ key: 'futureNoHoldout' });
    const modelRead = { oneRowPerCustomerMonth, fields: MODEL_FIELDS };
    const model = fitFutureModel(
      await customerWindows(conn, inputs, trainMonth, 3, modelRead),
      evalMonth ? await customerWindows(conn, inputs, evalMonth, 3, modelRead) : null,
      trainMonth,
      evalMonth,
      params.groups,
      present,
      notes
    );
    if (model) {
      future = customers.map((c) => model.predict(c));
      futureSummary = model.summary;
    }
  }

  // Influence value by role.
  const x = (c: CustomerWindow, col: FoundColumn | null) => (col ? c.extra(col.alias) : null);
  const xNum = (c: CustomerWindow, col: FoundColumn | null) => {
    const v = x(c, col);
    return typeof v === 'number' ? v : null;
  };
  const xFlag = (c: CustomerWindow, col: FoundColumn | null) => (col ? x(c, col) === true : null);
  const scaleOf = (col: FoundColumn | null) => shareScale(customers.map((c) => xNum(c, col)));
  const memberScale = scaleOf(inputs.influence.groupMember);
  const activeScale = scaleOf(inputs.influence.willingness);
  for (const [col, scale] of [
    [inputs.influence.groupMember, memberScale],
    [inputs.influence.willingness, activeScale]
  ] as const)
    if (col && scale !== 1) notes.push({ key: 'influenceSharePercent', vars: { column: col.header } });
  const facts = (c: CustomerWindow): InfluenceFacts => {
    const share = (col: FoundColumn | null, scale: number) => {
      const v = xNum(c, col);
      return v == null ? null : v * scale;
    };
    return {
      itRevenue: xNum(c, inputs.influence.groupKeyContact),
      inGroupShare: share(inputs.influence.groupMember, memberScale),
      secondaries: xNum(c, inputs.influence.family),
      activeShare: share(inputs.influence.willingness, activeScale),
      radiation: inputs.radiation.map((col) => xNum(c, col)),
      keyContact: xFlag(c, inputs.roles.keyContact),
      groupMember: xFlag(c, inputs.roles.groupMember),
      familyMain: xFlag(c, inputs.roles.familyMain),
      arpu3: c.rev3 / 3
    };
  };
  const parts = customers.map((c) => influenceParts(facts(c)));
  const influence = parts.map((p) => PARTS.reduce((s, k) => s + p[k], 0));
  const partColumns = (part: InfluencePart) =>
    (part === 'radiation' ? inputs.radiation : [inputs.influence[part]]).flatMap((c) => (c ? [c.header] : []));
  const missingParts = PARTS.filter((p) => partColumns(p).length === 0);
  if (missingParts.length) notes.push({ key: 'influenceMissing', vars: { parts: missingParts.join(', '), count: missingParts.length } });

  const yuan: Record<ValueComponent, number[]> = { historical: history.values, current, future, influence };
  const comp = composite(yuan, params.weights, basis, history.months, params.decay);
  const tiers = valueTiers(comp.values, params.valueTierShares);
  if (comp.summary.components.some((c) => c.share == null)) notes.push({ key: 'compositeNoShares' });
  // A value equal for everyone (e.g. no influence columns) still "supplies its weight" on ranks,
  // but as the same points for every customer: it ranks nobody, which the shares alone hide.
  for (const component of COMPONENTS)
    if (yuan[component].every((v) => v === yuan[component][0])) notes.push({ key: 'compositeConstant', vars: { component } });

  // Credit rating.
  const has = { tenure: inputs.has('tenure'), arrears: inputs.has('arrears') };
  const creditInputs: CreditInput[] = customers.map((c) => ({
    tenure: c.tenure,
    revMean6: c.revMean6,
    arrears3: c.arrears3,
    arrears6: c.arrears6,
    arrears12: c.arrears12,
    special: xFlag(c, inputs.markers.special) === true,
    secondary: xFlag(c, inputs.markers.secondary) === true,
    exempt: c.id188 || xFlag(c, inputs.markers.infoPhone) === true || xFlag(c, inputs.markers.number188) === true,
    brandSwitch: brandSwitch(c.brandNow, c.brandPrevious, c.brandBefore)
  }));
  const scores = creditScores(creditInputs, has);
  const credit = rateCredit(creditInputs, scores, params.creditCuts, has);
  if (!has.arrears) notes.push({ key: 'creditNoArrears' });
  if (!inputs.markers.special) notes.push({ key: 'creditNoSpecial' });
  const unknownBrands = [
    ...new Set(
      customers.flatMap((c) => [c.brandNow, c.brandPrevious, c.brandBefore]).filter((b): b is string => b != null && brandSide(b) == null)
    )
  ].sort();

  const loyalty = scoreLoyalty(customers, tiers, params.loyaltyCuts, notes);
  if (loyalty) {
    // Stages are another tab's result: read through the registry, which says which rule set wrote them.
    const stageSet = await readStages(conn, datasetId);
    if (stageSet) {
      const stages = await stagesInMonth(conn, datasetId, evaluationMonth);
      loyalty.summary.byStage = crossStages(
        customers.map((c) => stages.get(c.customerId) ?? '–'),
        loyalty.bands
      );
      loyalty.summary.byStageSet = stageSet;
    } else notes.push({ key: 'loyaltyNoStages' });
  }

  // Value elasticity: the 3 months before the last 3 (or the chosen base) against the last 3.
  const invests = inputs.has('cost') || inputs.has('discount');
  const el = elasticities(customers, invests, layerShares);
  const baseFrom = shift(months, e, -baseLag - 2);
  const elasticity =
    invests && baseFrom
      ? elasticitySummary(el, tiers, layerShares, [baseFrom, shift(months, e, -baseLag)!], [shift(months, e, -2)!, evaluationMonth])
      : null;
  const defined = el.elasticity.filter((v) => v != null).length;
  if (elasticity && elasticity.nearOne >= 0.2 * defined && defined > 0)
    notes.push({ key: 'elasticityNearOne', vars: { count: elasticity.nearOne, of: defined } });
  if (!invests) notes.push({ key: 'elasticityNoInvestment' });
  else if (!baseFrom) notes.push({ key: 'elasticityTooFewMonths' });

  const churnBasis = !inputs.has('churn') ? 'none' : e + 3 < months.length ? 'next3' : 'evaluationMonth';
  const perMonth = (c: CustomerWindow) => Math.max(1, Math.min(3, c.months6));
  const map = valueMap(
    customers.map((c, i) => ({
      spend: c.rev3 / perMonth(c),
      investment: (c.pCur ?? 0) / perMonth(c),
      tenure: c.tenure ?? history.months[i] + 6,
      value: comp.values[i],
      churned: churnBasis === 'next3' ? c.churnNext3 : c.churnNow
    })),
    params.spendBands,
    params.tenureBands,
    churnBasis,
    params.mapStrategy,
    invests
  );

  const rows: ValueRow[] = customers.map((c, i) => ({
    customerId: c.customerId,
    historical: history.values[i],
    historyMonths: history.months[i],
    historyMethod: history.methods[i],
    current: current[i],
    future: future[i],
    influence: influence[i],
    composite: comp.values[i],
    tier: tiers[i],
    creditScore: scores[i],
    credit: credit.grades[i],
    loyaltyScore: loyalty?.scores[i] ?? null,
    loyalty: loyalty?.bands[i] ?? null,
    elasticity: el.elasticity[i],
    revenuePerYuan: el.revenuePerYuan[i],
    elasticityLayer: el.layers[i]
  }));
  await writeValueScores(conn, datasetId, rows, { evaluationMonth, basis });
  const values: Record<ValueComponent | 'composite', number[]> = { ...yuan, composite: comp.values };
  const result: ValueAssessment = {
    datasetId,
    evaluationMonth,
    months,
    customers: n,
    notes,
    means: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, mean(v)])) as ValueAssessment['means'],
    tiers: (['high', 'medium', 'low'] as const).map((tier) => {
      const v = comp.values.filter((_, i) => tiers[i] === tier);
      return { tier, customers: v.length, minValue: v.length ? v.reduce((a, b) => Math.min(a, b)) : null, meanValue: mean(v) };
    }),
    composite: comp.summary,
    history: history.counts,
    historyBasis,
    historyExample: history.example,
    influenceParts: PARTS.map((part) => {
      const columns = partColumns(part);
      return { part, columns, customers: parts.filter((p) => p[part] !== 0).length, mean: mean(parts.map((p) => p[part])) };
    }),
    influenceRoles: {
      keyContact: inputs.roles.keyContact?.header ?? null,
      groupMember: inputs.roles.groupMember?.header ?? null,
      familyMain: inputs.roles.familyMain?.header ?? null
    },
    future: futureSummary,
    credit: {
      ...credit.summary,
      inputs: ['spending', ...(has.tenure ? ['tenure'] : []), ...(has.arrears ? ['arrears'] : [])],
      markers: {
        special: inputs.markers.special?.header ?? null,
        secondary: inputs.markers.secondary?.header ?? null,
        infoPhone: inputs.markers.infoPhone?.header ?? null,
        number188: inputs.markers.number188?.header ?? null
      },
      ids188: customers.filter((c) => c.id188).length,
      brand: inputs.brand
        ? {
            current: inputs.brand,
            previous: inputs.previousBrand,
            switchers: creditInputs.filter((c) => c.brandSwitch).length,
            unknownBrands
          }
        : null
    },
    loyalty: loyalty?.summary ?? null,
    elasticity,
    map,
    monitor: await groupMonitor(engine, datasetId, inputs, months, evaluationMonth, oneRowPerCustomerMonth)
  };
  return { result, rows };
}
