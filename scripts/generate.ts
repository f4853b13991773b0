/**
 * Writes the sample operator panel (and optionally its ground truth) to files.
 *
 *   npx tsx scripts/generate.ts --customers 100000 --months 24 --seed 1 --out panel.csv \
 *     [--lang zh|en] [--truth truth.csv] [--start 2023-01] [--month-format YYYYMM|YYYY-MM] [--bom]
 *
 * The generator is the one the engine worker runs for "Load sample data" (workers/sample/generator.ts);
 * see docs/DATA_DICTIONARY.md for the columns and the planted lifecycle.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_SAMPLE_OPTIONS, generateSampleBytes, type MonthFormat, type SampleOptions } from '../workers/sample/generator.ts';

export const USAGE = `Usage: tsx scripts/generate.ts --out panel.csv [options]

  --customers N      customers (default ${DEFAULT_SAMPLE_OPTIONS.customers})
  --months N         months in the panel (default ${DEFAULT_SAMPLE_OPTIONS.months})
  --seed N           random seed (default ${DEFAULT_SAMPLE_OPTIONS.seed}); same seed, same bytes
  --lang zh|en       header and label language (default ${DEFAULT_SAMPLE_OPTIONS.lang})
  --start YYYY-MM    first month (default ${DEFAULT_SAMPLE_OPTIONS.startMonth})
  --month-format F   YYYYMM (default) or YYYY-MM
  --truth FILE       also write the planted lifecycle stage of every row
  --bom              start the files with a UTF-8 byte-order mark (for Excel)
  --help             this text`;

export interface GenerateReport {
  rows: number;
  customers: number;
  bytes: number;
  truthBytes: number;
  seconds: number;
}

function integer(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(value)) throw new Error(`--${name} must be an integer (got ${text})`);
  return value;
}

/** Parses the command line into generator options and output paths. */
export function parseCommandLine(argv: string[]): { options: SampleOptions; out: string; truth?: string } | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      customers: { type: 'string' },
      months: { type: 'string' },
      seed: { type: 'string' },
      lang: { type: 'string' },
      start: { type: 'string' },
      'month-format': { type: 'string' },
      out: { type: 'string', short: 'o' },
      truth: { type: 'string' },
      bom: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }
    },
    strict: true,
    allowPositionals: false
  });
  if (values.help) return 'help';
  if (!values.out) throw new Error('--out is required');
  const lang = values.lang ?? DEFAULT_SAMPLE_OPTIONS.lang;
  if (lang !== 'zh' && lang !== 'en') throw new Error(`--lang must be zh or en (got ${lang})`);
  const monthFormat = values['month-format'] ?? 'YYYYMM';
  if (monthFormat !== 'YYYYMM' && monthFormat !== 'YYYY-MM') {
    throw new Error(`--month-format must be YYYYMM or YYYY-MM (got ${monthFormat})`);
  }
  const options: SampleOptions = {
    customers: integer('customers', values.customers, DEFAULT_SAMPLE_OPTIONS.customers),
    months: integer('months', values.months, DEFAULT_SAMPLE_OPTIONS.months),
    seed: integer('seed', values.seed, DEFAULT_SAMPLE_OPTIONS.seed),
    lang,
    startMonth: values.start ?? DEFAULT_SAMPLE_OPTIONS.startMonth,
    monthFormat: monthFormat as MonthFormat,
    truth: values.truth !== undefined,
    bom: values.bom ?? false
  };
  return { options, out: values.out, truth: values.truth };
}

/** Resolves once the stream has taken `bytes` (waiting for 'drain' when its buffer is full). */
async function write(stream: WriteStream, bytes: Uint8Array): Promise<void> {
  if (bytes.length > 0 && !stream.write(bytes)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

/** Generates the sample into `out` (and `truth`), returning what was written. */
export async function generateFiles(options: SampleOptions, out: string, truth?: string): Promise<GenerateReport> {
  const started = performance.now();
  const panelStream = createWriteStream(out);
  const truthStream = truth ? createWriteStream(truth) : undefined;
  // Surface an open or write error (e.g. a missing directory) from whichever await is pending.
  const failed = new Promise<never>((_, reject) => {
    panelStream.once('error', reject);
    truthStream?.once('error', reject);
  });
  failed.catch(() => {});
  const work = (async () => {
    let bytes = 0;
    let truthBytes = 0;
    const chunks = generateSampleBytes({ ...options, truth: truthStream !== undefined });
    for (;;) {
      const next = chunks.next();
      if (next.done) {
        await Promise.all([close(panelStream), truthStream ? close(truthStream) : undefined]);
        const seconds = (performance.now() - started) / 1000;
        return { rows: next.value.rows, customers: next.value.customers, bytes, truthBytes, seconds };
      }
      bytes += next.value.panel.length;
      truthBytes += next.value.truth.length;
      await write(panelStream, next.value.panel);
      if (truthStream) await write(truthStream, next.value.truth);
    }
  })();
  work.catch(() => {}); // a late rejection after `failed` won the race is already reported
  try {
    return await Promise.race([work, failed]);
  } catch (error) {
    panelStream.destroy();
    truthStream?.destroy();
    throw error;
  }
}

export function formatReport(report: GenerateReport, out: string, truth?: string): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const lines = [
    `rows       ${n(report.rows)}`,
    `customers  ${n(report.customers)}`,
    `bytes      ${n(report.bytes)}  ${out}`,
    ...(truth ? [`truth      ${n(report.truthBytes)}  ${truth}`] : []),
    `seconds    ${report.seconds.toFixed(2)}  (${n(Math.round(report.rows / Math.max(report.seconds, 1e-9)))} rows/s)`
  ];
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  try {
    const report = await generateFiles(parsed.options, parsed.out, parsed.truth);
    console.log(formatReport(report, parsed.out, parsed.truth));
    return 0;
  } catch (error) {
    console.error(`generate: ${(error as Error).message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
