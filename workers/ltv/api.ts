/**
 * The ltv feature's engine methods, run in the worker beside DuckDB: the RFM summary and holdout
 * counts in SQL, then the models (workers/models) on the summary. The last fit per dataset is kept
 * so that changing CLV settings, sorting or exporting does not refit.
 */
import type { ProgressFn } from '../contract.ts';
import { all, one, quoteIdent, template } from '../db/sql.ts';
import type { DatasetHandle, Engine } from '../engine/engine.ts';
import { engineError, featureApi, type FeatureErrors } from '../engine/errors.ts';
import { ModelError, type ModelErrorCode } from '../models/index.ts';
import type { LtvApi, LtvClvSettings, LtvCustomerRow, LtvErrorCode, LtvFitResult, LtvRfmRow, LtvSplit } from './contract.ts';
import { customersCsv, scoreCustomers, sortCustomers } from './customers.ts';
import { bgBbResult, sbgResult } from './discrete.ts';
import { calibrationHoldout, fitModels, fittedPurchaseModels, heatmap, tracking, UNIT_DAYS } from './fit.ts';
import { queryRfmRows, type RfmQueryResult } from './rfmColumns.ts';
import rfmSql from './sql/rfm.sql?raw';
import boundsSql from './sql/bounds.sql?raw';
import dateRangeSql from './sql/date_range.sql?raw';
import cohortSql from './sql/cohort.sql?raw';
import monthsSql from './sql/months.sql?raw';
import bgbbSql from './sql/bgbb_histories.sql?raw';

const noProgress: ProgressFn = () => {};
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** ModelError codes → LTV codes; the model's own code travels in `detail` for a finer message. */
export const LTV_ERRORS: FeatureErrors<LtvErrorCode> = {
  models: {
    'no-repeat-buyers': 'ltv-no-repeat-buyers',
    'too-few-customers': 'ltv-too-few-customers',
    'too-few-rows': 'ltv-too-few-customers',
    'not-converged': 'ltv-not-converged',
    'numerical-failure': 'ltv-not-converged'
  },
  model: 'ltv-bad-input'
};

function transactions(engine: Engine, id: string): DatasetHandle {
  const ds = engine.dataset(id);
  if (!ds.has('customerId') || !ds.has('date')) throw engineError('ltv-needs-transactions', 'Map a customer ID and a date column.');
  return ds;
}

async function bounds(engine: Engine, ds: DatasetHandle): Promise<{ firstDate: string; lastDate: string; customers: number }> {
  const r = await one(engine.conn, template(boundsSql, { table: ds.table }));
  if (!r || r.first_date == null) throw engineError('ltv-too-few-customers', 'No dated transactions.', 'too-few-rows');
  return { firstDate: String(r.first_date), lastDate: String(r.last_date), customers: Number(r.customers) };
}

/** The first and last date, for a fit (bounds without the customer count). */
async function dateRange(engine: Engine, ds: DatasetHandle): Promise<{ firstDate: string; lastDate: string }> {
  const r = await one(engine.conn, template(dateRangeSql, { table: ds.table }));
  if (!r || r.first_date == null) throw engineError('ltv-too-few-customers', 'No dated transactions.', 'too-few-rows');
  return { firstDate: String(r.first_date), lastDate: String(r.last_date) };
}

