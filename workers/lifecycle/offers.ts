/**
 * The offer-plan renewal list of seed 000 (lever "offer-plan renewal", initiative 1•0): mid/high-value
 * customers whose offer or contract ends soon, for a call before they leave to get a new offer
 * elsewhere (the deck's main gap: 不少用户优惠计划到期后为了获得新的优惠计划而离网).
 */
import { rounded, toCsv } from '../../common/csv.ts';
import type { DatasetHandle } from '../engine/engine.ts';
import { engineError } from '../engine/errors.ts';
import { readStages, TABLES } from '../engine/tables.ts';
import { all, quoteIdent, template, type SqlConnection } from '../db/sql.ts';
import { readValueScores, valueScoresTable } from '../scores/value.ts';
import offerEndingSql from './sql/offer_ending.sql?raw';
import type { OfferEndList, OfferEndRequest, OfferEndRow } from './contract.ts';
import { exitStagesOf } from './views.ts';

const NO_STAGES =
  '(SELECT CAST(NULL AS VARCHAR) AS customer_id, CAST(NULL AS VARCHAR) AS stage, false AS mature, false AS exited WHERE false)';
const NO_VALUE = '(SELECT CAST(NULL AS VARCHAR) AS customer_id, CAST(NULL AS VARCHAR) AS value_tier WHERE false)';

/**
 * The stages of the last month as (customer_id, stage, mature, exited), the codes bound as $3 (the
 * stages standing for C) and $4 (the exit stages), comma-separated.
 */
async function stagesOf(conn: SqlConnection, id: string): Promise<{ relation: string; codes: [string, string] } | null> {
  const set = await readStages(conn, id);
  if (!set) return null;
  const table = quoteIdent(TABLES.stages(id));
  return {
    relation: `(SELECT customer_id, stage,
        list_contains(string_split(CAST($3 AS VARCHAR), ','), stage) AS mature,
        list_contains(string_split(CAST($4 AS VARCHAR), ','), stage) AS exited
      FROM ${table} WHERE month = (SELECT max(month) FROM ${table}))`,
    codes: [set.stages.filter((s) => set.analogOf[s] === 'C').join(','), exitStagesOf(set).join(',')]
  };
}

export async function offerEndList(conn: SqlConnection, ds: DatasetHandle, base: string, request: OfferEndRequest): Promise<OfferEndList> {
  if (!ds.has('offerEnd')) throw engineError('lifecycle-no-offer-end', 'Map a column as the offer/contract end date.');
  const stages = await stagesOf(conn, ds.id);
  const hasValue = (await readValueScores(conn, ds.id)) !== null;
  const value = hasValue ? `(SELECT customer_id, value_tier FROM ${valueScoresTable(ds.id)})` : NO_VALUE;
  const sql = template(offerEndingSql, { base, table: ds.table, stages: stages?.relation ?? NO_STAGES, value });
  const rows = await all(conn, sql, [request.months, request.minArpu, ...(stages?.codes ?? [])]);
  const all_: OfferEndRow[] = rows
    .map((r) => ({
      customerId: String(r.customer_id),
      offerEnd: String(r.offer_end),
      stage: r.stage == null ? null : String(r.stage),
      mature: r.mature === true,
      tenure: r.tenure == null ? null : Number(r.tenure),
      arpu: Number(r.arpu),
      valueTier: r.value_tier == null ? null : String(r.value_tier)
    }))
    // Seed 000's "mature-stage users of more than one year": a stage standing for C and tenure over 12 months.
    .filter((r) => !request.matureOnly || (r.mature && (r.tenure ?? 0) > 12));
  const csv = toCsv(
    request.lang === 'zh'
      ? ['用户ID', '优惠到期日', '生命周期阶段', '在网时长（月）', 'ARPU（元）', '价值层级']
      : ['customer_id', 'offer_end', 'stage', 'tenure', 'arpu', 'value_tier'],
    all_.map((r) => [r.customerId, r.offerEnd, r.stage, r.tenure, rounded(r.arpu, 2), r.valueTier])
  );
  return { total: all_.length, rows: all_.slice(0, request.top), csv, hasStages: stages !== null, hasValue };
}
