/**
 * Per-customer indicators around an anchor month, read from customer_window.sql into plain objects
 * (numbers or null where an input is missing).
 */
import { all, template, type SqlConnection } from '../db/sql.ts';
import windowSql from './sql/customer_window.sql?raw';
import type { ValueInputs } from './inputs.ts';

export interface CustomerWindow {
  customerId: string;
  tenure: number | null;
  /** The customer id is a 188 number. */
  id188: boolean;
  /** Brand in the anchor month, the previous-brand column there, the brand in the oldest of the 6 months before. */
  brandNow: string | null;
  brandPrevious: string | null;
  brandBefore: string | null;
  rev3: number;
  cost3: number | null;
  disc3: number | null;
  profitMean6: number;
  months6: number;
  revMean6: number;
  revSd6: number | null;
  revLast: number;
  voiceMean6: number | null;
  dataMean6: number | null;
  smsMean6: number | null;
  vasLast: number | null;
  arrears3: number | null;
  arrears6: number | null;
  arrears12: number | null;
  qBase: number | null;
  pBase: number | null;
  baseMonths: number;
  pCur: number | null;
  target: number | null;
  targetMonths: number;
  churnNow: boolean;
  churnNext3: boolean;
  /** The extra columns of inputs.ts by alias: numbers averaged over the last 3 months, flags in the anchor month. */
  extras: Record<string, number | boolean | null>;
}

const num = (v: unknown): number | null => (v == null ? null : Number(v));
const str = (v: unknown): string | null => (v == null || String(v).trim() === '' ? null : String(v).trim());
const extra = (v: unknown): number | boolean | null => (typeof v === 'boolean' ? v : num(v));

/**
 * Customers on the network in `anchor` (`YYYY-MM`), with their window indicators; `baseLag` is how
 * many months before the anchor the elasticity base window ends (default 3: the 3 months before the last 3).
 */
export async function customerWindows(conn: SqlConnection, inputs: ValueInputs, anchor: string, baseLag = 3): Promise<CustomerWindow[]> {
  const rows = await all(conn, template(windowSql, inputs.parts), [`${anchor}-01`, baseLag]);
  const aliases = [
    ...Object.values(inputs.influence),
    ...inputs.radiation,
    ...Object.values(inputs.roles),
    ...Object.values(inputs.markers)
  ].flatMap((c) => (c ? [c.alias] : []));
  return rows.map((r) => ({
    customerId: String(r.customer_id),
    tenure: num(r.tenure),
    id188: r.id188 === true,
    brandNow: str(r.brand_now),
    brandPrevious: str(r.brand_previous),
    brandBefore: str(r.brand_before),
    rev3: num(r.rev3) ?? 0,
    cost3: num(r.cost3),
    disc3: num(r.disc3),
    profitMean6: num(r.profit_mean6) ?? 0,
    months6: Number(r.months6),
    revMean6: num(r.rev_mean6) ?? 0,
    revSd6: num(r.rev_sd6),
    revLast: num(r.rev_last) ?? 0,
    voiceMean6: num(r.voice_mean6),
    dataMean6: num(r.data_mean6),
    smsMean6: num(r.sms_mean6),
    vasLast: num(r.vas_last),
    arrears3: num(r.arrears3),
    arrears6: num(r.arrears6),
    arrears12: num(r.arrears12),
    qBase: num(r.q_base),
    pBase: num(r.p_base),
    baseMonths: Number(r.base_months),
    pCur: num(r.p_cur),
    target: num(r.target),
    targetMonths: Number(r.target_months),
    churnNow: r.churn_now === true,
    churnNext3: r.churn_next3 === true,
    extras: Object.fromEntries(aliases.map((a) => [a, extra(r[a])]))
  }));
}
