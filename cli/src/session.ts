/**
 * One run of the command: native DuckDB, the tab's Engine on it with the native FileHost, and the
 * input files loaded through the tab's ingest. A folder or glob of files of one layout is loaded
 * file by file (each with its own quality summary) and combined into one dataset.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DatasetSummary, IngestOptions, ProgressFn } from '../../workers/contract.ts';
import { openNativeDb, type NativeDb, type NativeOptions } from '../../workers/db/native.ts';
import { recording, type SqlConnection } from '../../workers/db/sql.ts';
import { Engine } from '../../workers/engine/engine.ts';
import { NativeFiles } from './files.ts';
import { CliError } from './errors.ts';
import type { SiteSettings } from './params.ts';

/** Extensions a folder is searched for. */
const DATA_FILE = /\.(csv|tsv|txt|parquet|xlsx)$/i;

export interface Session {
  engine: Engine;
  db: NativeDb;
  files: NativeFiles;
  settings: SiteSettings;
  log: (message: string) => void;
  close(): Promise<void>;
}

export async function openSession(
  settings: SiteSettings,
  options: NativeOptions & {
    quiet?: boolean;
    onStatement?: (sql: string, params: readonly unknown[]) => void;
    /** Wraps the engine's connection (bench/cli.mjs times every statement through it). */
    wrap?: (conn: SqlConnection) => SqlConnection;
  }
): Promise<Session> {
  const db = await openNativeDb(options);
  const files = await NativeFiles.create(db.conn, options.tempDirectory);
  const conn = options.onStatement ? recording(db.conn, options.onStatement) : db.conn;
  const engine = await Engine.open(options.wrap ? options.wrap(conn) : conn, files);
  const log = options.quiet ? () => {} : (m: string) => process.stderr.write(`clm: ${m}\n`);
  return {
    engine,
    db,
    files,
    settings,
    log,
    close: async () => {
      await files.close();
      db.close();
    }
  };
}

/** A `*`/`?` pattern of a file name as a regular expression. */
function namePattern(glob: string): RegExp {
  const re = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '.*')
    .replaceAll('?', '.');
  return new RegExp(`^${re}$`);
}

/**
 * The files an input names: a file; a folder (its data files); or a glob whose wildcards are in the
 * file name (`exports/2024*.csv`). In name order, so monthly exports come in month order.
 */
export async function expandInput(input: string): Promise<string[]> {
  const info = await stat(input).catch(() => null);
  if (info?.isFile()) return [input];
  const [dir, pattern] = info?.isDirectory() ? [input, null] : [path.dirname(input), namePattern(path.basename(input))];
  if (!info && !/[*?]/.test(path.basename(input))) throw new CliError('input', `No such file: ${input}`);
  const names = await readdir(dir).catch(() => {
    throw new CliError('input', `No such folder: ${dir}`);
  });
  const found = names
    .filter((n) => (pattern ? pattern.test(n) : DATA_FILE.test(n)))
    .sort()
    .map((n) => path.join(dir, n));
  if (!found.length) throw new CliError('input', `No data files match ${input}`);
  return found;
}

function progress(log: (m: string) => void, file: string): ProgressFn {
  let phase = '';
  let shown = -1;
  return (p) => {
    const tenth = p.fraction == null ? -1 : Math.floor(p.fraction * 10);
    if (p.phase === phase && tenth <= shown) return;
    if (p.phase !== phase) shown = -1;
    phase = p.phase;
    shown = tenth;
    log(`${path.basename(file)}: ${p.phase}${p.fraction == null ? '' : ` ${Math.round(p.fraction * 100)}%`}`);
  };
}

export interface Loaded {
  /** The dataset the analyses run on. */
  id: string;
  /** Each file's summary, in load order. */
  files: DatasetSummary[];
  /** The combined dataset's summary (the only file's, for one file). */
  summary: DatasetSummary;
}

/** Loads the inputs (the settings' roles apply per header) as one dataset. */
export async function loadInputs(s: Session, inputs: string[]): Promise<Loaded> {
  if (!inputs.length) throw new CliError('usage', 'No input file given (clm <command> <file|folder|glob>…).');
  const paths = (await Promise.all(inputs.map(expandInput))).flat();
  const given = s.settings.columnRoles;
  const options: IngestOptions = { rolesByHeader: s.settings.rolesByHeader(), roles: given ?? undefined };
  const files: DatasetSummary[] = [];
  for (const file of paths) {
    const blob = await s.files.open(file);
    const summary = await s.engine.ingestFile(blob, path.basename(file), options, progress(s.log, file));
    if (given && summary.roles.length !== given.length) {
      throw new CliError(
        'input',
        `--roles gives ${given.length} roles; ${path.basename(file)} has ${summary.roles.length} columns (${summary.headers.join(', ')}).`
      );
    }
    // Later files of a set take the first one's roles (its header's, or those suggested for it).
    if (!files.length) options.roles = summary.roles;
    files.push(summary);
  }
  if (files.length === 1) return { id: files[0].id, files, summary: files[0] };
  s.log(`combining ${files.length} files`);
  const summary = await s.engine.combineDatasets(files, inputs.join(' '));
  return { id: summary.id, files, summary };
}

/** The dataset a panel analysis runs on: a transaction log's monthly panel (as the tab's button makes it). */
export async function panelOf(s: Session, loaded: Loaded): Promise<string> {
  if (s.engine.dataset(loaded.id).kind !== 'transactions') return loaded.id;
  s.log('a transaction log: analysing its monthly panel (customer × month revenue and transactions)');
  return (await s.engine.deriveMonthlyPanel(loaded.id)).id;
}
