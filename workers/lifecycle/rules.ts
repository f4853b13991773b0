/**
 * The catalogue of lifecycle rule sets: each is one SQL file run by the same engine, with its stages,
 * its parameters (every threshold bound as a `?`, in the order listed here) and a plain-language
 * description generated from the current values, in both UI languages.
 */
import clmSql from './sql/stages_clm.sql?raw';
import dataServiceSql from './sql/stages_data_service.sql?raw';
import spellsSql from '../panel/sql/rule_spells.sql?raw';
import exitAcquiredSql from '../panel/sql/rule_exit_acquired.sql?raw';
import { quoteLiteral, template } from '../db/sql.ts';
import activitySql from './sql/stages_activity.sql?raw';
import type { Bilingual } from '../../common/bilingual.ts';
import type { RuleParamInfo, RuleSetId, RuleSetInfo, StageSet } from './contract.ts';

export interface RuleSet extends RuleSetInfo {
  sql: string;
  /** Roles the rule needs at least one of (checked before running). */
  needs: 'revenue' | 'revenue-or-data' | 'revenue-or-usage';
  describe(p: Record<string, number>): Bilingual;
}

const param = (key: string, en: string, zh: string, value: number, min: number, max: number, step: number): RuleParamInfo => ({
  key,
  label: { en, zh },
  value,
  min,
  max,
  step
});

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

const N = param('n_acquisition', 'Acquisition months N', '获取期月数 N', 3, 1, 24, 1);
const K = param('k_inactive', 'Months without activity K', '无活动月数 K', 3, 1, 12, 1);
const W = param('w_window', 'Trend window W (months)', '趋势窗口 W（月）', 3, 1, 12, 1);
const UP = param('up', 'Rise threshold', '上升阈值', 0.15, 0, 5, 0.01);
const DOWN = param('down', 'Fall threshold', '下降阈值', 0.15, 0, 1, 0.01);
/** Seed 000, initiative 1•0 ties maturity to tenure over one year; off by default (see stages_clm.sql). */
const MATURE = param('mature_months', 'Maturity needs tenure over M months (0: off)', '成熟期需在网超过 M 个月（0：不用）', 0, 0, 60, 1);

/** Revenue as an exact integer of 1/10000 yuan, as the panel's running sum `cum_revenue` counts it. */
const REVENUE = 'CAST(round(coalesce(b.revenue, 0) * 10000) AS BIGINT)';
const REVENUE_ACTIVE = 'coalesce(b.revenue, 0) > 0 OR coalesce(b.usage, 0) > 0';

const clm: RuleSet = {
  id: 'clm',
  label: { en: 'CLM stages A–E (default)', zh: '客户生命周期 A–E（默认）' },
  source: {
    en: "China Telecom CLM deck: its five stages; the deck gives no numeric rule, so this one is the workbench's, every threshold editable",
    zh: '中国电信客户生命周期（CLM）材料的五个阶段；材料未给出数值规则，此规则由本工作台设定，阈值均可修改'
  },
  stages: [
    { code: 'A', label: { en: 'A Acquisition', zh: 'A 获取' }, analog: 'A' },
    { code: 'B', label: { en: 'B Build-up', zh: 'B 提升' }, analog: 'B' },
    { code: 'C', label: { en: 'C Climax', zh: 'C 成熟' }, analog: 'C' },
    { code: 'D', label: { en: 'D Decline', zh: 'D 衰退' }, analog: 'D' },
    { code: 'E', label: { en: 'E Exit', zh: 'E 离网' }, analog: 'E' }
  ],
  params: [N, K, W, UP, DOWN, MATURE],
  sql: withSpells(
    clmSql,
    { exit: 'E', acquired: 'A' },
    { cumulative: 'b.cum_revenue', active: REVENUE_ACTIVE, boundsExtra: '', columns: '', trendExtra: '' }
  ),
  needs: 'revenue',
  describe: (p) => ({
    en:
      `E (exit) when the churn flag is set, when the customer has no further rows (never returns, or more than ${p.k_inactive} months without rows follow), ` +
      `or after ${p.k_inactive} months in a row without revenue or usage. Otherwise A (acquisition) in the first ${p.n_acquisition} months of tenure. ` +
      `Otherwise compare the revenue of the last ${p.w_window} months with the ${p.w_window} months before: ` +
      `up by ${pct(p.up)} or more → B (build-up); down by ${pct(p.down)} or more → D (decline); else C (climax)` +
      (p.mature_months > 0 ? `, once tenure is over ${p.mature_months} months (a stable customer with less is still B)` : '') +
      '. ' +
      `With a shorter history both windows shrink to half the months available.`,
    zh:
      `出现离网标记、此后不再有记录（未回流，或其后超过 ${p.k_inactive} 个月无记录）、或连续 ${p.k_inactive} 个月无收入且无使用量时为 E（离网）；` +
      `否则在网前 ${p.n_acquisition} 个月为 A（获取）；否则比较最近 ${p.w_window} 个月与之前 ${p.w_window} 个月的收入：` +
      `上升 ${pct(p.up)} 及以上为 B（提升），下降 ${pct(p.down)} 及以上为 D（衰退），其余为 C（成熟）` +
      (p.mature_months > 0 ? `，且须在网超过 ${p.mature_months} 个月（不足者仍为 B）` : '') +
      '。' +
      `历史不足时两个窗口缩短为可用月数的一半。`
  })
};

