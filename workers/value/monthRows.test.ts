// The value SQL read from the rows as they are (monthRows.ts; windows with only the future model's
// fields) against the summing SQL it replaces, in the tab's engine (DuckDB-WASM in Node): on a panel
// with one row per (customer, month), every field of every customer's windows, every history and
// every monitored group, and the whole assessment, equal; on a panel with repeated pairs the
// assessment takes the summing SQL, and the rows-as-they-are reading would be wrong there.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.ts';
import { samplePanelBlob } from '../engine/sample.ts';
import { nodeEngine } from '../../tests/sql/engine.ts';
import { lifecycleApi } from '../lifecycle/api.ts';
import { DEFAULT_VALUE_PARAMS as P } from '../../common/valueParams.ts';
import { assessValue } from './assess.ts';
import { historicalValues } from './history.ts';
import { extraAliases, valueInputs } from './inputs.ts';
import { perMonthRowsAsTheyAre } from './monthRows.ts';
import { groupMonitor } from './monitor.ts';
import { customerWindows, MODEL_FIELDS, WINDOW_FIELDS, type CustomerWindow, type WindowField } from './window.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await nodeEngine();
});

const ANCHORS = ['2024-12', '2024-06', '2024-09'];

/** A window's customers as plain objects: the id, the fields, the extra columns. */
function plain(ws: CustomerWindow[], fields: readonly WindowField[], aliases: string[]) {
  return ws.map((c) => ({
    customerId: c.customerId,
    ...Object.fromEntries(fields.map((f) => [f, c[f]])),
    ...Object.fromEntries(aliases.map((a) => [a, c.extra(a)]))
  }));
}

/** The summing reading (the SQL as exported) and this dataset's reading, side by side. */
async function bothWays(id: string, oneRow: boolean) {
  const inputs = valueInputs(engine.dataset(id));
  const aliases = extraAliases(inputs);
  const out = [];
  for (const anchor of ANCHORS) {
    const summed = await customerWindows(engine.conn, inputs, anchor, 4);
    const rows = await customerWindows(engine.conn, inputs, anchor, 4, { oneRowPerCustomerMonth: oneRow });
    const model = await customerWindows(engine.conn, inputs, anchor, 3, { oneRowPerCustomerMonth: oneRow, fields: MODEL_FIELDS });
    const modelOfSums = await customerWindows(engine.conn, inputs, anchor, 3, { fields: MODEL_FIELDS });
    const histories = await Promise.all(
      [false, oneRow].map((o) => historicalValues(engine.conn, inputs, summed, anchor, 0.9, 'observed', o))
    );
    out.push({
      anchor,
      summed: plain(summed, WINDOW_FIELDS, aliases),
      rows: plain(rows, WINDOW_FIELDS, aliases),
      modelSummed: plain(summed, MODEL_FIELDS, []),
      model: plain(model, MODEL_FIELDS, []),
      modelOfSums: plain(modelOfSums, MODEL_FIELDS, []),
      histories
    });
  }
  return { out, inputs, aliases };
}

/** The engine's record that a dataset has one row per (customer, month), set or cleared for a comparison. */
function setOneRow(id: string, on: boolean) {
  const unique = (engine as unknown as { unique: Set<string> }).unique;
  if (on) unique.add(id);
  else unique.delete(id);
  expect(engine.dataset(id).oneRowPerCustomerMonth).toBe(on);
}

/** The assessment (scores and every summary, group monitoring included) with the summing SQL and as the dataset reads. */
async function assessBothWays(id: string) {
  const as = engine.dataset(id).oneRowPerCustomerMonth;
  const now = await assessValue(engine, id, P);
  setOneRow(id, false);
  const summed = await assessValue(engine, id, P);
  setOneRow(id, as);
  return { now, summed };
}

describe('perMonthRowsAsTheyAre', () => {
  it('drops the per-month grouping and its aggregates, not quoted names, literals, comments or later aggregates', () => {
    const sql = `-- sum(x) in a comment
WITH m AS (SELECT customer_id, month, sum("sum(a)") AS a, max(b) AS b, avg(c) AS c, bool_or(d) AS d, greatest(e, 'max(') AS e, xmax(f) AS f
  FROM t GROUP BY customer_id, month
) SELECT customer_id, sum(a) FROM m GROUP BY customer_id;`;
    expect(perMonthRowsAsTheyAre(sql)).toBe(`-- sum(x) in a comment
WITH m AS (SELECT customer_id, month, ("sum(a)") AS a, (b) AS b, (c) AS c, (d) AS d, greatest(e, 'max(') AS e, xmax(f) AS f
  FROM t 
) SELECT customer_id, sum(a) FROM m GROUP BY customer_id;`);
    expect(() => perMonthRowsAsTheyAre('SELECT sum(a) FROM t GROUP BY customer_id')).toThrow(/no "GROUP BY customer_id, month"/);
    expect(() => perMonthRowsAsTheyAre('SELECT 1 GROUP BY customer_id, month UNION SELECT 1 GROUP BY customer_id, month')).toThrow(
      /more than once/
    );
  });
});

