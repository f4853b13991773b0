// The LTV tab must never start a long fit on its own (issue 16 "Work that gets stuck"): not on
// entering the tab, not after a role change, not after a Cancel (which used to refit and stay busy),
// not after a second Cancel; and the last fit stays visible until a new one is ready.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LtvFitResult } from '$workers/ltv/contract';
import { gate } from '$lib/engine/fakeWorker';
import { fakeWorkbench, idle, stubBrowser } from '$lib/engine/fakeWorkbench';
import { LtvState } from './state.svelte';

const fitted = (customers: number) => ({ customers, holdoutLength: 39 }) as LtvFitResult;
const file = () => new File(['cust,day,amt\n'], 'log.csv');

let close = () => {};
beforeEach(() => stubBrowser());
afterEach(() => {
  close();
  vi.unstubAllGlobals();
});

/** A workbench whose LTV fits wait for the test (`fits`), with one transaction log loaded. */
async function withLog() {
  const fits: ReturnType<typeof gate<LtvFitResult>>[] = [];
  const f = fakeWorkbench({
    ltvFit: () => {
      const g = gate<LtvFitResult>();
      fits.push(g);
      return g.promise;
    },
    ltvCustomers: async () => ({ rows: [], total: 0, totalClv: 0, totalExpectedPurchases: 0 }),
    ltvCohorts: async () => []
  });
  close = f.close;
  await f.wb.engine.start();
  await f.wb.workspace.addFiles([file()]);
  return { ...f, fits, lt: new LtvState(f.wb) };
}

describe('LTV: no automatic refits', () => {
  it('entering the tab (again) or changing a role does not fit; the user’s Fit does', async () => {
    const { wb, lt, count } = await withLog();
    lt.autoLoad();
    lt.autoLoad();
    await idle(wb);
    expect(count('ltvFit')).toBe(0);
    await wb.workspace.applyRoles(wb.workspace.selectedKey!, ['customerId', 'date', 'number']);
    lt.autoLoad();
    await idle(wb);
    expect(count('ltvFit')).toBe(0);
    void lt.fitModels();
    expect(count('ltvFit')).toBe(0); // the call is on its way to the worker
    await vi.waitFor(() => expect(count('ltvFit')).toBe(1));
  });

  it('after Cancel during a fit the tab does not refit on its own, nor after a second Cancel; the engine is idle', async () => {
    const { wb, lt, count, fits } = await withLog();
    const first = lt.fitModels();
    await vi.waitFor(() => expect(count('ltvFit')).toBe(1));
    await wb.engine.cancel();
    await first;
    await idle(wb);
    expect(wb.engine.busy).toBe(false);
    expect(count('ingestFile')).toBe(2); // the file was loaded again
    lt.autoLoad(); // the view shows again
    await idle(wb);
    expect(count('ltvFit')).toBe(1);
    await wb.engine.cancel();
    lt.autoLoad();
    await idle(wb);
    expect(count('ltvFit')).toBe(1);
    expect(wb.engine.busy).toBe(false);
    expect(lt.fit.busy).toBe(false);
    expect(fits).toHaveLength(1);
  });

  it('keeps the last fit visible while a new fit works, through a Cancel and the reload of the data', async () => {
    const { wb, lt, fits, count } = await withLog();
    const one = lt.fitModels();
    await vi.waitFor(() => expect(fits).toHaveLength(1));
    fits[0].open(fitted(100));
    await one;
    expect(lt.fit.result?.customers).toBe(100);
    const two = lt.fitModels();
    await vi.waitFor(() => expect(fits).toHaveLength(2));
    expect(lt.fit.result?.customers).toBe(100);
    await wb.engine.cancel();
    await two;
    await idle(wb);
    expect(lt.fit.result?.customers).toBe(100); // same dataset (same key) after the reload
    expect(lt.fit.error).toBeNull();
    // The link now says "fitted" (the first fit succeeded): the view shown again must still not refit.
    lt.autoLoad();
    await idle(wb);
    expect(count('ltvFit')).toBe(2);
  });

  it('a link that fitted the models says so instead of fitting', async () => {
    vi.unstubAllGlobals();
    const link = { ltv: { btyd: { fitted: true, unit: 'day' } } };
    stubBrowser(`#s=${btoa(JSON.stringify(link))}`);
    const { wb, lt, count } = await withLog();
    lt.autoLoad();
    await idle(wb);
    expect(count('ltvFit')).toBe(0);
    expect(lt.linkFitted).toBe(true);
    expect(lt.unit).toBe('day');
  });
});