/**
 * A spell-based rule's SQL: the shared spells/trend CTEs (panel/sql/rule_spells.sql) filled with
 * the running sum of the rule's metric (an exact integer, over all rows in panel order), its activity
 * test and extra columns, then its final CASE, which starts with the shared exit and acquisition
 * branches (panel/sql/rule_exit_acquired.sql) naming the rule's own stage codes.
 * `${base}` and `${target}` stay for the run to fill.
 */
function withSpells(
  ruleSql: string,
  stageCodes: { exit: string; acquired: string },
  parts: { cumulative: string; active: string; boundsExtra: string; columns: string; trendExtra: string }
): string {
  const withoutComment = (sql: string) => sql.replace(/^(--.*\n)+/, '');
  const spells = withoutComment(template(spellsSql, { ...parts, base: '${base}' }).trimEnd());
  const exitAcquired = withoutComment(
    template(exitAcquiredSql, { exit: quoteLiteral(stageCodes.exit), acquired: quoteLiteral(stageCodes.acquired) })
  ).trim();
  return ruleSql.replace('${spells}', () => spells).replace('${exit_acquired}', () => exitAcquired);
}

/**
 * Whether the file has any data-service column, and the weight of one SMS in MB: a typical month of
 * data (mean MB over months with use) per typical month of SMS, so both weigh as a typical user's
 * month does (1 without a data column: use is then SMS alone).
 */
const DS_BOUNDS = `,
    count(data_mb) + count(sms) + count(vas_count) > 0 AS has_ds,
    coalesce((avg(data_mb) FILTER (WHERE data_mb > 0)) / (avg(sms) FILTER (WHERE sms > 0)), 1) AS sms_weight`;

const dataService: RuleSet = {
  id: 'dataService',
  label: { en: 'Data-service lifecycle', zh: '数据业务生命周期' },
  source: { en: 'Zhongshan Mobile data-service customer value lean marketing', zh: '中山移动数据业务客户价值精益营销管理' },
  stages: [
    { code: 'acquired', label: { en: 'Acquired', zh: '用户获取' }, analog: 'A' },
    { code: 'interested', label: { en: 'Interested', zh: '感兴趣' }, analog: 'B' },
    { code: 'habitual', label: { en: 'Habitual', zh: '成为习惯' }, analog: 'C' },
    { code: 'losing', label: { en: 'Losing interest', zh: '失去兴趣' }, analog: 'D' },
    { code: 'cancelled', label: { en: 'Cancelled', zh: '取消业务' }, analog: 'E' }
  ],
  params: [N, K, W, UP, DOWN, param('services_drop', 'Data services dropped', '减少的数据业务数', 2, 0, 8, 1)],
  sql: withSpells(
    dataServiceSql,
    { exit: 'cancelled', acquired: 'acquired' },
    {
      cumulative: `CAST(sum(CASE WHEN bounds.has_ds
      THEN CAST(round(10000 * (coalesce(b.data_mb, 0) + coalesce(b.sms, 0) * bounds.sms_weight)) AS BIGINT)
      ELSE ${REVENUE} END) OVER w AS BIGINT)`,
      active: `CASE WHEN bounds.has_ds THEN coalesce(b.data_mb, 0) > 0 OR coalesce(b.sms, 0) > 0 OR coalesce(b.vas_count, 0) > 0
      ELSE ${REVENUE_ACTIVE} END`,
      boundsExtra: DS_BOUNDS,
      columns: `,
    CASE WHEN bounds.has_ds THEN CAST(coalesce(b.data_mb, 0) > 0 AS INTEGER) + CAST(coalesce(b.sms, 0) > 0 AS INTEGER)
      + CAST(round(coalesce(b.vas_count, 0)) AS INTEGER) END AS services`,
      // The previous W months of the spell: a partition by spell, as PostgreSQL takes no per-row frame.
      trendExtra: `,
    max(w.services) OVER (PARTITION BY w.start_key ORDER BY w.row_index ROWS BETWEEN CAST($3 AS INTEGER) PRECEDING AND 1 PRECEDING) AS services_before`
    }
  ),
  needs: 'revenue-or-data',
  describe: (p) => ({
    en:
      `On data-service use (data MB, plus SMS counted in MB at the ratio of a typical month of each; revenue when the file has neither nor value-added services): ` +
      `cancelled on the churn flag, when no further rows follow, or after ${p.k_inactive} months without any data service; ` +
      `acquired in the first ${p.n_acquisition} months of tenure; ` +
      `losing interest when use over the last ${p.w_window} months fell by ${pct(p.down)} or more against the ${p.w_window} before` +
      (p.services_drop > 0 ? ` or ${p.services_drop}+ of the services used (data, SMS, value-added) were dropped` : '') +
      `; interested when it rose by ${pct(p.up)} or more; else habitual.`,
    zh:
      `按数据业务使用量（流量MB，短信按两者典型月用量之比折算为MB后相加；三者及增值业务均无时按收入）：出现离网标记、此后不再有记录、或连续 ${p.k_inactive} 个月未使用任何数据业务为"取消业务"；` +
      `在网前 ${p.n_acquisition} 个月为"用户获取"；最近 ${p.w_window} 个月使用量较之前 ${p.w_window} 个月下降 ${pct(p.down)} 及以上` +
      (p.services_drop > 0 ? `或所用业务（流量、短信、增值业务）减少 ${p.services_drop} 项及以上` : '') +
      `为"失去兴趣"；上升 ${pct(p.up)} 及以上为"感兴趣"；其余为"成为习惯"。`
  })
};

