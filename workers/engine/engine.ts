/**
 * The engine: datasets held in DuckDB, with ingest, typing by role, quality report and overview.
 * Environment-agnostic: the browser worker and vitest construct it with their own connection and
 * file host, so the same code runs in both.
 */
import type {
  ColumnRole,
  DatasetKind,
  DatasetSummary,
  DerivedDataset,
  IngestOptions,
  ProgressFn,
  SampleOptions,
  Overview
} from '../contract.ts';
import { all, exec, one, quoteIdent, template, type SqlConnection } from '../db/sql.ts';
import { engineError, toEngineError } from './errors.ts';
import { dropResults, TABLES } from './tables.ts';
import { detectFile, readFile, type FileHost, type LoadedFile } from './ingest.ts';
import { planColumns, type TypedColumn } from './typed.ts';
import { datasetKind, overview, qualityReport, tableStats } from './quality.ts';
import valuesSql from '../ingest/sql/values.sql?raw';
import derivedSql from './sql/derived_dataset.sql?raw';

const noProgress: ProgressFn = () => {};

/**
 * Times each progress phase, so a summary can say where the seconds went (benchmarks print it). A
 * phase entered again (a Parquet file alternates decoding and loading group by group) adds up.
 */
function phaseClock(onProgress: ProgressFn) {
  const timings: { phase: string; seconds: number }[] = [];
  let current: { phase: string; start: number } | null = null;
  const close = () => {
    if (!current) return;
    const seconds = (performance.now() - current.start) / 1000;
    const seen = timings.find((t) => t.phase === current!.phase);
    if (seen) seen.seconds += seconds;
    else timings.push({ phase: current.phase, seconds });
  };
  return {
    onProgress: ((p) => {
      if (current?.phase !== p.phase) {
        close();
        current = { phase: p.phase, start: performance.now() };
      }
      onProgress(p);
    }) as ProgressFn,
    finish: () => {
      close();
      current = null;
      return timings;
    }
  };
}

/** What analysis modules need to know about a loaded dataset. */
export interface DatasetHandle {
  id: string;
  /** Quoted name of the typed table (canonical column names per role, see typed.ts CANONICAL). */
  table: string;
  kind: DatasetKind;
  columns: TypedColumn[];
  /** True when a column has this role. */
  has(role: ColumnRole): boolean;
  /** One row per (customer, month), checked at load (Overview.oneRowPerCustomerMonth). */
  oneRowPerCustomerMonth: boolean;
}

export class Engine {
  private datasets = new Map<string, LoadedFile>();
  private typed = new Map<string, TypedColumn[]>();
  /** The datasets whose overview found one row per (customer, month). */
  private unique = new Set<string>();
  /** Options of datasets loaded with loadSample, so their planted ground truth can be regenerated. */
  private samples = new Map<string, SampleOptions>();
  /** Datasets derived from each dataset (segment filters), dropped with it. */
  private children = new Map<string, string[]>();
  /** Analysis features' per-dataset caches (fits, lists), see `cache`. */
  private caches = new Map<string, Map<string, unknown>>();
  private next = 1;

  private constructor(
    readonly conn: SqlConnection,
    private files: FileHost
  ) {}

