// The role vocabulary as the engine applies it: one role → kind table (workers/engine/typed.ts).
import { describe, expect, it } from 'vitest';
import { nodeEngine } from './engine.ts';

describe('status is a category', () => {
  it('loads states such as 在网 / 停机 / Closed without rejecting a row', async () => {
    const engine = await nodeEngine();
    const csv = 'customer_id,month,status\nu1,2024-01,在网\nu2,2024-01,停机\nu3,2024-01,Closed\nu4,2024-01,1\n';
    const s = await engine.ingestFile(new Blob([csv]), 'status.csv', { roles: ['customerId', 'month', 'status'] });
    expect(s.quality).toMatchObject({ loaded: 4, rejected: 0 });
    expect(engine.dataset(s.id).columns.find((c) => c.role === 'status')?.kind).toBe('category');
  });
});
