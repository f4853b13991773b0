/**
 * `clm`: the workbench's analyses on native DuckDB, for data that outgrows a browser tab. The same
 * ingest, SQL and models as the site, with the parameters of a settings file the site saved.
 */
import os from 'node:os';
import { runAnalysis, TABLES_OF, type Analysis } from './commands.ts';
import { removeScratch, scratchFolder } from './files.ts';
import { CliError, EXIT, toCliError } from './errors.ts';
import { writeResult } from './output.ts';
import { SiteSettings } from './params.ts';
import { loadInputs, openSession, type Loaded } from './session.ts';
import { scriptFor, scriptOptions, SCRIPT_WHATS } from './script.ts';

const HELP = `clm: customer lifecycle and value analyses on native DuckDB (the workbench's own SQL and models)

Usage: clm <command> <file|folder|glob>… [options]

Commands:
  load        read the files and print the quality summary (loaded + rejected = rows, per file)
  lifecycle   stages per customer and month (--table stages|distribution|transitions|funnel)
  retention   cohort retention (--table cohorts) or Kaplan–Meier curves (--table km)
  churn       early-warning model: risk list (--table risk) or coefficients (--table coefficients)
  value       customer value scores (value, credit, loyalty; the Customer value tab's CSV)
  ltv         the Lifetime value tab's models (BG/NBD, Pareto/NBD, … Gamma–Gamma): per-customer CLV (--table customers) or the fits (--table fit)
  campaign    campaign target list (--table target) or control group (--table control)
  sql         the scoring SQL for a warehouse: clm sql <input>… --what stages|transitions|retention
              --dialect duckdb|postgres; or every statement an analysis ran: clm sql <command> <input>…

Inputs: CSV, TSV or whitespace text in UTF-8, UTF-16 or GB18030; Parquet; Excel. A folder or a
glob of files of one layout ('exports/2024*.csv', quoted) is read as one dataset.
A transaction log is analysed as its monthly panel by lifecycle, retention, churn, value, campaign.

Options:
  --settings <file>   the settings file saved by the site (Save settings): roles and parameters
  --roles <file>      column roles: a settings file (its "roles", per header) or a JSON array of
                      roles, one per column, e.g. ["customerId","month","revenue"] (clm load --json
                      prints the roles used; roles: customerId, month, date, revenue, amount, …)
  --out <file>        write the table there (.parquet: Parquet; else CSV); default: CSV on stdout
  --table <name>      which table of the command to write (see above)
  --threads <n>       DuckDB threads (default: all cores)
  --memory <size>     DuckDB memory limit, e.g. 8GB (default: 80% of RAM); beyond it, spills to disk
  --temp <dir>        where DuckDB spills and transcoded files go (default: the system's temp folder)
  --json              load: print the summaries as JSON
  --quiet             no progress on stderr
  -h, --help          this help (also: clm <command> --help)

Exit codes: 0 done; 1 failed (unexpected); 2 usage (unknown command or option, unreadable settings);
3 input (missing, empty or unreadable file, files of different columns); 4 the analysis does not apply
to this data (e.g. lifecycle on a file without months); 5 out of memory.
`;

const COMMAND_HELP: Record<string, string> = {
  load: 'clm load <file|folder|glob>… [--settings s.json] [--json]\n  Reads the files as the site does and prints, per file: records, loaded, rejected with reasons, blank lines.\n',
  lifecycle:
    'clm lifecycle <input>… [--settings s.json] [--table stages|distribution|transitions|funnel] [--out f]\n  The Lifecycle tab: the settings\' rule set ("lifecycle": ruleSet, params, cuts).\n',
  retention:
    'clm retention <input>… [--settings s.json] [--table cohorts|km] [--out f]\n  The Retention & churn tab: cohort retention by join month, or Kaplan–Meier curves split as in "churn".split.\n',
  churn:
    'clm churn <input>… [--settings s.json] [--table risk|coefficients] [--out f]\n  The early-warning model ("churn": features, horizon, l2, seed, low, high; list filter tiers, minScore).\n',
  value:
    'clm value <input>… [--settings s.json] [--out f]\n  The Customer value tab\'s assessment ("value".params) and its per-customer CSV.\n',
  ltv: 'clm ltv <transaction log>… [--settings s.json] [--table customers|fit] [--out f]\n  The Lifetime value tab\'s BTYD panel ("ltv".btyd: unit, calibrationEnd, observationEnd, model, t, marginPct, discountPct, horizon, sort).\n',
  campaign:
    'clm campaign <input>… [--settings s.json] [--table target|control] [--out f]\n  The campaign list ("campaign"); runs lifecycle and value first (and churn when the list filters on churn risk).\n',
  sql:
    'clm sql <input>… [--what stages|transitions|retention|value|campaign] [--dialect duckdb|postgres] [--settings s.json] [--input-table name]\n' +
    '        [--future-table name] [--out f]\n' +
    "  The scoring SQL of an analysis as a script for DuckDB or a PostgreSQL-family warehouse, the settings' parameters written in:\n" +
    "  run it as it is against a table (default clm_input) of the input files' typed columns, named with their roles in its header.\n" +
    '  The value and campaign scripts read the future values from a table (default clm_future): the CSV of clm value with the same\n' +
    '  settings. The campaign script returns the screened target population; the control arm is drawn in the tab or by clm campaign.\n' +
    'clm sql <command> <input>… [--settings s.json] [--table t] [--out f]\n' +
    '  Runs the command and prints every statement it ran on the loaded data, in order, each with the values bound to it (DuckDB).\n'
};

