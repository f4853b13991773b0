/**
 * Deterministic sample panel of a Chinese operator: customers × months, streamed as CSV chunks, with
 * the planted lifecycle stage of every row in a second (ground-truth) stream.
 *
 * Pure TypeScript without Node or DOM APIs: it runs in the engine Web Worker ("Load sample data") and
 * in Node (scripts/generate.ts, tests, benchmarks). Each customer draws from its own seeded stream, so
 * a customer's rows depend only on (seed, customer number, months), never on how many customers are
 * generated or how the text is chunked. Rows are grouped by customer, months ascending.
 */
import { CsvWriter, utf8 } from './csvWriter.ts';
import { planCustomer, STAGES, type Stage } from './lifecycle.ts';
import { drawMonth, emptyMonthValues, type SpellMemory } from './monthValues.ts';
import { Rng, streamSeed } from '../models/prng.ts';
import { emptySocialProfile, planSocial, writeSocial } from './social.ts';
import { BRANDS, emptyBrandProfile, planBrand, writeBrand } from './brand.ts';
import {
  BUSINESS_PLANS,
  CUSTOMER_TYPES,
  INDUSTRIES,
  PANEL_COLUMNS,
  REGIONS,
  RESIDENTIAL_PLANS,
  TRUTH_COLUMNS,
  type SampleLang
} from './vocabulary.ts';

export type { SampleLang } from './vocabulary.ts';
export type { Stage } from './lifecycle.ts';
export { PANEL_COLUMNS, TRUTH_COLUMNS } from './vocabulary.ts';

export type MonthFormat = 'YYYYMM' | 'YYYY-MM';

export interface SampleOptions {
  customers: number;
  months: number;
  seed: number;
  lang: SampleLang;
  /** First month of the panel as `YYYY-MM`, `YYYYMM` or `YYYY/MM`; default 2023-01. */
  startMonth?: string;
  /** How the month column is written; default `YYYYMM` (text that the ingest has to parse). */
  monthFormat?: MonthFormat;
  /** Build the ground-truth stream too; default true. */
  truth?: boolean;
  /** Hand out a chunk once the panel holds this many UTF-8 bytes; default 2^20 (1 MiB). */
  chunkBytes?: number;
  /** Start both streams with a UTF-8 byte-order mark (helps Excel open Chinese headers); default false. */
  bom?: boolean;
}

/** What the UI offers by default: small enough to feel instant. */
export const DEFAULT_SAMPLE_OPTIONS = {
  customers: 2000,
  months: 24,
  seed: 1,
  lang: 'zh',
  startMonth: '2023-01'
} as const satisfies SampleOptions;

export interface SampleChunk<T = string> {
  /** CSV of the panel; the first chunk starts with the header line. */
  panel: T;
  /** CSV of the ground truth for the same rows (empty when `truth` is false). */
  truth: T;
  /** Data rows in this chunk (the same in both streams). */
  rows: number;
}

export interface SampleSummary {
  rows: number;
  customers: number;
  /** Spells on the network with at least one row in the window. */
  spells: number;
  /** Rows with 是否离网 (churn) = 1. */
  churnRows: number;
  /** Customers with a second or third spell in the window (rows resume after a gap). */
  winBackCustomers: number;
  /** Customers with at least one dormant row (zero revenue and usage, no churn flag). */
  dormantCustomers: number;
  stageRows: Record<Stage, number>;
  panelHeader: readonly string[];
  truthHeader: readonly string[];
  firstMonth: string;
  lastMonth: string;
}

