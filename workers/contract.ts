import type { CodedError } from '../common/errors.ts';
import type { LifecycleApi, LifecycleErrorCode } from './lifecycle/contract.ts';
import type { ChurnApi, ChurnErrorCode } from './churn/contract.ts';
import type { LtvApi, LtvErrorCode } from './ltv/contract.ts';
import type { ValueApi, ValueErrorCode } from './value/contract.ts';
import type { SegmentsApi, SegmentsErrorCode } from './segments/contract.ts';
import type { ExportApi } from './export/contract.ts';

/**
 * The one typed protocol between the UI and the engine worker. The worker `expose`s an object that
 * `satisfies EngineApi`; the UI `wrap`s it. Everything crossing is structured-clone-safe plain data.
 */

/** Roles a column can take; the ingest suggests them from headers and content, the user edits them. */
export type ColumnRole =
  | 'customerId'
  | 'month'
  | 'date'
  | 'revenue'
  | 'amount'
  | 'quantity'
  | 'cost'
  | 'discount'
  | 'voiceMinutes'
  | 'dataMb'
  | 'sms'
  | 'vasCount'
  | 'arrears'
  | 'tenure'
  | 'churn'
  | 'status'
  | 'region'
  | 'customerType'
  | 'industry'
  | 'plan'
  | 'brand'
  | 'previousBrand'
  | 'number'
  | 'text'
  | 'ignore'
  // Seed 000: offer/contract end date, a leaver's reason and contact; seed 002: data-service spend.
  | 'offerEnd'
  | 'churnReason'
  | 'contact'
  | 'dataRevenue';

/** Error codes of the engine itself (starting, loading data) and of any call (out of memory, cancelled). */
export type CoreErrorCode =
  | 'engine-start-failed'
  | 'engine-lost'
  | 'empty-file'
  | 'binary-file'
  | 'unsupported-format'
  | 'no-data-rows'
  | 'read-failed'
  | 'out-of-memory'
  | 'bad-mapping'
  | 'no-customer-column'
  | 'unknown-dataset'
  | 'too-many-columns'
  | 'panel-needs-transactions'
  | 'cancelled'
  | 'xlsx-failed'
  | 'query-failed';

/**
 * Stable error codes; the UI translates them. Each feature declares its own codes in its contract;
 * this is their union. `detail` is for the curious, never a stack trace.
 */
export type EngineErrorCode = CoreErrorCode | LifecycleErrorCode | ChurnErrorCode | LtvErrorCode | ValueErrorCode | SegmentsErrorCode;

export type EngineError = CodedError<EngineErrorCode>;

export interface Progress {
  /** A phase key the UI translates: 'reading' | 'transcoding' | 'loading' | 'checking' | 'generating' | 'summarising'. */
  phase: string;
  /** 0..1, or null when the phase cannot tell how far it is. */
  fraction: number | null;
}
export type ProgressFn = (p: Progress) => void;

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
export type Delimiter = ',' | '\t' | ';' | '|' | 'whitespace';
export type FileFormat = 'csv' | 'parquet' | 'xlsx';

export interface IngestOptions {
  /** Force an encoding instead of detecting it. */
  encoding?: Encoding;
  /** Roles to apply instead of the suggestion (e.g. remembered for this header). */
  roles?: ColumnRole[];
  /**
   * Roles per header signature (ingest/roles.ts headerSignature): remembered in the browser or from
   * a link; the file is typed with the entry for its header, if any, instead of the suggestion.
   */
  rolesByHeader?: Record<string, ColumnRole[]>;
  /** 'literal': quotes are ordinary characters (the retry for a file with a broken quote). */
  quotes?: 'standard' | 'literal';
}

export interface RejectExample {
  /** 1-based physical line in the file (header included) when known, else null. */
  line: number | null;
  /** Last physical line of a record that spans several (a quoted field with line breaks, a broken quote), else null. */
  lineEnd?: number | null;
  /** 1-based data row (record) number. */
  row: number | null;
  text: string;
}

/** Lines that do not decode in the chosen encoding, shown as read and as the alternative reads them. */
export interface EncodingIssue {
  chosen: Encoding;
  alternative: Encoding;
  /** Lines found undecodable while transcoding (0 when the reader found them: see the invalid-encoding rejects). */
  lines: number;
  examples: { line: number | null; asChosen: string; asAlternative: string }[];
}

