// The customer windows read column by column (window.ts) against the same SQL read as row objects,
// converted field by field as the value code read them before: every field of every customer equal,
// NULLs included, on the generated sample panel (influence, flag and marker columns) and on a panel
// with gaps (missing costs, a customer absent some months) in the tab's engine (DuckDB-WASM in Node).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.ts';
import { nodeEngine } from '../../tests/sql/engine.ts';
import { all, template } from '../db/sql.ts';
import { extraAliases, valueInputs, type ValueInputs } from './inputs.ts';
import { customerWindows, type CustomerWindow } from './window.ts';
import windowSql from './sql/customer_window.sql?raw';

let engine: Engine;
beforeAll(async () => {
  engine = await nodeEngine();
});

const FIELDS = {
  customerId: 'customer_id',
  tenure: 'tenure',
  id188: 'id188',
  brandNow: 'brand_now',
  brandPrevious: 'brand_previous',
  brandBefore: 'brand_before',
  rev3: 'rev3',
  cost3: 'cost3',
  disc3: 'disc3',
  profitMean6: 'profit_mean6',
  months6: 'months6',
  revMean6: 'rev_mean6',
  revSd6: 'rev_sd6',
  revLast: 'rev_last',
  voiceMean6: 'voice_mean6',
  dataMean6: 'data_mean6',
  smsMean6: 'sms_mean6',
  vasLast: 'vas_last',
  arrears3: 'arrears3',
  arrears6: 'arrears6',
  arrears12: 'arrears12',
  qBase: 'q_base',
  pBase: 'p_base',
  baseMonths: 'base_months',
  pCur: 'p_cur',
  target: 'target',
  targetMonths: 'target_months',
  churnNow: 'churn_now',
  churnNext3: 'churn_next3'
} as const;
const ZERO_IF_NULL = new Set(['rev3', 'profitMean6', 'revMean6', 'revLast']);

/** The rows as plain objects, each field converted as the value code did before reading columns. */
async function byRows(inputs: ValueInputs, anchor: string, aliases: string[]) {
  const rows = await all(engine.conn, template(windowSql, inputs.parts), [`${anchor}-01`, 3]);
  const num = (v: unknown) => (v == null ? null : Number(v));
  const str = (v: unknown) => (v == null || String(v).trim() === '' ? null : String(v).trim());
  return rows.map((r) => {
    const o: Record<string, unknown> = {};
    for (const [field, col] of Object.entries(FIELDS)) {
      const v = r[col];
      if (field === 'customerId') o[field] = String(v);
      else if (['id188', 'churnNow', 'churnNext3'].includes(field)) o[field] = v === true;
      else if (field.startsWith('brand')) o[field] = str(v);
      else if (ZERO_IF_NULL.has(field)) o[field] = num(v) ?? 0;
      else o[field] = field.endsWith('Months') || field === 'months6' ? Number(v) : num(v);
    }
    for (const a of aliases) o[a] = typeof r[a] === 'boolean' ? r[a] : num(r[a]);
    return o;
  });
}

function plain(c: CustomerWindow, aliases: string[]) {
  const o: Record<string, unknown> = {};
  for (const field of Object.keys(FIELDS)) o[field] = c[field as keyof typeof FIELDS];
  for (const a of aliases) o[a] = c.extra(a);
  return o;
}

async function compare(id: string, anchors: string[]) {
  const inputs = valueInputs(engine.dataset(id));
  const aliases = extraAliases(inputs);
  for (const anchor of anchors) {
    const windows = await customerWindows(engine.conn, inputs, anchor);
    expect(windows.map((c) => plain(c, aliases))).toEqual(await byRows(inputs, anchor, aliases));
  }
  return { aliases, inputs };
}

describe('customer windows read as columns', () => {
  it('equal the row reading on the sample panel, extra number and flag columns included', async () => {
    const id = (await engine.loadSample({ customers: 300, months: 24, seed: 1, lang: 'en' })).id;
    const { aliases } = await compare(id, ['2024-12', '2024-06', '2024-09']);
    expect(aliases.length).toBeGreaterThan(5);
  }, 60_000);

  it('keep NULL where an input is missing, not 0 (costs missing some months, a customer absent)', async () => {
    const lines = ['customer_id,month,revenue,cost,tenure'];
    for (let k = 1; k <= 12; k++) {
      const m = `2024-${String(k).padStart(2, '0')}`;
      lines.push(`A,${m},${10 + k},${k > 6 ? '' : 2},${k}`);
      if (k % 4 !== 0) lines.push(`B,${m},${20 + k},,`);
    }
    const s = await engine.ingestFile(new Blob([lines.join('\n') + '\n']), 'gaps.csv', {
      roles: ['customerId', 'month', 'revenue', 'cost', 'tenure']
    });
    const inputs = valueInputs(engine.dataset(s.id));
    await compare(s.id, ['2024-12', '2024-11', '2024-09']);
    const [a, b] = await customerWindows(engine.conn, inputs, '2024-11');
    expect([a.customerId, a.cost3, a.tenure, a.voiceMean6]).toEqual(['A', null, 11, null]);
    expect([b.customerId, b.cost3, b.tenure, b.rev3]).toEqual(['B', null, null, 29 + 30 + 31]);
  });
});