const FLAGS = new Set(['--json', '--quiet', '--help', '-h']);
const VALUED = new Set([
  '--settings',
  '--roles',
  '--out',
  '--table',
  '--threads',
  '--memory',
  '--temp',
  '--dialect',
  '--what',
  '--input-table',
  '--future-table'
]);

export interface Args {
  command: string | null;
  inputs: string[];
  options: Record<string, string | true>;
}

export function parseArgs(argv: string[]): Args {
  const args: Args = { command: null, inputs: [], options: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (FLAGS.has(a)) args.options[a === '-h' ? '--help' : a] = true;
    else if (VALUED.has(a)) {
      if (i + 1 >= argv.length) throw new CliError('usage', `${a} needs a value.`);
      args.options[a] = argv[++i];
    } else if (a.startsWith('-')) throw new CliError('usage', `Unknown option ${a} (clm --help).`);
    else if (args.command === null) args.command = a;
    else args.inputs.push(a);
  }
  return args;
}

function summaryText(loaded: Loaded): string {
  const lines: string[] = [];
  for (const f of [...loaded.files, ...(loaded.files.length > 1 ? [loaded.summary] : [])]) {
    const q = f.quality;
    lines.push(
      `${f.fileName}: ${q.rowsInFile} records, ${q.loaded} loaded, ${q.rejected} rejected${q.blankLines ? `, ${q.blankLines} blank lines` : ''}` +
        (f.encoding ? ` (${f.format}, ${f.encoding})` : ` (${f.format})`)
    );
    for (const r of q.reasons)
      lines.push(
        `  ${r.count} ${r.reason}${r.column ? ` in ${r.column}` : ''}${r.examples[0]?.line ? `, e.g. line ${r.examples[0].line}` : ''}`
      );
    if (q.duplicateKeys) lines.push(`  ${q.duplicateKeys} rows repeat a (customer, month)`);
  }
  return lines.join('\n') + '\n';
}

/** A statement as `clm sql` prints it: its bound values in a comment above it, ended by `;`. */
function statementText(sql: string, params: readonly unknown[]): string {
  const values = params.length
    ? `-- bound values, in order: ${params.map((p) => (typeof p === 'string' ? `'${p.length > 200 ? p.slice(0, 200) + '…' : p}'` : String(p))).join(', ')}\n`
    : '';
  return `${values}${sql.trim().replace(/;\s*$/, '')};\n`;
}

