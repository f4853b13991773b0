/**
 * Which inputs of seed 004's scores a dataset has, and the SQL fragments that stand in for them:
 * a present role becomes its canonical column, a missing one NULL (and the scores say so). The
 * influence parts, their role flags and the credit markers (special line, secondary number,
 * info-phone, 188 number) have no role of their own: they are found among the user's extra
 * number/text columns by header (Chinese or English), and quoted as identifiers.
 */
import type { ColumnRole } from '../contract.ts';
import { quoteIdent } from '../db/sql.ts';
import type { DatasetHandle } from '../engine/engine.ts';
import type { TypedColumn } from '../engine/typed.ts';

/** The seed's influence parts (影响价值) whose inputs are one column each, and their headers. */
export const INFLUENCE_VALUES = [
  // 集团关键人和联系人: 集团影响力价值 = 集团信息化收入
  { part: 'groupKeyContact', pattern: /集团信息化收入|信息化收入|group.*(it|informati[sz]ation).*revenue|key.?contact.*revenue/i },
  // 集团普通成员: 群内MOU占比 × 5 元
  { part: 'groupMember', pattern: /(群|集团)内.*(mou|通话).*占比|in.?group.*(call|mou).*share/i },
  // 家庭网主号: 家庭网副号数 × 5 元
  { part: 'family', pattern: /副号数|副卡数|家庭网副号|secondary.*numbers|family.*secondar/i },
  // 意愿影响力价值 = 主动通话占比 × 3 个月 ARPU 均值
  { part: 'willingness', pattern: /主动通话占比|主叫占比|active.*call.*share|outgoing.*call.*share/i }
] as const;

/**
 * 辐射影响力价值 = 交往圈语音收入 + 交往圈短信收入 + 交往圈彩信收入 + 飞信交往圈价值 + 邮箱辐射价值:
 * every column matching is a sub-part, and they are summed.
 */
const RADIATION = /交往圈|飞信|邮箱辐射|辐射|contact.?circle|social.?circle|fetion|mailbox|radiation/i;

/** Who gets which group/family part: the role flags (the seed assigns the parts by role). */
const ROLE_FLAGS = {
  keyContact: /集团关键人|关键人|集团联系人|key.?contact/i,
  groupMember: /集团成员|集团普通成员|group.?member/i,
  familyMain: /家庭主卡|家庭网主号|主号标识|^主号$|family.?main|main.?number/i
} as const;

/** Credit markers: special lines are X, as are secondary numbers (副号); info-phones and 188 numbers are not adjusted. */
const MARKERS = {
  special: /特殊号码|特殊用户|测试机|公务机|劳务机|special.?line|test.?line|service.?line/i,
  secondary: /^(是否)?副(号|卡)(标识|标志)?$|^is.?secondary|^secondary.?(line|number)?.?(flag)?$/i,
  infoPhone: /信息机|info.?phone|information.?phone/i,
  number188: /^(是否)?188(用户|号码|号段)?(标识|标志)?$|^is.?188|188.?(user|number|flag)/i
} as const;

export type InfluencePart = (typeof INFLUENCE_VALUES)[number]['part'] | 'radiation';
export type InfluenceRole = keyof typeof ROLE_FLAGS;
export type CreditMarker = keyof typeof MARKERS;

/** A found column: its header (to show) and its alias in customer_window.sql. */
export interface FoundColumn {
  header: string;
  alias: string;
}

export interface ValueInputs {
  has: (role: ColumnRole) => boolean;
  /** Fragments for customer_window.sql / historical_value.sql. */
  parts: Record<string, string>;
  /** The number column of each single-column influence part, or null. */
  influence: Record<Exclude<InfluencePart, 'radiation'>, FoundColumn | null>;
  /** Every radiation sub-part column. */
  radiation: FoundColumn[];
  /** Role flag columns, or null (the role is then read from the values: see influence.ts). */
  roles: Record<InfluenceRole, FoundColumn | null>;
  markers: Record<CreditMarker, FoundColumn | null>;
  /** Headers of the brand columns (current and previous brand, or payment type), or null. */
  brand: string | null;
  previousBrand: string | null;
}

