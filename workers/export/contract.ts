/** The export feature's part of the engine protocol: the scoring SQL as a script for a warehouse. */
import type { Dialect } from '../db/dialect.ts';
import type { RuleSetId } from '../lifecycle/contract.ts';
import type { ValueParams } from '../value/contract.ts';
import type { CampaignParams } from '../segments/contract.ts';

export type { Dialect } from '../db/dialect.ts';

/** Which analysis the script computes. */
export type ScriptWhat = 'stages' | 'transitions' | 'retention' | 'value' | 'campaign';

export interface ScriptRequest {
  what: ScriptWhat;
  dialect: Dialect;
  /** The lifecycle rule set and its parameters (stages, transitions); defaults where absent. */
  ruleSet?: RuleSetId;
  params?: Record<string, number>;
  /** The Customer value tab's parameters (value); defaults where absent. */
  value?: Partial<ValueParams>;
  /** The campaign list's parameters (campaign); defaults where absent. */
  campaign?: Partial<CampaignParams>;
  /** The table of future values the value script reads (`"customerId"`, `future`); default clm_future. */
  futureTable?: string;
  /** The input table's name in the warehouse (`table` or `schema.table`); default clm_input. */
  inputTable?: string;
}

export interface ExportApi {
  /** The script's text (see workers/export/script.ts). */
  exportSql(datasetId: string, request: ScriptRequest): Promise<string>;
}
