// Panel cohorts for sBG (workers/ltv/sql/months.sql, cohort.sql) on a hand-made monthly panel whose
// survivor counts are known by construction.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.ts';
import { nodeEngine } from '../../tests/sql/engine.ts';
import { ltvApi } from './api.ts';
import type { LtvApi } from './contract.ts';

let engine: Engine;
let api: LtvApi;
let id: string;
beforeAll(async () => {
  engine = await nodeEngine();
  api = ltvApi(() => engine);
  // Cohort 2024-02: A stays to the end, B leaves after 2024-03, C has a gap (absent in 2024-03) and
  // returns in 2024-04, so C is still counted in 2024-03; D joins 2024-01, E joins 2024-03.
  const rows = [
    ['D', '2024-01'],
    ['D', '2024-02'],
    ['A', '2024-02'],
    ['A', '2024-03'],
    ['A', '2024-04'],
    ['B', '2024-02'],
    ['B', '2024-03'],
    ['C', '2024-02'],
    ['C', '2024-04'],
    ['E', '2024-03'],
    ['E', '2024-04']
  ];
  const csv = 'customer_id,month,revenue\n' + rows.map(([c, mth]) => `${c},${mth},10`).join('\n') + '\n';
  const s = await engine.ingestFile(new Blob([csv]), 'panel.csv');
  expect(s.overview.kind).toBe('panel');
  id = s.id;
}, 120_000);

describe('panel cohorts for sBG', () => {
  it('lists acquisition months with their sizes', async () => {
    expect(await api.ltvCohorts(id)).toEqual([
      { month: '2024-01-01', customers: 1 },
      { month: '2024-02-01', customers: 3 },
      { month: '2024-03-01', customers: 1 }
    ]);
  });
  it('counts a cohort active at the start of each month to the end of the data (gaps are not churn)', async () => {
    expect(await api.ltvCohortSurvivors(id, '2024-02-01')).toEqual([3, 3, 2]);
    expect(await api.ltvCohortSurvivors(id, '2024-01-01')).toEqual([1, 1, 0, 0]);
  });
  it('rejects a malformed month', async () => {
    await expect(api.ltvCohortSurvivors(id, 'Feb')).rejects.toMatchObject({ code: 'ltv-bad-input' });
  });
});