/** A yes/no reading of a flag column: a positive number, or 1/是/y/yes/true. */
function flagExpr(c: TypedColumn): string {
  const q = quoteIdent(c.name);
  return c.kind === 'number'
    ? `coalesce(${q} > 0, false)`
    : `coalesce(lower(trim(CAST(${q} AS VARCHAR))) IN ('1', '是', 'y', 'yes', 'true'), false)`;
}

export function valueInputs(ds: DatasetHandle): ValueInputs {
  const has = (role: ColumnRole) => ds.has(role);
  const col = (role: ColumnRole, name: string, type: 'DOUBLE' | 'BOOLEAN' = 'DOUBLE', coalesce = false) =>
    has(role) ? (coalesce ? `coalesce(${name}, 0)` : name) : `NULL::${type}`;
  const free = ds.columns.filter((c) => c.role === 'number' || c.role === 'text');
  const used = new Set<TypedColumn>();
  const monthly: string[] = [];
  const window: string[] = [];
  let n = 0;
  /** A number column averaged over the last 3 months. */
  const numberColumn = (c: TypedColumn): FoundColumn => {
    used.add(c);
    const alias = `x_${n++}`;
    monthly.push(`, avg(${quoteIdent(c.name)}) AS ${alias}`);
    window.push(`, avg(${alias}) FILTER (WHERE lag BETWEEN 0 AND 2) AS ${alias}`);
    return { header: c.header, alias };
  };
  /** A flag column read in the evaluation month. */
  const flagColumn = (c: TypedColumn): FoundColumn => {
    used.add(c);
    const alias = `x_${n++}`;
    monthly.push(`, bool_or(${flagExpr(c)}) AS ${alias}`);
    window.push(`, coalesce(bool_or(${alias}) FILTER (WHERE lag = 0), false) AS ${alias}`);
    return { header: c.header, alias };
  };
  const findNumber = (pattern: RegExp) => free.find((c) => !used.has(c) && c.kind === 'number' && pattern.test(c.header));
  const influence = Object.fromEntries(
    INFLUENCE_VALUES.map((p) => {
      const c = findNumber(p.pattern);
      return [p.part, c ? numberColumn(c) : null];
    })
  ) as ValueInputs['influence'];
  const radiation = free.filter((c) => !used.has(c) && c.kind === 'number' && RADIATION.test(c.header)).map(numberColumn);
  const findFlag = (pattern: RegExp) => {
    const c = free.find((x) => !used.has(x) && pattern.test(x.header));
    return c ? flagColumn(c) : null;
  };
  const roles = Object.fromEntries(Object.entries(ROLE_FLAGS).map(([k, p]) => [k, findFlag(p)])) as ValueInputs['roles'];
  const markers = Object.fromEntries(Object.entries(MARKERS).map(([k, p]) => [k, findFlag(p)])) as ValueInputs['markers'];

  const invest =
    has('cost') || has('discount') ? `${col('cost', 'cost', 'DOUBLE', true)} + ${col('discount', 'discount', 'DOUBLE', true)}` : '0';
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
    brand: has('brand') ? 'CAST(brand AS VARCHAR)' : 'NULL::VARCHAR',
    previousBrand: has('previousBrand') ? 'CAST(previous_brand AS VARCHAR)' : 'NULL::VARCHAR',
    profit: `${col('revenue', 'revenue', 'DOUBLE', true)} - (${invest})`,
    extraMonthly: monthly.join(''),
    extraSelect: window.join('')
  };
  const header = (role: ColumnRole) => ds.columns.find((c) => c.role === role)?.header ?? null;
  return { has, parts, influence, radiation, roles, markers, brand: header('brand'), previousBrand: header('previousBrand') };
}

/** The aliases of the extra columns customer_window.sql reads (influence, radiation, role flags, markers). */
export function extraAliases(inputs: ValueInputs): string[] {
  return [
    ...Object.values(inputs.influence),
    ...inputs.radiation,
    ...Object.values(inputs.roles),
    ...Object.values(inputs.markers)
  ].flatMap((c) => (c ? [c.alias] : []));
}
