// Rows that disappeared or were mis-read: hostile and damaged files, each ending with
// loaded + rejected = records, data lines explained, rejects cited by true data row and physical
// line (the same Engine and SQL as the browser's worker, on DuckDB-WASM in Node).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../workers/engine/engine.ts';
import type { DatasetSummary } from '../../workers/contract.ts';
import { nodeEngine } from './engine.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const blob = (...parts: (string | Uint8Array | number[])[]) =>
  new Blob(parts.map((p) => (typeof p === 'string' ? utf8(p) : new Uint8Array(p))));
/** 用户 in GBK. */
const GBK_USER = [0xd3, 0xc3, 0xbb, 0xa7];

let engine: Engine;
beforeAll(async () => {
  engine = await nodeEngine();
});

/** Every count on the report agrees with every other. */
function balanced(s: DatasetSummary) {
  const q = s.quality;
  expect(q.loaded + q.rejected).toBe(q.rowsInFile);
  expect(q.reasons.reduce((n, r) => n + r.count, 0)).toBe(q.rejected);
  expect(q.dataLines).toBeGreaterThanOrEqual(q.rowsInFile);
}

describe('an unclosed quote', () => {
  // 20 lines: header, 9 good records, then a record whose quote never closes, then 10 more lines.
  const lines = ['id,note,amount', ...Array.from({ length: 19 }, (_, i) => (i === 9 ? `C${i},"never closed,5` : `C${i},ok ${i},${i}`))];
  const file = lines.join('\n') + '\n';

  it('is one record spanning lines 11–20, and the report says so', async () => {
    const s = await engine.ingestFile(blob(file), 'quote.csv');
    balanced(s);
    expect(s.quality).toMatchObject({ loaded: 9, rejected: 1, rowsInFile: 10, dataLines: 19, multiLineRecords: 1, blankLines: 0 });
    const r = s.quality.reasons.find((x) => x.reason === 'bad-quoting')!;
    expect(r.count).toBe(1);
    expect(r.examples[0]).toMatchObject({ line: 11, lineEnd: 20, row: 10 });
    expect(s.quotes).toBe('standard');
  });

  it('read again with quotes as ordinary characters, every line is a record', async () => {
    const s = await engine.ingestFile(blob(file), 'quote.csv', { quotes: 'literal' });
    balanced(s);
    expect(s.quality).toMatchObject({ loaded: 19, rejected: 0, rowsInFile: 19, dataLines: 19, multiLineRecords: 0 });
    expect(s.quotes).toBe('literal');
  });

  it('quoted fields with line breaks that close are records of several lines, not rejects', async () => {
    const s = await engine.ingestFile(blob('id,note\nA,"two\nlines"\nB,plain\nC,"three\nlines\nhere"\n'), 'multi.csv');
    balanced(s);
    expect(s.quality).toMatchObject({ loaded: 3, rejected: 0, rowsInFile: 3, dataLines: 6, multiLineRecords: 2 });
  });
});

describe('stray GBK bytes in a UTF-8 file', () => {
  const good = Array.from({ length: 400 }, (_, i) => `U${i},深圳市宝安区,${i}.5\n`).join('');

  it('stays UTF-8: the Chinese text is intact, the two damaged rows are rejected with both readings', async () => {
    const s = await engine.ingestFile(
      blob('用户ID,区域,金额\n', good.slice(0, 5000), 'X1,', GBK_USER, ',1\n', good.slice(5000), 'X2,', GBK_USER, ',2\n'),
      'mixed.csv'
    );
    balanced(s);
    expect(s.encoding).toBe('utf-8');
    expect(s.quality).toMatchObject({ loaded: 400, rejected: 2 });
    expect(s.quality.reasons[0]).toMatchObject({ reason: 'invalid-encoding', count: 2 });
    expect(s.preview[0]).toEqual(['U0', '深圳市宝安区', '0.5']);
    const issue = s.quality.encodingIssue!;
    expect(issue).toMatchObject({ chosen: 'utf-8', alternative: 'gb18030', lines: 2 });
    expect(issue.examples[0].asAlternative).toBe('X1,用户,1');
    expect(issue.examples[0].asChosen).toContain('\uFFFD');
    expect(issue.examples[0].line).toBe(s.quality.reasons[0].examples[0].line);
  });

  it('a GBK file whose first 64 KB are plain ASCII is still read as GB18030', async () => {
    const ascii = Array.from({ length: 4000 }, (_, i) => `U${i},north,${i}\n`).join('');
    const s = await engine.ingestFile(blob('id,region,amount\n', ascii, 'U9999,', GBK_USER, ',5\n'), 'late.csv');
    balanced(s);
    expect(s.encoding).toBe('gb18030');
    expect(s.quality).toMatchObject({ loaded: 4001, rejected: 0 });
  });
});