const activity: RuleSet = {
  id: 'activity',
  label: { en: 'Activity states (product analytics)', zh: '活跃状态（产品分析）' },
  source: { en: 'The lifecycle / growth-accounting chart of product-analytics tools', zh: '产品分析工具的生命周期（增长核算）图' },
  stages: [
    { code: 'new', label: { en: 'New', zh: '新增' }, analog: 'A' },
    { code: 'returning', label: { en: 'Returning', zh: '留存' }, analog: 'C' },
    { code: 'resurrecting', label: { en: 'Resurrecting', zh: '回流' }, analog: 'B' },
    { code: 'dormant', label: { en: 'Dormant', zh: '沉睡' }, analog: 'D' }
  ],
  params: [
    param('new_months', 'Months counted as new', '计为新增的月数', 1, 1, 12, 1),
    param('gap', 'Months without activity before a return counts as resurrecting', '间隔多少个月后再活跃算回流', 1, 1, 12, 1),
    param('min_revenue', 'Revenue above which a month is active (yuan)', '活跃的收入门槛（元）', 0, 0, 1000, 1)
  ],
  sql: activitySql,
  needs: 'revenue-or-usage',
  describe: (p) => ({
    en:
      `A month is active when revenue is above ${p.min_revenue} yuan or any usage is above 0. New: active in the first ${p.new_months} month(s) ` +
      `since the first active month; returning: active and also active within the previous ${p.gap} month(s); resurrecting: active after more than ` +
      `${p.gap} month(s) without activity; dormant: not active.`,
    zh:
      `收入高于 ${p.min_revenue} 元或有任何使用量的月份为活跃。新增：首次活跃起 ${p.new_months} 个月内活跃；留存：活跃且前 ${p.gap} 个月内也活跃；` +
      `回流：超过 ${p.gap} 个月不活跃后再次活跃；沉睡：当月不活跃。`
  })
};

export const RULE_SETS: Record<RuleSetId, RuleSet> = { clm, dataService, activity };

/** What a run of the rule set writes: its stages and the A–E stage each stands for (StageSet). */
export function stageSet(r: RuleSet, params: { key: string; value: number }[]): StageSet {
  return {
    ruleSet: r.id,
    stages: r.stages.map((s) => s.code),
    labels: Object.fromEntries(r.stages.map((s) => [s.code, s.label])),
    analogOf: Object.fromEntries(r.stages.map((s) => [s.code, s.analog])),
    params
  };
}

/** Public info without the SQL and functions (structured-clone-safe). */
export function ruleSetInfo(r: RuleSet): RuleSetInfo {
  return { id: r.id, label: r.label, source: r.source, stages: r.stages, params: r.params };
}

/**
 * The parameter values to bind, in the order of the rule set's `?`s: the request's values where
 * given, else the defaults. Returns null for a value outside its range (the caller says which).
 */
export function resolveParams(r: RuleSet, given: Record<string, number>): { key: string; value: number }[] | { bad: string } {
  const out: { key: string; value: number }[] = [];
  for (const p of r.params) {
    const v = given[p.key] ?? p.value;
    const integer = Number.isInteger(p.step);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < p.min || v > p.max || (integer && !Number.isInteger(v))) return { bad: p.key };
    out.push({ key: p.key, value: v });
  }
  return out;
}
