/**
 * `clm sql --what <analysis> --dialect duckdb|postgres <input>…`: the scoring SQL of an analysis as
 * a script for a warehouse (workers/export/script.ts), with the parameters of the settings file and
 * the column roles of the input files. The files are read only to learn their columns and roles;
 * the script runs against a table of that shape (`--input-table`, default clm_input).
 */
import { DIALECTS, type Dialect } from '../../workers/db/dialect.ts';
import { exportApi } from '../../workers/export/api.ts';
import type { ScriptWhat } from '../../workers/export/contract.ts';
import { lifecycleApi } from '../../workers/lifecycle/api.ts';
import { VALUE_SETTINGS } from '../../common/valueSettings.ts';
import { CAMPAIGN_SETTINGS } from '../../common/segmentsSettings.ts';
import { CliError } from './errors.ts';
import { panelOf, type Loaded, type Session } from './session.ts';

export const SCRIPT_WHATS: readonly ScriptWhat[] = ['stages', 'transitions', 'retention', 'value', 'campaign'];

/** Checks --what and --dialect before anything is loaded. */
export function scriptOptions(what: string | true | undefined, dialect: string | true | undefined): { what: ScriptWhat; dialect: Dialect } {
  const w = what === undefined ? 'stages' : what;
  const d = dialect === undefined ? 'duckdb' : dialect;
  if (typeof w !== 'string' || !SCRIPT_WHATS.includes(w as ScriptWhat))
    throw new CliError('usage', `--what takes ${SCRIPT_WHATS.join(', ')}${typeof w === 'string' ? `, not ${w}` : ''}.`);
  if (typeof d !== 'string' || !DIALECTS.includes(d as Dialect))
    throw new CliError('usage', `Unknown dialect ${String(d)}; dialects: ${DIALECTS.join(', ')}.`);
  return { what: w as ScriptWhat, dialect: d as Dialect };
}

/** The script's text for the loaded files and the settings' parameters. */
export async function scriptFor(
  s: Session,
  loaded: Loaded,
  options: { what: ScriptWhat; dialect: Dialect; inputTable?: string; futureTable?: string }
): Promise<string> {
  const id = await panelOf(s, loaded);
  if (options.what === 'value') {
    s.log(`sql: value in the ${options.dialect} dialect`);
    return exportApi(() => s.engine).exportSql(id, { ...options, value: s.settings.tab(VALUE_SETTINGS).params });
  }
  const { rule, values } = s.settings.lifecycleRule(await lifecycleApi(() => s.engine).lifecycleRuleSets());
  s.log(`sql: ${options.what} in the ${options.dialect} dialect${options.what === 'retention' ? '' : `, rule set ${rule.id}`}`);
  // The list is screened by the value scores and filtered on the stages: all three tabs' settings.
  const list =
    options.what === 'campaign' ? { value: s.settings.tab(VALUE_SETTINGS).params, campaign: s.settings.tab(CAMPAIGN_SETTINGS) } : {};
  return exportApi(() => s.engine).exportSql(id, { ...options, ruleSet: rule.id, params: values, ...list });
}
