/**
 * Which inputs of seed 004's scores a dataset has, and the SQL fragments that stand in for them:
 * a present role becomes its canonical column, a missing one NULL (and the scores say so). The
 * influence parts and the special-line flag have no role of their own: they are found among the
 * user's extra number/text columns by header (Chinese or English), and quoted as identifiers.
 */
import type { ColumnRole } from '../contract.ts';
import { quoteIdent } from '../db/sql.ts';
import type { DatasetHandle } from '../engine/engine.ts';

/** The seed's five influence parts (影响价值) and the header patterns that identify their columns. */
export const INFLUENCE_PARTS = [
  // 集团关键人/联系人: 集团信息化收入
  { part: 'groupKeyContact', pattern: /集团信息化收入|信息化收入|group.*(it|informati[sz]ation).*revenue|key.?contact.*revenue/i, factor: 1 },
  // 集团普通成员: 群内MOU占比 × 5 元
  { part: 'groupMember', pattern: /(群|集团)内.*(mou|通话).*占比|in.?group.*(call|mou).*share/i, factor: 5 },
  // 家庭网主号: 家庭网副号数 × 5 元
  { part: 'family', pattern: /副号数|副卡数|家庭网副号|secondary.*numbers?|family.*secondar/i, factor: 5 },
  // 意愿影响力: 主动通话占比 × 3 个月 ARPU 均值
  { part: 'willingness', pattern: /主动通话占比|主叫占比|active.*call.*share|outgoing.*call.*share/i, factor: 'arpu3' },
  // 辐射影响力: 交往圈收入
  { part: 'radiation', pattern: /交往圈|contact.?circle|social.?circle.*revenue/i, factor: 1 }
] as const;
export type InfluencePart = (typeof INFLUENCE_PARTS)[number]['part'];

/** Special lines (测试机、公务机、劳务机、副号) are not rated: credit grade X. */
const SPECIAL_PATTERN = /特殊号码|特殊用户|测试机|公务机|劳务机|special.?line|test.?line|service.?line/i;

export interface ValueInputs {
  has: (role: ColumnRole) => boolean;
  /** Fragments for customer_window.sql / historical_value.sql. */
  parts: Record<string, string>;
  influence: { part: InfluencePart; column: string | null; alias: string | null; factor: number | 'arpu3' }[];
  special: string | null;
}

export function valueInputs(ds: DatasetHandle): ValueInputs {
  const has = (role: ColumnRole) => ds.has(role);
  const col = (role: ColumnRole, name: string, type: 'DOUBLE' | 'BOOLEAN' = 'DOUBLE', coalesce = false) =>
    has(role) ? (coalesce ? `coalesce(${name}, 0)` : name) : `NULL::${type}`;
  const extras = ds.columns.filter((c) => c.role === 'number' || c.role === 'text');
  const influence = INFLUENCE_PARTS.map((p, i) => {
    const c = extras.find((x) => x.kind === 'number' && p.pattern.test(x.header));
    return { part: p.part, column: c?.header ?? null, alias: c ? `inf_${i}` : null, factor: p.factor, name: c?.name };
  });
  const specialCol = extras.find((x) => SPECIAL_PATTERN.test(x.header));
  const special = specialCol
    ? specialCol.kind === 'number'
      ? `coalesce(${quoteIdent(specialCol.name)} > 0, false)`
      : `coalesce(lower(trim(${quoteIdent(specialCol.name)})) IN ('1', '是', 'y', 'yes', 'true'), false)`
    : 'false';
  const present = influence.filter((p) => p.alias);
  const invest = has('cost') || has('discount')
    ? `${col('cost', 'cost', 'DOUBLE', true)} + ${col('discount', 'discount', 'DOUBLE', true)}` : '0';
  const parts: Record<string, string> = {
    table: ds.table,
    revenue: col('revenue', 'revenue', 'DOUBLE', true),
    cost: col('cost', 'cost'),
    discount: col('discount', 'discount'),
    voice: col('voiceMinutes', 'voice_minutes'),
    data: col('dataMb', 'data_mb'),
    sms: col('sms', 'sms'),
    vas: col('vasCount', 'vas_count'),
    arrears: col('arrears', 'arrears'),
    tenure: col('tenure', 'tenure'),
    churn: col('churn', 'churn', 'BOOLEAN'),
    special,
    profit: `${col('revenue', 'revenue', 'DOUBLE', true)} - (${invest})`,
    extraMonthly: present.map((p) => `, avg(${quoteIdent(p.name!)}) AS ${p.alias}`).join(''),
    extraSelect: present.map((p) => `, avg(${p.alias}) FILTER (WHERE lag BETWEEN 0 AND 2) AS ${p.alias}`).join('')
  };
  return {
    has, parts,
    influence: influence.map(({ part, column, alias, factor }) => ({ part, column, alias, factor })),
    special: specialCol?.header ?? null
  };
}