/** The RFM summary in SQL, with what the tracking chart needs (first-purchase offsets, repeats per unit). */
export async function rfmRows(engine: Engine, ds: DatasetHandle, split: LtvSplit, observationEnd: string): Promise<RfmQueryResult> {
  const unitDays = UNIT_DAYS[split.unit];
  if (!unitDays || !ISO.test(split.calibrationEnd) || !ISO.test(observationEnd))
    throw engineError('ltv-bad-input', 'Need a time unit and YYYY-MM-DD dates.', 'invalid-input');
  if (observationEnd < split.calibrationEnd)
    throw engineError('ltv-bad-input', 'The observation end is before the calibration end.', 'invalid-input');
  const sql = template(rfmSql, { table: ds.table, amount: ds.has('amount') ? quoteIdent('amount') : '0' });
  return await queryRfmRows(engine.conn, sql, [split.calibrationEnd, observationEnd, unitDays]);
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

export function ltvApi(engine: () => Engine): LtvApi {
  const fits = () => engine().cache<{ fit: LtvFitResult; rows: LtvRfmRow[]; scored?: { key: string; rows: LtvCustomerRow[] } }>('ltv.fits');

  function scored(id: string, s: LtvClvSettings): LtvCustomerRow[] {
    const held = fits().get(id);
    if (!held) throw engineError('ltv-not-fitted', 'Fit the models first.');
    const key = JSON.stringify([s.model, s.t, s.margin, s.annualDiscount, s.horizonMonths]);
    if (held.scored?.key !== key) held.scored = { key, rows: scoreCustomers(held.rows, held.fit, s) };
    return held.scored.rows;
  }

  return featureApi<LtvApi>(LTV_ERRORS, {
    ltvBounds: async (id) => bounds(engine(), transactions(engine(), id)),

    ltvRfm: async (id, split) => {
      const e = engine();
      const ds = transactions(e, id);
      const last = (await dateRange(e, ds)).lastDate;
      return (await rfmRows(e, ds, split, split.observationEnd ?? (last > split.calibrationEnd ? last : split.calibrationEnd))).rows;
    },

    ltvFit: async (id, split, onProgress = noProgress) => {
      const t0 = performance.now();
      const e = engine();
      const ds = transactions(e, id);
      onProgress({ phase: 'summarising', fraction: null });
      const b = await dateRange(e, ds);
      // Without an explicit end the holdout runs to the last date (none when the data end before the calibration end).
      const observationEnd = split.observationEnd ?? (b.lastDate > split.calibrationEnd ? b.lastDate : split.calibrationEnd);
      const { rows, firstOffsets, repeatsByPeriod } = await rfmRows(e, ds, split, observationEnd);
      if (rows.length === 0)
        throw engineError('ltv-too-few-customers', 'No customer bought on or before the calibration end.', 'too-few-customers');
      const unitDays = UNIT_DAYS[split.unit];
      const holdoutLength = (dayNumber(observationEnd) - dayNumber(split.calibrationEnd)) / unitDays;
      onProgress({ phase: 'fitting', fraction: null });
      const { models, preferred, spendCorrelation } = fitModels(rows);
      const fitted = fittedPurchaseModels(models);
      if (fitted.length === 0) {
        // Without a purchase model there is nothing to show: the first one's reason says why.
        const first = models.find((m) => m.kind === 'purchase');
        if (first && !first.ok) throw new ModelError(first.code as ModelErrorCode, first.message);
      }
      // Offsets count from the earliest first purchase, which is the first date in the data (it is ≤ the calibration end).
      const origin = dayNumber(b.firstDate);
      const periods = Math.floor((dayNumber(observationEnd) - origin) / unitDays) + 1;
      const fit: LtvFitResult = {
        datasetId: id,
        unit: split.unit,
        calibrationEnd: split.calibrationEnd,
        observationEnd,
        firstDate: b.firstDate,
        holdoutLength,
        customers: rows.length,
        repeatBuyers: rows.filter((r) => r.frequency > 0).length,
        models,
        preferred,
        spendCorrelation,
        calibrationHoldout: holdoutLength > 0 ? calibrationHoldout(rows, holdoutLength, fitted) : [],
        tracking: tracking({ repeatsByPeriod, firstOffsets, periods, unitDays }, fitted),
        trackingCalibrationPeriod: Math.floor((dayNumber(split.calibrationEnd) - origin) / unitDays) + 1,
        heatmap: heatmap(rows, fitted[0], holdoutLength > 0 ? holdoutLength : 1),
        seconds: 0
      };
      fit.seconds = (performance.now() - t0) / 1000;
      fits().set(id, { fit, rows });
      return fit;
    },

    ltvCustomers: async (id, s) => {
      const rows = scored(id, s);
      const sorted = sortCustomers(rows, s.sort, s.descending);
      const clvs = rows.map((r) => r.clv);
      return {
        rows: sorted.slice(0, Math.max(0, s.topN)),
        total: rows.length,
        totalClv: clvs.every((v) => v != null) ? clvs.reduce((a, v) => a! + v!, 0) : null,
        totalExpectedPurchases: rows.reduce((a, r) => a + r.expectedPurchases, 0)
      };
    },

    ltvCustomersCsv: async (id, s, lang) => customersCsv(sortCustomers(scored(id, s), s.sort, s.descending), lang),

    ltvBgBb: async (id, horizon) => {
      const e = engine();
      const ds = e.dataset(id);
      const pick = (...names: string[]) => ds.columns.find((c) => c.kind === 'number' && names.includes(c.header.trim().toLowerCase()));
      const cols = [
        pick('frequency', 'x'),
        pick('recency', 't_x', 'tx'),
        pick('periods', 'n', 'opportunities'),
        pick('weights', 'count', 'customers')
      ];
      if (cols.some((c) => !c)) throw engineError('ltv-needs-columns', 'Need frequency, recency, periods and weights columns.');
      const [f, r, n, w] = cols.map((c) => quoteIdent(c!.name));
      const rows = (await all(e.conn, template(bgbbSql, { frequency: f, recency: r, periods: n, weights: w, table: ds.table }))).map(
        (x) => ({ frequency: Number(x.frequency), recency: Number(x.recency), n: Number(x.n), count: Number(x.count) })
      );
      return bgBbResult(rows, horizon);
    },

    ltvSbg: async (counts, options) => sbgResult(counts, options.projectTo, options.discountRate),

    ltvCohorts: async (id) => {
      const e = engine();
      const ds = e.dataset(id);
      if (!ds.has('customerId') || !ds.has('month')) throw engineError('ltv-needs-transactions', 'Need customer and month columns.');
      return (await all(e.conn, template(monthsSql, { table: ds.table }))).map((r) => ({
        month: String(r.month),
        customers: Number(r.customers)
      }));
    },

    ltvCohortSurvivors: async (id, month) => {
      const e = engine();
      const ds = e.dataset(id);
      if (!ISO.test(month)) throw engineError('ltv-bad-input', 'Need a YYYY-MM-DD month.', 'invalid-input');
      return (await all(e.conn, template(cohortSql, { table: ds.table }), [month])).map((r) => Number(r.active));
    }
  });
}
