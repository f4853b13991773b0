/**
 * RFM summary of a transaction log for the BTYD models (Fader, Hardie & Lee 2005, §4; the same
 * definitions as lifetimes' `summary_data_from_transaction_data`):
 * - purchases by a customer on the same calendar day are one transaction (amounts summed);
 * - frequency = distinct purchase days in the calibration period − 1 (repeat transactions);
 * - recency = time from the first to the last purchase day; T = time from the first purchase day to
 *   the calibration end; both in the chosen unit (day = 1 day, week = 7 days,
 *   month = 365.25/12 days);
 * - monetaryValue = mean amount of the repeat transactions (0 without repeats);
 * - frequencyHoldout = distinct purchase days after the calibration end up to the observation end.
 * Customers whose first purchase falls after the calibration end are left out.
 */
import { ModelError } from './errors.ts';

export interface Transaction {
  customerId: string;
  /** ISO date `YYYY-MM-DD` (a time part after it is ignored). */
  date: string;
  amount: number;
}

export interface RfmOptions {
  calibrationEnd: string;
  observationEnd?: string;
  unit: 'day' | 'week' | 'month';
}

export interface RfmSummaryRow {
  customerId: string;
  frequency: number;
  recency: number;
  T: number;
  monetaryValue: number;
  frequencyHoldout?: number;
}

const UNIT_DAYS = { day: 1, week: 7, month: 365.25 / 12 } as const;

function dayNumber(date: string, what: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  const day = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86_400_000 : NaN;
  if (!m || !Number.isFinite(day) || new Date(day * 86_400_000).getUTCDate() !== +m[3]) {
    throw new ModelError('invalid-input', `${what}: '${date}' is not a YYYY-MM-DD date`);
  }
  return day;
}

/**
 * One row per customer with frequency, recency, T, mean repeat spend and (with `observationEnd`)
 * the holdout frequency, in the order customers first appear.
 * @throws {ModelError} 'invalid-input' (bad date, non-finite amount, observation end before the
 *   calibration end), 'too-few-rows' (no transactions up to the calibration end)
 */
export function rfmSummary(transactions: readonly Transaction[], options: RfmOptions): RfmSummaryRow[] {
  const unitDays = UNIT_DAYS[options.unit];
  if (!unitDays) throw new ModelError('invalid-input', `unknown time unit '${options.unit}'`);
  const calEnd = dayNumber(options.calibrationEnd, 'calibration end');
  const obsEnd = options.observationEnd === undefined ? undefined : dayNumber(options.observationEnd, 'observation end');
  if (obsEnd !== undefined && obsEnd < calEnd) {
    throw new ModelError('invalid-input', 'the observation end is before the calibration end');
  }
  const byCustomer = new Map<string, Map<number, number>>();
  transactions.forEach((t, i) => {
    if (!Number.isFinite(t.amount)) throw new ModelError('invalid-input', `transaction ${i}: amount is not a number`, { index: i });
    const day = dayNumber(t.date, `transaction ${i}`);
    let days = byCustomer.get(t.customerId);
    if (!days) byCustomer.set(t.customerId, (days = new Map()));
    days.set(day, (days.get(day) ?? 0) + t.amount);
  });
  const rows: RfmSummaryRow[] = [];
  for (const [customerId, days] of byCustomer) {
    const sorted = [...days.keys()].sort((a, b) => a - b);
    const calibration = sorted.filter((d) => d <= calEnd);
    if (calibration.length === 0) continue;
    const first = calibration[0];
    let repeatSum = 0;
    for (const d of calibration.slice(1)) repeatSum += days.get(d)!;
    const row: RfmSummaryRow = {
      customerId,
      frequency: calibration.length - 1,
      recency: (calibration[calibration.length - 1] - first) / unitDays,
      T: (calEnd - first) / unitDays,
      monetaryValue: calibration.length > 1 ? repeatSum / (calibration.length - 1) : 0
    };
    if (obsEnd !== undefined) row.frequencyHoldout = sorted.filter((d) => d > calEnd && d <= obsEnd).length;
    rows.push(row);
  }
  if (rows.length === 0) throw new ModelError('too-few-rows', 'no transactions on or before the calibration end');
  return rows;
}
