// The workspace on a fake engine: remembered and linked roles travel with the ingest call (the file is
// typed once), a link's unknown role never stops a file, and a restarted engine gets the files again
// under the same keys (a Cancel during that reload drops only the file being reloaded).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ColumnRole, DatasetSummary, IngestOptions } from '$workers/contract';
import { headerSignature } from '$common/headers';
import { gate } from '$lib/engine/fakeWorker';
import { fakeWorkbench, idle, LOG, stubBrowser, summary } from '$lib/engine/fakeWorkbench';
import { settings } from '$lib/share/settings.svelte';
import { headerKey, rememberRoles } from './roles';
import { RESTORING } from './workspace.svelte';

const file = (name: string) => new File(['x'], name);
const SIG = headerSignature(LOG.headers);
let close = () => {};
beforeEach(() => stubBrowser());
afterEach(() => {
  close();
  vi.unstubAllGlobals();
});

function bench(methods = {}) {
  const f = fakeWorkbench(methods);
  close = f.close;
  return f;
}

describe('roles sent with the ingest call', () => {
  it('a file with remembered roles is typed once, with them (no second applyRoles)', async () => {
    rememberRoles(localStorage, LOG.headers, ['customerId', 'date', 'number']);
    const { wb, calls, count } = bench();
    await wb.engine.start();
    await wb.workspace.addFiles([file('log.csv')]);
    const options = calls.find((c) => c.method === 'ingestFile')!.args[2] as IngestOptions;
    expect(options.rolesByHeader?.[SIG]).toEqual(['customerId', 'date', 'number']);
    expect(count('applyRoles')).toBe(0);
    expect(wb.workspace.base?.roles).toEqual(['customerId', 'date', 'number']);
    expect(wb.workspace.rememberedApplied).toBe(true);
    // Roles the user applies are remembered: the next file with this header gets them, and says so.
    await wb.workspace.applyRoles(wb.workspace.selectedKey!, ['customerId', 'date', 'ignore']);
    await wb.workspace.addFiles([file('log-2.csv')]);
    expect(wb.workspace.base?.roles).toEqual(['customerId', 'date', 'ignore']);
    expect(wb.workspace.rememberedApplied).toBe(true);
    expect(count('applyRoles')).toBe(1); // only the user's
  });

  it('a link’s roles win over remembered ones; an unknown role name drops that entry, with a note, and the file loads', async () => {
    rememberRoles(localStorage, LOG.headers, ['customerId', 'date', 'number']);
    settings.values = {
      roles: { [headerKey(LOG.headers)]: ['customerId', 'date', 'weekday'], [headerKey(['a', 'b'])]: ['customerId', 'month'] }
    };
    const { wb, calls } = bench();
    await wb.engine.start();
    await wb.workspace.addFiles([file('log.csv')]);
    const options = calls.find((c) => c.method === 'ingestFile')!.args[2] as IngestOptions;
    expect(options.rolesByHeader?.[SIG]).toEqual(['customerId', 'date', 'number']); // the remembered ones
    expect(options.rolesByHeader?.[headerSignature(['a', 'b'])]).toEqual(['customerId', 'month']);
    expect(wb.workspace.datasets).toHaveLength(1);
    expect(wb.workspace.error).toBeNull();
    expect(settings.dropped).toContain(`roles.${SIG}`);
  });
});

describe('after a restart the files are loaded again', () => {
  it('under the same keys, in order, with the roles they had; the selection stays; no dataset points at a dead engine', async () => {
    const { wb, calls } = bench();
    await wb.engine.start();
    await wb.workspace.addFiles([file('a.csv'), file('b.csv')]);
    await wb.workspace.applyRoles(wb.workspace.datasets[0].key, ['customerId', 'date', 'ignore']);
    wb.workspace.select(wb.workspace.datasets[0].key);
    const before = wb.workspace.datasets.map((d) => d.key);
    const restarting = wb.engine.cancel();
    expect(wb.workspace.datasets.map((d) => d.key)).toEqual(before);
    await restarting;
    expect(wb.workspace.datasets.map((d) => d.key)).toEqual(before);
    expect(wb.workspace.datasets.every((d) => !d.id.startsWith(RESTORING))).toBe(true);
    expect(wb.workspace.selectedKey).toBe(before[0]);
    const reloads = calls
      .filter((c) => c.method === 'ingestFile')
      .slice(2)
      .map((c) => (c.args[2] as IngestOptions).roles);
    expect(reloads).toEqual([['customerId', 'date', 'ignore'], LOG.roles]);
  });

  it('a Cancel during the reload drops only the file being reloaded, and says so', async () => {
    let hold: ReturnType<typeof gate<DatasetSummary>> | null = null;
    let next = 1;
    const { wb } = bench({
      ingestFile: (_f: Blob, name: string, o: { roles?: ColumnRole[] }) => {
        const s = summary(String(next++), name, LOG.headers, o.roles ?? LOG.roles, 'transactions');
        if (name !== 'big.csv' || !o.roles) return Promise.resolve(s);
        hold = gate<DatasetSummary>();
        return hold.promise; // the reload of big.csv takes long
      }
    });
    await wb.engine.start();
    await wb.workspace.addFiles([file('big.csv'), file('small.csv')]);
    void wb.engine.cancel();
    await vi.waitFor(() => expect(hold).not.toBeNull());
    expect(wb.workspace.datasets.map((d) => d.id.startsWith(RESTORING))).toEqual([true, true]);
    await wb.engine.cancel(); // the second Cancel: stop reloading big.csv
    await idle(wb);
    expect(wb.workspace.datasets.map((d) => d.fileName)).toEqual(['small.csv']);
    expect(wb.workspace.notRestored).toEqual(['big.csv']);
    expect(wb.engine.busy).toBe(false);
  });

  it('a Cancel stops the rest of a batch of files being added', async () => {
    const started = gate();
    const { wb, count } = bench({
      ingestFile: (_f: Blob, name: string) => {
        if (name === 'first.csv') {
          started.open();
          return new Promise(() => {});
        }
        return Promise.resolve(summary('9', name, LOG.headers, LOG.roles, 'transactions'));
      }
    });
    await wb.engine.start();
    const adding = wb.workspace.addFiles([file('first.csv'), file('second.csv')]);
    await started.promise;
    await wb.engine.cancel();
    await adding;
    expect(count('ingestFile')).toBe(1);
    expect(wb.workspace.datasets).toEqual([]);
  });
});

describe('a file added while roles are being applied', () => {
  it('is typed with the roles just applied (the load waits for them)', async () => {
    const applied = gate();
    let next = 1;
    const { wb } = bench({
      applyRoles: async (id: string, roles: ColumnRole[]) => {
        await applied.promise;
        return summary(id, 'log.csv', LOG.headers, roles, 'transactions');
      },
      ingestFile: async (_f: Blob, name: string, o: IngestOptions) =>
        summary(String(next++), name, LOG.headers, o.roles ?? o.rolesByHeader?.[SIG] ?? LOG.roles, 'transactions')
    });
    await wb.engine.start();
    await wb.workspace.addFiles([file('a.csv')]);
    const applying = wb.workspace.applyRoles(wb.workspace.selectedKey!, ['customerId', 'date', 'ignore']);
    const adding = wb.workspace.addFiles([file('b.csv')]); // before the engine answered
    applied.open();
    await applying;
    await adding;
    expect(wb.workspace.base?.fileName).toBe('b.csv');
    expect(wb.workspace.base?.roles).toEqual(['customerId', 'date', 'ignore']);
    expect(wb.workspace.rememberedApplied).toBe(true);
  });
});