  /** An engine on a fresh connection: the value parsers defined, extension downloads switched off. */
  static async open(conn: SqlConnection, files: FileHost): Promise<Engine> {
    // Never fetch extensions: the tab must not talk to the network (and the CSP would refuse anyway).
    await exec(conn, 'SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
    await exec(conn, valuesSql);
    return new Engine(conn, files);
  }

  /** A loaded dataset, for analysis modules (lifecycle, value, LTV, …) running beside the engine. */
  dataset(id: string): DatasetHandle {
    const columns = this.typed.get(id);
    if (!columns) throw engineError('unknown-dataset', `No dataset ${id}.`);
    return {
      id,
      table: quoteIdent(TABLES.dataset(id)),
      kind: datasetKind(columns),
      columns,
      has: (role) => columns.some((c) => c.role === role),
      oneRowPerCustomerMonth: this.unique.has(id)
    };
  }

  async ingestFile(blob: Blob, name: string, options: IngestOptions = {}, onProgress: ProgressFn = noProgress): Promise<DatasetSummary> {
    const started = performance.now();
    const id = String(this.next++);
    const clock = phaseClock(onProgress);
    try {
      const file = await detectFile(this.files, id, blob, name, options, clock.onProgress);
      this.datasets.set(id, file);
      const summary = await this.summarise(file, file.suggestedRoles, started, clock.onProgress);
      return { ...summary, timings: clock.finish() };
    } catch (e) {
      this.datasets.delete(id);
      await this.dropTables(id);
      throw toEngineError(e, 'read-failed');
    }
  }

  /** Reads the registered file again with other roles (the typed table is the only copy kept). */
  async applyRoles(id: string, roles: ColumnRole[]): Promise<DatasetSummary> {
    const file = this.datasets.get(id);
    if (!file) throw engineError('unknown-dataset', `No dataset ${id}.`);
    if (roles.length !== file.headers.length) throw engineError('bad-mapping', 'One role per column is needed.');
    try {
      const clock = phaseClock(noProgress);
      const summary = await this.summarise(file, roles, performance.now(), clock.onProgress);
      // Stages and scores other tabs computed from the old typing no longer hold.
      await dropResults(this.conn, id);
      return { ...summary, timings: clock.finish() };
    } catch (e) {
      throw toEngineError(e);
    }
  }

  /** Loads generated sample data through the same path as a user's file. */
  async loadSample(options: SampleOptions, onProgress: ProgressFn = noProgress): Promise<DatasetSummary> {
    onProgress({ phase: 'generating', fraction: 0 });
    const { samplePanelBlob } = await import('./sample.ts');
    const blob = await samplePanelBlob(options, (f) => onProgress({ phase: 'generating', fraction: f }));
    const name = options.lang === 'zh' ? '示例面板数据.csv' : 'sample-panel.csv';
    const summary = await this.ingestFile(blob, name, {}, onProgress);
    this.samples.set(summary.id, { ...options });
    return summary;
  }

  /** The options a sample dataset was generated with (deterministic, so its truth can be rebuilt). */
  sampleOptions(id: string): SampleOptions | undefined {
    return this.samples.get(id);
  }

  /**
   * A dataset of the rows of `parentId` whose customer is in `members` (a quoted table with a
   * customer_id column): same columns and roles, its own id, so every analysis runs on it unchanged.
   * A table, not a view: analyses scan it several times. Dropped with its parent.
   */
  async deriveDataset(parentId: string, members: string): Promise<DerivedDataset> {
    const parent = this.dataset(parentId);
    const id = String(this.next++);
    try {
      await exec(this.conn, template(derivedSql, { dataset: quoteIdent(TABLES.dataset(id)), parent: parent.table, members }));
      this.typed.set(id, parent.columns);
      this.children.set(parentId, [...(this.children.get(parentId) ?? []), id]);
      return { id, parentId, overview: this.noteUnique(id, await overview(this.conn, quoteIdent(TABLES.dataset(id)), parent.columns)) };
    } catch (e) {
      await this.dropTables(id);
      throw toEngineError(e);
    }
  }

  /**
   * The monthly panel of a transaction log, as a dataset of its own: per customer and month the
   * amount summed (its revenue) and the transactions counted, so the analyses that need a customer ×
   * month panel (Lifecycle, Retention & churn, Customer value) run on a log. Months without a
   * purchase have no row, as in a panel of a customer who was not active. Built in SQL from the log's
   * typed table; independent of it afterwards.
   */
  async deriveMonthlyPanel(id: string): Promise<DatasetSummary> {
    const started = performance.now();
    const log = this.dataset(id);
    const file = this.datasets.get(id);
    const money = log.has('amount') ? 'amount' : log.has('revenue') ? 'revenue' : null;
    if (log.kind !== 'transactions' || !money || !file)
      throw engineError(
        'panel-needs-transactions',
        'A monthly panel is built from a transaction log with a customer, a date and an amount.'
      );
    const panelId = String(this.next++);
    const table = quoteIdent(TABLES.dataset(panelId));
    try {
      await exec(
        this.conn,
        `CREATE TABLE ${table} AS
        SELECT row_number() OVER (ORDER BY customer_id, month) AS _row, customer_id, month, revenue, transactions
        FROM (SELECT customer_id, month, sum(${money})::DOUBLE AS revenue, count(*)::DOUBLE AS transactions FROM ${log.table} GROUP BY customer_id, month)
        ORDER BY customer_id, month`
      );
      const headers = ['customer_id', 'month', 'revenue', 'transactions'];
      const roles: ColumnRole[] = ['customerId', 'month', 'revenue', 'number'];
      const cols = planColumns(headers, roles);
      this.typed.set(panelId, cols);
      const rows = Number((await one(this.conn, `SELECT count(*) AS n FROM ${table}`))!.n);
      const read = {
        columns: cols,
        reasons: [],
        loaded: rows,
        rejected: 0,
        blankLines: 0,
        dataLines: rows,
        multiLineRecords: 0,
        undecodable: []
      };
      const derivedFile: LoadedFile = { ...file, id: panelId, headers, preview: [], format: file.format, encodingIssue: null };
      const preview = await all(
        this.conn,
        `SELECT customer_id, strftime(month, '%Y-%m') AS month, revenue, transactions FROM ${table} ORDER BY _row LIMIT 20`
      );
      const stats = await tableStats(this.conn, table, cols);
      const over = this.noteUnique(panelId, await overview(this.conn, table, cols, stats));
      return {
        id: panelId,
        fileName: file.fileName,
        bytes: 0,
        format: file.format,
        encoding: null,
        delimiter: null,
        hasHeader: true,
        headers,
        preview: preview.map((r) => headers.map((h) => String(r[h] ?? ''))),
        quotes: file.quotes,
        roles,
        quality: qualityReport(derivedFile, read, cols, stats, over),
        overview: over,
        derived: { kind: 'monthly-panel', from: id, fromName: file.fileName },
        conversions: [],
        seconds: (performance.now() - started) / 1000,
        timings: []
      };
    } catch (e) {
      await this.dropTables(panelId);
      this.typed.delete(panelId);
      throw toEngineError(e);
    }
  }

  /**
   * Several loaded files of one layout (a folder of monthly exports) as one dataset: their typed
   * rows in the order given, numbered again, under the first file's columns. Each file keeps its own
   * quality summary (loaded + rejected = its rows); the parts are dropped. Files whose columns differ
   * in name or type are refused: appending them would silently mix meanings.
   */
  async combineDatasets(files: DatasetSummary[], name: string): Promise<DatasetSummary> {
    const started = performance.now();
    const parts = files.map((f) => ({ handle: this.dataset(f.id), file: this.datasets.get(f.id)! }));
    const layout = (h: DatasetHandle) => JSON.stringify(h.columns.map((c) => [c.name, c.kind, c.role]));
    const odd = parts.find((p) => layout(p.handle) !== layout(parts[0].handle));
    if (odd) throw engineError('bad-mapping', `${odd.file.fileName} does not have the columns of ${parts[0].file.fileName}.`);
    const id = String(this.next++);
    const table = quoteIdent(TABLES.dataset(id));
    try {
      const union = parts.map((p, i) => `SELECT ${i} AS _part, * FROM ${p.handle.table}`).join(' UNION ALL ');
      await exec(
        this.conn,
        `CREATE TABLE ${table} AS SELECT row_number() OVER (ORDER BY _part, _row) AS _row, * EXCLUDE (_part, _row) FROM (${union}) ORDER BY _part, _row`
      );
      const cols = parts[0].handle.columns;
      this.typed.set(id, cols);
      const first = parts[0].file;
      // Kept for deriveMonthlyPanel (a folder of transaction logs); its source is the first file's,
      // so roles are chosen before the files are combined, never applied to the result.
      const file: LoadedFile = { ...first, id, fileName: name, bytes: parts.reduce((n, p) => n + p.file.bytes, 0) };
      this.datasets.set(id, file);
      for (const p of parts) await this.dropDataset(p.handle.id);
      const loaded = Number((await one(this.conn, `SELECT count(*) AS n FROM ${table}`))!.n);
      // The set's accounting is the sum of its files' (their reasons, examples cite each file's lines).
      const sum = (f: (q: DatasetSummary['quality']) => number) => files.reduce((n, d) => n + f(d.quality), 0);
      const read = {
        columns: cols,
        reasons: files.flatMap((d) =>
          d.quality.reasons.map((r) => ({ ...r, examples: r.examples.map((e) => ({ ...e, text: `${d.fileName}: ${e.text}` })) }))
        ),
        loaded,
        rejected: sum((q) => q.rejected),
        blankLines: sum((q) => q.blankLines),
        dataLines: sum((q) => q.dataLines),
        multiLineRecords: sum((q) => q.multiLineRecords),
        undecodable: []
      };
      const stats = await tableStats(this.conn, table, cols);
      const over = this.noteUnique(id, await overview(this.conn, table, cols, stats));
      return {
        id,
        fileName: name,
        bytes: file.bytes,
        format: first.format,
        encoding: first.encoding,
        delimiter: first.delimiter,
        hasHeader: first.hasHeader,
        headers: first.headers,
        preview: first.preview,
        quotes: first.quotes,
        roles: first.headers.map((_, i) => cols.find((c) => c.source === i)?.role ?? 'ignore'),
        quality: qualityReport(file, read, cols, stats, over),
        overview: over,
        conversions: [],
        seconds: (performance.now() - started) / 1000,
        timings: []
      };
    } catch (e) {
      await this.dropTables(id);
      this.typed.delete(id);
      throw toEngineError(e);
    }
  }

  /**
   * A feature's per-dataset cache (a fitted model, a built list) by name. Entries of a dataset are
   * emptied when it is dropped, so derived (filtered) datasets coming and going do not pile up.
   */
  cache<V>(name: string): Map<string, V> {
    let c = this.caches.get(name);
    if (!c) this.caches.set(name, (c = new Map()));
    return c as Map<string, V>;
  }

  async dropDataset(id: string): Promise<void> {
    for (const child of this.children.get(id) ?? []) await this.dropDataset(child);
    this.children.delete(id);
    for (const c of this.caches.values()) c.delete(id);
    this.datasets.delete(id);
    this.typed.delete(id);
    this.unique.delete(id);
    this.samples.delete(id);
    await this.dropTables(id);
  }

  /** Reads the file into its typed table with these roles (again, when the roles change). */
  private async summarise(file: LoadedFile, roles: ColumnRole[], started: number, onProgress: ProgressFn): Promise<DatasetSummary> {
    onProgress({ phase: 'loading', fraction: null });
    const typed = quoteIdent(TABLES.dataset(file.id));
    const read = await readFile(this.conn, this.files, file, planColumns(file.headers, roles), onProgress);
    this.typed.set(file.id, read.columns);
    onProgress({ phase: 'summarising', fraction: null });
    const stats = read.stats ?? (await tableStats(this.conn, typed, read.columns));
    const over = this.noteUnique(file.id, await overview(this.conn, typed, read.columns, stats, read.customerSpan));
    const quality = qualityReport(file, read, read.columns, stats, over);
    return {
      id: file.id,
      fileName: file.fileName,
      bytes: file.bytes,
      format: file.format,
      encoding: file.encoding,
      delimiter: file.delimiter,
      hasHeader: file.hasHeader,
      headers: file.headers,
      preview: file.preview,
      quotes: file.quotes,
      roles,
      quality,
      overview: over,
      conversions: read.columns.filter((c) => c.scale).map((c) => ({ column: c.header, from: 'GB', to: 'MB', factor: c.scale! })),
      seconds: (performance.now() - started) / 1000,
      timings: []
    };
  }

  private noteUnique(id: string, over: Overview): Overview {
    if (over.oneRowPerCustomerMonth) this.unique.add(id);
    else this.unique.delete(id);
    return over;
  }

  /** Drops every table of a dataset, its own and those analysis features made (named `<name>_<id>`). */
  private async dropTables(id: string): Promise<void> {
    const tables = await all(this.conn, `SELECT table_name FROM duckdb_tables() WHERE ends_with(table_name, ?)`, [`_${id}`]);
    for (const t of tables) await exec(this.conn, `DROP TABLE IF EXISTS ${quoteIdent(String(t.table_name))}`);
    this.files.drop(`file_${id}`);
    this.files.drop(`retry_${id}`);
  }
}
