/**
 * The campaign outcome file, read in the worker through the engine's own ingest (encoding detection
 * incl. GB18030 and BOM, quoted fields, thousand separators, per-row rejects with reasons): its
 * headers are matched to the outcome fields by English and Chinese aliases, the matched columns get
 * roles whose parsers reject bad cells (customer id; responded as a yes/no flag; ARPUs and subsidy
 * as numbers), and the typed rows are kept as `campout_<id>` (customer_id, responded, arpu_before,
 * arpu_after, subsidy, arm). The file's own dataset is dropped afterwards: only the normalised copy
 * is needed, and it is dropped with the list's dataset. Rows with a blank required cell, and a
 * customer's rows after the first, are counted as rejected with their reason (never dropped silently).
 */
import type { ColumnRole, RejectReason } from '../contract.ts';
import { all, dropTable, exec, one, quoteIdent, template } from '../db/sql.ts';
import type { Engine } from '../engine/engine.ts';
import { TABLES } from '../engine/tables.ts';
import type { OutcomeField, OutcomeLoad } from './contract.ts';
import verdictsSql from './sql/outcome_verdicts.sql?raw';
import outcomesSql from './sql/outcomes.sql?raw';
import rejectsSql from './sql/outcome_rejects.sql?raw';
import matchesSql from './sql/outcome_matches.sql?raw';

export const outcomesTable = (id: string) => quoteIdent(TABLES.campaignOutcomes(id));

/** Headers are compared after NFKC, lower case, without spaces, underscores, hyphens and brackets. */
export const normHeader = (h: string) =>
  h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-()（）[\]]/g, '');

export const OUTCOME_ALIASES: Record<OutcomeField, string[]> = {
  customer_id: [
    'customer_id',
    'customerid',
    'cust_id',
    'user_id',
    'userid',
    'id',
    'msisdn',
    '用户ID',
    '用户编号',
    '客户ID',
    '客户编号',
    '号码',
    '手机号码',
    '用户号码',
    '服务号码'
  ],
  responded: [
    'responded',
    'response',
    'converted',
    'success',
    'accepted',
    '是否响应',
    '响应',
    '是否成功',
    '是否办理',
    '是否转化',
    '办理',
    '成功'
  ],
  arpu_before: ['arpu_before', 'pre_arpu', 'before_arpu', 'arpu_pre', '活动前ARPU', '活动前arpu值', '前ARPU', '活动前消费'],
  arpu_after: ['arpu_after', 'post_arpu', 'after_arpu', 'arpu_post', '活动后ARPU', '活动后arpu值', '后ARPU', '活动后消费'],
  subsidy: ['subsidy', 'subsidy_amount', 'subsidy_yuan', '补贴', '补贴金额', '补贴额'],
  arm: ['arm', 'group', 'campaign_group', '组别', '分组', '组']
};
export const REQUIRED: OutcomeField[] = ['customer_id', 'responded', 'arpu_before', 'arpu_after'];

/** Roles whose parse rule suits each field; their canonical names become the typed columns. */
const ROLE: Record<OutcomeField, ColumnRole> = {
  customer_id: 'customerId',
  responded: 'churn',
  arpu_before: 'revenue',
  arpu_after: 'amount',
  subsidy: 'discount',
  arm: 'text'
};

/** Header index per field (first match in file order), or -1. */
export function matchHeaders(headers: string[]): Record<OutcomeField, number> {
  const norm = headers.map(normHeader);
  return Object.fromEntries(
    (Object.keys(OUTCOME_ALIASES) as OutcomeField[]).map((f) => {
      const aliases = new Set(OUTCOME_ALIASES[f].map(normHeader));
      return [f, norm.findIndex((h) => aliases.has(h))];
    })
  ) as Record<OutcomeField, number>;
}

/** Reads the file, keeps its typed rows as `campout_<id>` and counts those on the list `campaign_<id>`. */
export async function loadOutcomeFile(engine: Engine, id: string, list: string, blob: Blob, name: string): Promise<OutcomeLoad> {
  const first = await engine.ingestFile(blob, name, {});
  try {
    const at = matchHeaders(first.headers);
    const columns = Object.fromEntries(Object.entries(at).map(([f, i]) => [f, i >= 0 ? first.headers[i] : null])) as OutcomeLoad['columns'];
    const missing = REQUIRED.filter((f) => at[f] < 0);
    const base = { fileName: name, columns, missing };
    if (missing.length) {
      const q = first.quality;
      return { ...base, rowsInFile: q.rowsInFile, loaded: q.loaded, rejected: q.rejected, reasons: q.reasons, matched: 0, unmatched: 0 };
    }
    const roles: ColumnRole[] = first.headers.map(() => 'ignore');
    for (const [f, i] of Object.entries(at) as [OutcomeField, number][]) if (i >= 0) roles[i] = ROLE[f];
    const typed = await engine.applyRoles(first.id, roles);
    const ds = engine.dataset(first.id);
    const armCol = at.arm >= 0 ? ds.columns.find((c) => c.source === at.arm)!.name : null;
    const verdicts = quoteIdent(TABLES.outcomeVerdicts(id));
    await exec(engine.conn, template(verdictsSql, { verdicts, table: ds.table }));
    await exec(
      engine.conn,
      template(outcomesSql, {
        outcomes: outcomesTable(id),
        verdicts,
        subsidy: at.subsidy >= 0 ? 'discount' : 'CAST(NULL AS DOUBLE)',
        arm: armCol ? `CAST(${quoteIdent(armCol)} AS VARCHAR)` : 'CAST(NULL AS VARCHAR)'
      })
    );
    const extra = await all(engine.conn, template(rejectsSql, { verdicts }));
    await dropTable(engine.conn, TABLES.outcomeVerdicts(id));
    const reasons: RejectReason[] = extra.map((r) => {
      const [reason, field] = String(r.verdict).split(':') as [string, OutcomeField | undefined];
      const rows = String(r.rows_).split(',').map(Number);
      const ids = String(r.ids).split('\x1f');
      return {
        reason,
        column: field ? columns[field] : columns.customer_id,
        count: Number(r.n),
        examples: rows.map((row, i) => ({ line: null, row, text: ids[i] ?? '' }))
      };
    });
    const dropped = reasons.reduce((t, r) => t + r.count, 0);
    const m = (await one(engine.conn, template(matchesSql, { outcomes: outcomesTable(id), list })))!;
    const q = typed.quality;
    return {
      ...base,
      rowsInFile: q.rowsInFile,
      loaded: q.loaded - dropped,
      rejected: q.rejected + dropped,
      reasons: [...q.reasons, ...reasons],
      matched: Number(m.matched),
      unmatched: Number(m.unmatched)
    };
  } finally {
    await engine.dropDataset(first.id);
  }
}
