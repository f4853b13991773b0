/**
 * A workbench for unit tests of the feature states and the workspace (no DOM, no DuckDB): the real
 * EngineClient, Workspace, SavedSegments and FeatureStates on fake workers (fakeWorker.ts), with
 * the browser globals they touch (URL, history, localStorage) stubbed. `calls` lists the engine
 * methods called, in order, so a test can say what ran (and what must not have).
 */
import { vi } from 'vitest';
import type { ColumnRole, DatasetKind, DatasetSummary, EngineApi, IngestOptions } from '$workers/contract';
import { headerSignature } from '$common/headers';
import type { Workbench } from '$lib/context';
import { SavedSegments } from '$lib/features/segments/saved.svelte';
import { FeatureStates } from '$lib/features/states.svelte';
import { settings } from '$lib/share/settings.svelte';
import { Workspace } from '$lib/workspace/workspace.svelte';
import { fakeEngine } from './fakeWorker';

type Methods = Parameters<typeof fakeEngine>[0] extends () => infer M ? M : never;

/** A loaded file's summary as the engine returns it. */
export function summary(id: string, fileName: string, headers: string[], roles: ColumnRole[], kind: DatasetKind): DatasetSummary {
  return {
    id,
    fileName,
    bytes: 100,
    format: 'csv',
    encoding: 'utf-8',
    delimiter: ',',
    hasHeader: true,
    headers,
    preview: [],
    roles,
    quality: {
      rowsInFile: 10,
      loaded: 10,
      rejected: 0,
      blankLines: 0,
      dataLines: 10,
      multiLineRecords: 0,
      encodingIssue: null,
      reasons: [],
      nulls: [],
      duplicateKeys: 0,
      dateRange: { min: '2024-01-01', max: '2024-12-31' }
    },
    overview: { kind, rows: 10, customers: 5, months: 12, kpis: null, oneRowPerCustomerMonth: kind === 'panel' },
    quotes: 'standard',
    conversions: [],
    seconds: 0.1,
    timings: []
  };
}

/** A transaction log's columns and roles. */
export const LOG = { headers: ['cust', 'day', 'amt'], roles: ['customerId', 'date', 'amount'] as ColumnRole[] };

export function stubBrowser(hash = ''): void {
  let href = 'http://localhost/?view=ltv';
  vi.stubGlobal('location', {
    get href() {
      return href;
    },
    get hash() {
      return new URL(href).hash;
    }
  });
  vi.stubGlobal('history', { state: null, replaceState: (_: unknown, __: string, url: URL) => (href = url.href) });
  const store = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    get length() {
      return store.size;
    },
    key: (i: number) => [...store.keys()][i] ?? null,
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v)
  });
  settings.replace({}); // also forgets what earlier tests reported
  settings.fromLink = false;
  href = `http://localhost/?view=ltv${hash}`;
  if (hash) settings.init();
}

/**
 * The workbench on a fake engine whose every worker answers with `methods` (plus ingestFile,
 * applyRoles and dropDataset, which number the datasets as the engine does). Each call is recorded.
 */
export function fakeWorkbench(methods: Methods = {}) {
  const calls: { method: string; args: unknown[] }[] = [];
  const record =
    <K extends keyof EngineApi>(method: K, f: (...args: never[]) => unknown) =>
    (...args: never[]) => {
      calls.push({ method, args });
      return f(...args);
    };
  const e = fakeEngine(() => {
    let next = 1;
    const api: Record<string, (...args: never[]) => unknown> = {
      // Typed as the engine would: the given roles, else those sent for its header, else the suggestion.
      ingestFile: async (_file: Blob, name: string, options: IngestOptions) =>
        summary(
          String(next++),
          name,
          LOG.headers,
          options.roles ?? options.rolesByHeader?.[headerSignature(LOG.headers)] ?? LOG.roles,
          'transactions'
        ),
      applyRoles: async (id: string, roles: ColumnRole[]) => summary(id, 'log.csv', LOG.headers, roles, 'transactions'),
      dropDataset: async () => undefined,
      ...methods
    };
    return Object.fromEntries(Object.entries(api).map(([k, f]) => [k, record(k as keyof EngineApi, f)])) as Methods;
  });
  const workspace = new Workspace(e.client);
  const segments = new SavedSegments(e.client, workspace);
  e.client.onRestart(() => workspace.restore());
  const wb: Workbench = { engine: e.client, workspace, segments, features: new FeatureStates() };
  return { ...e, wb, calls, count: (method: keyof EngineApi) => calls.filter((c) => c.method === method).length };
}

/** Waits until the engine is idle (no call in flight, not starting or reloading). */
export async function idle(wb: Workbench): Promise<void> {
  for (let i = 0; i < 200 && wb.engine.busy; i++) await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, 5));
}