describe('refused whole before, now loaded with the damaged records rejected', () => {
  it('a NUL byte in one field', async () => {
    const s = await engine.ingestFile(blob('id,region,amount\nA,north,1\nB,so', [0], 'uth,2\nC,east,3\nD,west,4', [0], '\n'), 'nul.csv');
    balanced(s);
    expect(s.quality).toMatchObject({ loaded: 2, rejected: 2 });
    const found = s.quality.reasons.filter((x) => x.reason === 'control-character');
    expect(found.map((r) => [r.column, r.count, r.examples.map((e) => e.line)])).toEqual([
      ['amount', 1, [5]],
      ['region', 1, [3]]
    ]);
  });

  it('a carriage return alone inside an unquoted field', async () => {
    const s = await engine.ingestFile(blob('id,note,amount\r\nA,fine,1\r\nB,bro\rken,2\r\nC,fine,3\r\n'), 'cr.csv');
    balanced(s);
    expect(s.quality).toMatchObject({ loaded: 2, rejected: 1, rowsInFile: 3 });
    expect(s.quality.reasons[0]).toMatchObject({ reason: 'control-character', count: 1 });
    expect(s.quality.reasons[0].examples[0]).toMatchObject({ line: 3, row: 2 });
  });

  it('lines ending LF in one place and CR LF in another', async () => {
    const s = await engine.ingestFile(blob('id,amount\nA,1\r\nB,2\nC,3\r\n'), 'mixed-ends.csv');
    balanced(s);
    expect(s.quality).toMatchObject({ loaded: 3, rejected: 0 });
  });

  it('a file of 1,000 columns', async () => {
    const header = Array.from({ length: 1000 }, (_, i) => `m${i}`).join(',');
    const row = (r: number) => Array.from({ length: 1000 }, (_, i) => String(r * i)).join(',');
    const s = await engine.ingestFile(blob(`${header}\n${row(1)}\n${row(2)}\n${row(3)}\n`), 'wide.csv');
    balanced(s);
    expect(s.headers).toHaveLength(1000);
    expect(s.quality).toMatchObject({ loaded: 3, rejected: 0 });
  }, 120_000);

  it('a file wider than the limit is refused with the limit named', async () => {
    const header = Array.from({ length: 5000 }, (_, i) => `m${i}`).join(',');
    await expect(engine.ingestFile(blob(`${header}\n`), 'wider.csv')).rejects.toMatchObject({ code: 'too-many-columns', detail: '4096' });
  });

  it('UTF-16LE without a byte-order mark', async () => {
    const text = '用户ID,账期,出账收入\r\nU1,202401,10.5\r\nU2,202401,20\r\nU1,202402,30\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[2 * i] = text.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const s = await engine.ingestFile(blob(bytes), 'utf16.csv');
    balanced(s);
    expect(s.encoding).toBe('utf-16le');
    expect(s.headers).toEqual(['用户ID', '账期', '出账收入']);
    expect(s.quality).toMatchObject({ loaded: 3, rejected: 0 });
    expect(s.overview).toMatchObject({ kind: 'panel', customers: 2, months: 2 });
  });
});