describe('one row per (customer, month): the rows as they are equal the summed months', () => {
  let id: string;
  beforeAll(async () => {
    id = (await engine.loadSample({ customers: 400, months: 24, seed: 3, lang: 'zh' })).id;
    await lifecycleApi(() => engine).computeLifecycle(id, { ruleSet: 'clm', params: {} });
  }, 120_000);

  it('windows (every field, extra columns included), model windows and histories', async () => {
    expect(engine.dataset(id).oneRowPerCustomerMonth).toBe(true);
    const { out, aliases } = await bothWays(id, true);
    expect(aliases.length).toBeGreaterThan(5);
    for (const w of out) {
      expect(w.summed.length).toBeGreaterThan(250);
      expect(w.rows).toEqual(w.summed);
      expect(w.model).toEqual(w.modelSummed);
      expect(w.modelOfSums).toEqual(w.modelSummed);
      expect(w.histories[1]).toEqual(w.histories[0]);
    }
    // The model windows hold only the model's fields: any other read says so.
    const inputs = valueInputs(engine.dataset(id));
    const [c] = await customerWindows(engine.conn, inputs, '2024-06', 3, { oneRowPerCustomerMonth: true, fields: MODEL_FIELDS });
    expect(() => c.rev3).toThrow(/rev3 was not read/);
    expect(() => c.extra(aliases[0])).toThrow(/not read/);
  }, 60_000);

  it('group monitoring by tier, stage and segment, and the whole assessment', async () => {
    const { now, summed } = await assessBothWays(id);
    expect(now.result.monitor.series.map((s) => s.dimension)).toEqual(expect.arrayContaining(['tier', 'stage', 'segment']));
    const inputs = valueInputs(engine.dataset(id));
    const { months, evaluationMonth } = now.result;
    const counted = await groupMonitor(engine, id, inputs, months, evaluationMonth, true);
    const distinct = await groupMonitor(engine, id, inputs, months, evaluationMonth, false);
    expect(counted).toEqual(distinct);
    expect(now.result.monitor).toEqual(distinct);
    expect(now.rows).toEqual(summed.rows);
    expect(now.result).toEqual(summed.result);
  }, 120_000);
});

describe('repeated (customer, month) pairs: the summing SQL', () => {
  let id: string;
  beforeAll(async () => {
    // The sample panel with every 5th row's month billed again in a second row (its revenue, usage
    // and arrears repeated): a month of those customers is the sum of two rows.
    const text = await (await samplePanelBlob({ customers: 300, months: 24, seed: 2, lang: 'en' }, () => {})).text();
    const [header, ...lines] = text.trimEnd().split('\n');
    const repeated = lines.flatMap((l, i) => (i % 5 === 0 ? [l, l] : [l]));
    const s = await engine.ingestFile(new Blob([[header, ...repeated].join('\n') + '\n']), 'repeated.csv', {});
    expect(s.quality.duplicateKeys).toBeGreaterThan(0);
    id = s.id;
    await lifecycleApi(() => engine).computeLifecycle(id, { ruleSet: 'clm', params: {} });
  }, 120_000);

  it('is what the assessment reads; the rows as they are would differ there', async () => {
    expect(engine.dataset(id).oneRowPerCustomerMonth).toBe(false);
    const { now, summed } = await assessBothWays(id);
    expect(now.rows).toEqual(summed.rows);
    expect(now.result).toEqual(summed.result);
    // Forcing the rows-as-they-are reading on this panel changes windows, histories and monitored counts.
    const { out } = await bothWays(id, true);
    for (const w of out) {
      expect(w.modelOfSums).toEqual(w.modelSummed);
      expect(w.rows).not.toEqual(w.summed);
      expect(w.histories[1]).not.toEqual(w.histories[0]);
    }
    const inputs = valueInputs(engine.dataset(id));
    const { months, evaluationMonth } = now.result;
    const counted = await groupMonitor(engine, id, inputs, months, evaluationMonth, true);
    expect(counted).not.toEqual(now.result.monitor);
    setOneRow(id, true);
    const forced = await assessValue(engine, id, P);
    setOneRow(id, false);
    expect(forced.rows).not.toEqual(summed.rows);
  }, 120_000);
});
