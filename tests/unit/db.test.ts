import { test, expect } from 'vitest';
import { openNodeDb } from '../../workers/db/node.ts';
import { all } from '../../workers/db/sql.ts';
test('db', async () => {
  const { conn, db } = await openNodeDb();
  db.registerFileText('a.csv', 'x,y\n1,2\n3,4\n');
  expect(await all(conn, "select count(*) n, sum(x) s from read_csv('a.csv')")).toEqual([{ n: 2, s: 4 }]);
  expect(await all(conn, 'select ?::INT + 1 as v', [41])).toEqual([{ v: 42 }]);
});
test('hugeint and decimal come back as numbers', async () => {
  const { conn } = await openNodeDb();
  expect(await all(conn, 'select 12345678901234567::HUGEINT h, (-12.34)::DECIMAL(10,2) d, 3::BIGINT b')).toEqual([
    { h: 12345678901234567, d: -12.34, b: 3 }
  ]);
});