describe('reject examples cite the true data row and physical line', () => {
  it('a bad value after rows rejected for structure', async () => {
    // Data rows 1..610; rows 5, 50 and 500 have a field too many; row 603 has a bad number.
    const rows = Array.from({ length: 610 }, (_, i) => {
      const n = i + 1;
      if (n === 5 || n === 50 || n === 500) return `C${n},202401,1,extra`;
      if (n === 603) return `C${n},202401,oops`;
      return `C${n},202401,${n}`;
    });
    const s = await engine.ingestFile(blob(['用户ID,账期,出账收入', ...rows].join('\n') + '\n'), 'rows.csv');
    balanced(s);
    expect(s.quality).toMatchObject({ loaded: 606, rejected: 4 });
    const wrong = s.quality.reasons.find((r) => r.reason === 'wrong-field-count')!;
    expect(wrong.examples.map((e) => [e.row, e.line])).toEqual([
      [5, 6],
      [50, 51],
      [500, 501]
    ]);
    const bad = s.quality.reasons.find((r) => r.reason === 'bad-number')!;
    expect(bad.examples[0]).toMatchObject({ row: 603, line: 604, text: 'C603,202401,oops' });
  });

  it('after blank lines and a record of several lines', async () => {
    const s = await engine.ingestFile(blob('id,note,amount\n\nA,"x\ny",1\n\nB,ok,oops\n'), 'after.csv');
    balanced(s);
    expect(s.quality).toMatchObject({ loaded: 1, rejected: 1, blankLines: 2, dataLines: 3 });
    expect(s.quality.reasons[0].examples[0]).toMatchObject({ row: 2, line: 6 });
  });

  it('loaded rows keep the order and numbering of the file around second-chance rows', async () => {
    // "1,234" does not cast as a plain number: the row is read again by the general parser and
    // belongs between its neighbours.
    const s = await engine.ingestFile(
      blob('id,month,amount\nA,202401,1\nB,202401,"1,234"\nC,202401,3\nD,202401,x\nE,202401,5\n'),
      'order.csv'
    );
    balanced(s);
    const rows = await engine.conn.all(`SELECT _row, customer_id, amount FROM ${engine.dataset(s.id).table} ORDER BY _row`);
    expect(rows).toEqual([
      { _row: 1, customer_id: 'A', amount: 1 },
      { _row: 2, customer_id: 'B', amount: 1234 },
      { _row: 3, customer_id: 'C', amount: 3 },
      { _row: 5, customer_id: 'E', amount: 5 }
    ]);
    expect(s.quality.reasons[0].examples[0]).toMatchObject({ row: 4, line: 5 });
  });
});

describe('numbers the reader casts', () => {
  it('an infinity is not a number; NaN in any spelling is an empty value', async () => {
    // The first rows are plain numbers, so the reader casts both columns itself.
    const clean = Array.from({ length: 300 }, (_, i) => `K${i},${i},${i}\n`).join('');
    const s = await engine.ingestFile(blob('id,arpu,cost\n', clean, 'B,inf,3\nC,4,Nan\nD,-Infinity,x\nE,5,6\n'), 'inf.csv');
    balanced(s);
    expect(s.roles).toEqual(['customerId', 'revenue', 'cost']);
    expect(s.quality).toMatchObject({ loaded: 302, rejected: 2 });
    expect(s.quality.reasons.map((r) => [r.reason, r.column, r.count, r.examples.map((e) => e.row)])).toEqual([
      ['bad-number', 'arpu', 2, [301, 303]]
    ]);
    const rows = await engine.conn.all(
      `SELECT customer_id AS id, revenue, cost FROM ${engine.dataset(s.id).table} WHERE _row > 300 ORDER BY _row`
    );
    expect(rows).toEqual([
      { id: 'C', revenue: 4, cost: null },
      { id: 'E', revenue: 5, cost: 6 }
    ]);
  });
});

describe('lines of only spaces', () => {
  it('are blank lines, not records with the wrong number of fields', async () => {
    const s = await engine.ingestFile(blob('id,amount\nA,1\n   \nB,2\n\t \n\nC,3\n'), 'spaces.csv');
    balanced(s);
    expect(s.quality).toMatchObject({ loaded: 3, rejected: 0, blankLines: 3, rowsInFile: 3, dataLines: 3 });
    expect(s.quality.reasons).toEqual([]);
  });
});