/** Checks the options and returns the month labels of the window. */
function monthLabels(options: SampleOptions): string[] {
  const { customers, months, seed } = options;
  if (!Number.isInteger(customers) || customers < 1 || customers > 99_999_999) {
    throw new RangeError(`customers must be an integer from 1 to 99999999 (got ${customers})`);
  }
  if (!Number.isInteger(months) || months < 1 || months > 600) {
    throw new RangeError(`months must be an integer from 1 to 600 (got ${months})`);
  }
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number (got ${seed})`);
  if (options.lang !== 'zh' && options.lang !== 'en') {
    throw new RangeError(`lang must be 'zh' or 'en' (got ${String(options.lang)})`);
  }
  const start = /^(\d{4})[-/]?(\d{2})$/.exec((options.startMonth ?? DEFAULT_SAMPLE_OPTIONS.startMonth).trim());
  const firstMonth = start ? Number(start[2]) : 0;
  if (!start || firstMonth < 1 || firstMonth > 12) {
    throw new RangeError(`startMonth must look like 2023-01 or 202301 (got ${options.startMonth})`);
  }
  const separator = (options.monthFormat ?? 'YYYYMM') === 'YYYY-MM' ? '-' : '';
  const labels: string[] = [];
  for (let i = 0; i < months; i++) {
    const total = Number(start[1]) * 12 + firstMonth - 1 + i;
    labels.push(`${Math.floor(total / 12)}${separator}${String((total % 12) + 1).padStart(2, '0')}`);
  }
  return labels;
}

/** Customer ids are C plus at least 7 digits: C0000001, C0000002, … */
const CUSTOMER_ID_PREFIX = 'C'.charCodeAt(0);
const CUSTOMER_ID_DIGITS = 7;
const STAGE_BYTES = STAGES.map((s) => s.charCodeAt(0));

/**
 * Both streams as UTF-8 byte chunks, ready for a file or for DuckDB's `registerFileBuffer`
 * without a round trip through strings. Each chunk owns its bytes. The return value summarises the run.
 */
export function* generateSampleBytes(options: SampleOptions): Generator<SampleChunk<Uint8Array>, SampleSummary, void> {
  const labels = monthLabels(options);
  const { customers, months, lang } = options;
  const chunkBytes = Math.max(1, Math.floor(options.chunkBytes ?? 1 << 20));
  const withTruth = options.truth ?? true;
  const bom = options.bom ? '\uFEFF' : '';
  const seed = options.seed >>> 0;
  const rng = new Rng(0);
  const month = emptyMonthValues();
  const memory: SpellMemory = { retentionOffer: false };
  // The value columns (social.ts) draw from their own stream, so the first sixteen stay as they were.
  const socialRng = new Rng(0);
  const social = emptySocialProfile();
  // The brand columns (brand.ts) too, so the first twenty-five stay as they were.
  const brandRng = new Rng(0);
  const brand = emptyBrandProfile();
  const brandBytes = BRANDS.map((b) => utf8(b[lang]));

  const monthBytes = labels.map((label) => utf8(',' + label + ','));
  const regions = REGIONS.map((r) => utf8(r[lang] + ','));
  const industries = INDUSTRIES.map((r) => utf8(r[lang] + ','));
  const noIndustry = utf8(',');
  const types = [utf8(CUSTOMER_TYPES.residential[lang] + ','), utf8(CUSTOMER_TYPES.business[lang] + ',')];
  const plans = new Map([...RESIDENTIAL_PLANS, ...BUSINESS_PLANS].map((p) => [p, utf8(p[lang] + ',')]));

  const summary: SampleSummary = {
    rows: 0,
    customers: 0,
    spells: 0,
    churnRows: 0,
    winBackCustomers: 0,
    dormantCustomers: 0,
    stageRows: { A: 0, B: 0, C: 0, D: 0, E: 0 },
    panelHeader: PANEL_COLUMNS[lang],
    truthHeader: TRUTH_COLUMNS[lang],
    firstMonth: labels[0],
    lastMonth: labels[months - 1]
  };
  const stageCounts = [0, 0, 0, 0, 0];
  const panel = new CsvWriter(chunkBytes);
  const truth = new CsvWriter(withTruth ? chunkBytes : 0);
  panel.writeText(bom + PANEL_COLUMNS[lang].join(',') + '\n');
  if (withTruth) truth.writeText(bom + TRUTH_COLUMNS[lang].join(',') + '\n');
  let chunkRows = 0;

  for (let c = 0; c < customers; c++) {
    rng.reseed(streamSeed(seed, c));
    const customer = planCustomer(rng, months);
    const business = customer.business;
    planSocial(socialRng, seed, c, business, social);
    planBrand(brandRng, seed, c, business, customer.spells[0]?.plan.fee ?? 0, months, brand);
    const region = regions[customer.region];
    const type = types[business ? 1 : 0];
    const industry = customer.industry < 0 ? noIndustry : industries[customer.industry];
    let spellsInWindow = 0;
    let dormant = false;

    for (const spell of customer.spells) {
      if (spell.last < spell.first) continue;
      spellsInWindow++;
      const plan = plans.get(spell.plan) ?? utf8(spell.plan[lang] + ',');
      memory.retentionOffer = false;
      for (let m = spell.first; m <= spell.last; m++) {
        const tenure = m - spell.join + 1;
        drawMonth(rng, spell, tenure, business, memory, month);
        if (month.stage === 'E' && month.churn === 0) dormant = true;

        panel.writeByte(CUSTOMER_ID_PREFIX);
        panel.writeInt(c + 1, CUSTOMER_ID_DIGITS);
        panel.writeBytes(monthBytes[m]);
        panel.writeBytes(region);
        panel.writeBytes(type);
        panel.writeBytes(industry);
        panel.writeBytes(plan);
        panel.writeYuan(month.arpu);
        panel.comma();
        panel.writeInt(month.voice);
        panel.comma();
        panel.writeInt(month.dataMb);
        panel.comma();
        panel.writeInt(month.sms);
        panel.comma();
        panel.writeInt(month.vas);
        panel.comma();
        panel.writeInt(month.arrears);
        panel.comma();
        panel.writeInt(tenure);
        panel.comma();
        panel.writeInt(month.churn);
        panel.comma();
        panel.writeYuan(month.cost);
        panel.comma();
        panel.writeYuan(month.discount);
        writeSocial(panel, socialRng, social, month.arpu === 0 && month.voice === 0);
        writeBrand(panel, brandBytes, brand, m);
        panel.newline();

        const stageIndex = month.stage.charCodeAt(0) - 65;
        if (withTruth) {
          truth.writeByte(CUSTOMER_ID_PREFIX);
          truth.writeInt(c + 1, CUSTOMER_ID_DIGITS);
          truth.writeBytes(monthBytes[m]);
          truth.writeByte(STAGE_BYTES[stageIndex]);
          truth.comma();
          truth.writeInt(spell.number);
          truth.newline();
        }
        stageCounts[stageIndex]++;
        summary.churnRows += month.churn;
        chunkRows++;
      }
      if (panel.full) {
        summary.rows += chunkRows;
        yield { panel: panel.take(), truth: truth.take(), rows: chunkRows };
        chunkRows = 0;
      }
    }
    if (spellsInWindow > 0) summary.customers++;
    summary.spells += spellsInWindow;
    if (spellsInWindow > 1) summary.winBackCustomers++;
    if (dormant) summary.dormantCustomers++;
  }
  summary.rows += chunkRows;
  STAGES.forEach((s, i) => (summary.stageRows[s] = stageCounts[i]));
  if (panel.length > 0) yield { panel: panel.take(), truth: truth.take(), rows: chunkRows };
  return summary;
}

/** Both streams as text chunks of about `chunkBytes` (1 MiB by default). */
export function* generateSample(options: SampleOptions): Generator<SampleChunk, SampleSummary, void> {
  // ignoreBOM: keep the optional byte-order mark in the text, as it is in the bytes.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const chunks = generateSampleBytes(options);
  for (;;) {
    const next = chunks.next();
    if (next.done) return next.value;
    const { panel, truth, rows } = next.value;
    yield { panel: decoder.decode(panel), truth: decoder.decode(truth), rows };
  }
}

/** Panel data rows that `generateSample` will produce for these options, without generating them. */
export function countSampleRows(options: SampleOptions): number {
  monthLabels(options);
  const rng = new Rng(0);
  const seed = options.seed >>> 0;
  let rows = 0;
  for (let c = 0; c < options.customers; c++) {
    rng.reseed(streamSeed(seed, c));
    rows += planCustomer(rng, options.months).rows;
  }
  return rows;
}

/** The whole sample as two strings: for tests and small samples (the UI default), not for millions of rows. */
export function generateSampleText(options: SampleOptions): { panel: string; truth: string; summary: SampleSummary } {
  const panel: string[] = [];
  const truth: string[] = [];
  const chunks = generateSample(options);
  for (;;) {
    const next = chunks.next();
    if (next.done) return { panel: panel.join(''), truth: truth.join(''), summary: next.value };
    panel.push(next.value.panel);
    truth.push(next.value.truth);
  }
}