/** Runs the command; returns the exit code (errors are printed on stderr). */
export async function main(argv: string[]): Promise<number> {
  // A reader that stops early (`clm … | head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT.ok);
  });
  let scratch: string | null = null;
  try {
    const args = parseArgs(argv);
    const o = args.options;
    if (!args.command || (o['--help'] && !COMMAND_HELP[args.command])) {
      process.stdout.write(HELP);
      return args.command || o['--help'] ? EXIT.ok : EXIT.usage;
    }
    if (o['--help']) {
      process.stdout.write(COMMAND_HELP[args.command]);
      return EXIT.ok;
    }
    // `clm sql <command> …` records what the command ran; `clm sql <input>…` writes the warehouse script.
    const script = args.command === 'sql' && (o['--what'] !== undefined || !TABLES_OF[args.inputs[0] as Analysis]);
    const sqlOf = args.command === 'sql' && !script ? args.inputs.shift() : undefined;
    const scriptOf = script ? scriptOptions(o['--what'], o['--dialect']) : undefined;
    if (!script && o['--dialect'] !== undefined && o['--dialect'] !== 'duckdb')
      throw new CliError(
        'usage',
        `clm sql <command> records DuckDB statements; for ${o['--dialect']} give --what ${SCRIPT_WHATS.join('|')}.`
      );
    const command = script ? 'load' : (sqlOf ?? args.command);
    if (!COMMAND_HELP[command]) throw new CliError('usage', `Unknown command ${command} (clm --help).`);
    const tables: readonly string[] = command === 'load' ? [] : TABLES_OF[command as Analysis];
    const table = typeof o['--table'] === 'string' ? o['--table'] : tables[0];
    if (command !== 'load' && !tables.includes(table)) throw new CliError('usage', `${command} writes ${tables.join(', ')}, not ${table}.`);
    const threads = o['--threads'] === undefined ? undefined : Number(o['--threads']);
    if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1))
      throw new CliError('usage', '--threads takes a whole number ≥ 1.');
    const settings = typeof o['--settings'] === 'string' ? await SiteSettings.read(o['--settings']) : SiteSettings.empty();
    if (typeof o['--roles'] === 'string') await settings.addRoles(o['--roles']);
    const temp = o['--temp'] as string | undefined;
    scratch = await scratchFolder(temp ?? os.tmpdir(), 'clm-out-');
    const statements: string[] = [];
    let record = false;
    const onStatement = sqlOf
      ? (sql: string, params: readonly unknown[]) => record && statements.push(statementText(sql, params))
      : undefined;
    const session = await openSession(settings, {
      threads,
      memoryLimit: o['--memory'] as string | undefined,
      tempDirectory: temp,
      quiet: !!o['--quiet'],
      onStatement
    });
    try {
      const loaded = await loadInputs(session, args.inputs);
      record = true;
      if (scriptOf) {
        const inputTable = typeof o['--input-table'] === 'string' ? o['--input-table'] : undefined;
        const futureTable = typeof o['--future-table'] === 'string' ? o['--future-table'] : undefined;
        const text = await scriptFor(session, loaded, { ...scriptOf, inputTable, futureTable });
        const out = (o['--out'] as string | undefined) ?? null;
        await writeResult(session.db.conn, { kind: 'text', text }, out, scratch);
        if (out) session.log(`wrote ${out}`);
      } else if (command === 'load') {
        process.stdout.write(
          o['--json']
            ? JSON.stringify(
                loaded.files.map((f) => ({ file: f.fileName, format: f.format, encoding: f.encoding, roles: f.roles, quality: f.quality })),
                null,
                2
              ) + '\n'
            : summaryText(loaded)
        );
      } else {
        const result = await runAnalysis(session, command as Analysis, loaded, table);
        record = false;
        const out = (o['--out'] as string | undefined) ?? null;
        if (sqlOf) {
          const ds = session.engine.dataset(loaded.id);
          const head = [
            `-- The SQL \`clm ${command} --table ${table}\` ran on ${args.inputs.join(' ')}, in order; DuckDB dialect (${session.db.version}).`,
            `-- Input: the typed table ${ds.table} (${ds.columns.map((c) => `${c.name} ${c.kind}`).join(', ')}), loaded from the file(s) as the site loads them.`
          ];
          await writeResult(session.db.conn, { kind: 'text', text: [...head, '', ...statements].join('\n') + '\n' }, out, scratch);
        } else await writeResult(session.db.conn, result, out, scratch);
        if (out) session.log(`wrote ${out}`);
      }
      if (settings.dropped.length) session.log(`settings left at their defaults (failed their checks): ${settings.dropped.join(', ')}`);
    } finally {
      await session.close();
    }
    return EXIT.ok;
  } catch (e) {
    const err = toCliError(e);
    const message =
      err.kind === 'memory'
        ? `Out of memory. Give DuckDB more (--memory) or fewer threads (--threads), or a --temp folder on a larger disk. ${err.message}`
        : err.message;
    process.stderr.write(`clm: error: ${message}\n`);
    if (err.detail && process.env.CLM_DEBUG) process.stderr.write(`${err.detail}\n`);
    return EXIT[err.kind];
  } finally {
    if (scratch) await removeScratch(scratch);
  }
}