export interface RejectReason {
  /** Reason key the UI translates, e.g. 'wrong-field-count', 'missing-customer-id', 'bad-number'. */
  reason: string;
  /** The column concerned, where there is one. */
  column: string | null;
  count: number;
  examples: RejectExample[];
}

export interface QualityReport {
  /** Data records in the file (header excluded, blank lines excluded): loaded + rejected. */
  rowsInFile: number;
  loaded: number;
  rejected: number;
  blankLines: number;
  /** Physical lines holding data (header and blank lines excluded): rowsInFile plus the extra lines of records that span several. */
  dataLines: number;
  /** Records spanning more than one line (line breaks inside quotes, or a quote never closed). */
  multiLineRecords: number;
  /** Set when the file does not decode cleanly in the encoding used: the other candidate's reading of those lines. */
  encodingIssue: EncodingIssue | null;
  reasons: RejectReason[];
  nulls: { column: string; role: ColumnRole; nulls: number }[];
  /** Rows sharing a (customer, month) key with another row, beyond the first. */
  duplicateKeys: number;
  dateRange: { min: string; max: string } | null;
}

export type DatasetKind = 'panel' | 'transactions' | 'snapshot' | 'table';

export interface MonthlyKpis {
  month: string[];
  active: number[];
  /** null in the first data month (a customer seen then may have joined earlier). */
  new: (number | null)[];
  /** null where the data cannot say (no churn flag and no later months). */
  churned: (number | null)[];
  revenue: number[];
  arpu: (number | null)[];
}

export interface Overview {
  kind: DatasetKind;
  rows: number;
  customers: number | null;
  months: number | null;
  kpis: MonthlyKpis | null;
  /**
   * A panel with one row per (customer, month), checked at load: the panel analyses read its rows as
   * they are instead of summing each customer's month first (the costly GROUP BY at tens of millions
   * of rows). False when a pair repeats, a key is missing or the span is 64 months or more.
   */
  oneRowPerCustomerMonth: boolean;
}

export interface DatasetSummary {
  id: string;
  fileName: string;
  bytes: number;
  format: FileFormat;
  encoding: Encoding | null;
  delimiter: Delimiter | null;
  hasHeader: boolean;
  headers: string[];
  /** First rows as raw text, for the preview. */
  preview: string[][];
  /** How quotes were read ('literal' after the retry offered for a broken quote). */
  quotes: 'standard' | 'literal';
  roles: ColumnRole[];
  quality: QualityReport;
  overview: Overview;
  seconds: number;
  /** Seconds spent per phase (reading, transcoding, loading, checking, summarising), in order. */
  timings: { phase: string; seconds: number }[];
  /** Set for a filtered dataset: the rows of one saved segment's customers of another dataset. */
  parent?: { id: string; segment: string; name: string };
  /** Set for the monthly panel built from a transaction log (deriveMonthlyPanel). */
  derived?: { kind: 'monthly-panel'; from: string; fromName: string };
  /** Columns whose values were converted to the unit their role means (上网流量(GB) → MB). */
  conversions: { column: string; from: string; to: string; factor: number }[];
}

/** A dataset derived from another by a filter (same columns and roles, fewer rows). */
export interface DerivedDataset {
  id: string;
  parentId: string;
  overview: Overview;
}

export interface SampleOptions {
  customers: number;
  months: number;
  seed: number;
  lang: 'zh' | 'en';
}

export interface EngineInfo {
  duckdbVersion: string;
  seconds: number;
  /** A Web Lock the worker holds while it lives (null where Web Locks are missing): its release tells the page the worker stopped. */
  lock: string | null;
}

/** Loading data: the foundation every analysis stands on. */
export interface CoreApi {
  init(): Promise<EngineInfo>;
  ingestFile(file: Blob, name: string, options: IngestOptions, onProgress?: ProgressFn): Promise<DatasetSummary>;
  applyRoles(datasetId: string, roles: ColumnRole[]): Promise<DatasetSummary>;
  loadSample(options: SampleOptions, onProgress?: ProgressFn): Promise<DatasetSummary>;
  /** The monthly panel of a transaction log: amount summed and transactions counted per customer and month. */
  deriveMonthlyPanel(datasetId: string): Promise<DatasetSummary>;
  dropDataset(datasetId: string): Promise<void>;
}

/**
 * The whole protocol: the core plus one interface per analysis feature, each declared in that
 * feature's own `workers/<feature>/contract.ts` and added here.
 */
export type EngineApi = CoreApi & LifecycleApi & ChurnApi & LtvApi & ValueApi & SegmentsApi & ExportApi;
