/**
 * The words of the sample panel in both languages: column headers, districts, customer types,
 * industries and plans. Values never contain a comma, quote or line break, so the CSV needs no quoting.
 */
import type { Bilingual } from '../../common/bilingual.ts';

export type SampleLang = 'zh' | 'en';

/** Panel columns, in file order. docs/DATA_DICTIONARY.md describes each one. */
export const PANEL_COLUMNS = {
  zh: [
    '用户ID',
    '账期',
    '区域',
    '客户类型',
    '行业',
    '套餐',
    '出账收入',
    '语音分钟',
    '流量MB',
    '短信条数',
    '增值业务数',
    '欠停次数',
    '在网时长',
    '是否离网',
    '营销成本',
    '优惠金额',
    // Customer-value columns (social.ts), appended so the columns above keep their positions.
    '特殊号码',
    '集团关键人',
    '集团信息化收入',
    '集团成员',
    '集团内通话占比',
    '家庭主卡',
    '副卡数',
    '主叫占比',
    '交往圈收入',
    // Brand columns (brand.ts), after the value columns so columns 1–25 keep their positions.
    '品牌',
    '信息机'
  ],
  en: [
    'customer_id',
    'month',
    'region',
    'customer_type',
    'industry',
    'plan',
    'arpu',
    'voice_minutes',
    'data_mb',
    'sms',
    'vas_count',
    'arrears_suspensions',
    'tenure_months',
    'churn',
    'cost',
    'discount',
    'special_line',
    'group_key_contact',
    'group_it_revenue',
    'group_member',
    'in_group_call_share',
    'family_main',
    'secondary_numbers',
    'active_call_share',
    'contact_circle_revenue',
    'brand',
    'info_phone'
  ]
} as const satisfies Record<SampleLang, readonly string[]>;

/** Ground-truth columns: the planted lifecycle stage of every panel row. */
export const TRUTH_COLUMNS = {
  zh: ['用户ID', '账期', '生命周期阶段', '入网序号'],
  en: ['customer_id', 'month', 'stage', 'spell']
} as const satisfies Record<SampleLang, readonly string[]>;

/** Districts of Shenzhen, weighted roughly by resident population. */
export const REGIONS: readonly (Bilingual & { weight: number })[] = [
  { zh: '宝安', en: "Bao'an", weight: 4.5 },
  { zh: '龙岗', en: 'Longgang', weight: 4.0 },
  { zh: '龙华', en: 'Longhua', weight: 2.5 },
  { zh: '南山', en: 'Nanshan', weight: 1.8 },
  { zh: '福田', en: 'Futian', weight: 1.6 },
  { zh: '罗湖', en: 'Luohu', weight: 1.1 },
  { zh: '光明', en: 'Guangming', weight: 1.1 },
  { zh: '坪山', en: 'Pingshan', weight: 0.55 },
  { zh: '盐田', en: 'Yantian', weight: 0.22 },
  { zh: '大鹏', en: 'Dapeng', weight: 0.16 }
];

export const CUSTOMER_TYPES = {
  residential: { zh: '个人', en: 'residential' },
  business: { zh: '政企', en: 'business' }
} as const satisfies Record<string, Bilingual>;

/** Industries of business (政企) customers; residential customers leave the column empty. */
export const INDUSTRIES: readonly (Bilingual & { weight: number })[] = [
  { zh: '批发零售', en: 'Wholesale and retail', weight: 20 },
  { zh: '制造业', en: 'Manufacturing', weight: 18 },
  { zh: '信息技术', en: 'Information technology', weight: 12 },
  { zh: '住宿餐饮', en: 'Hospitality', weight: 10 },
  { zh: '交通物流', en: 'Transport and logistics', weight: 9 },
  { zh: '建筑房地产', en: 'Construction and real estate', weight: 9 },
  { zh: '金融', en: 'Finance', weight: 7 },
  { zh: '教育', en: 'Education', weight: 6 },
  { zh: '医疗卫生', en: 'Healthcare', weight: 5 },
  { zh: '政府机关', en: 'Government', weight: 4 }
];

export interface Plan extends Bilingual {
  /** Monthly fee in yuan: the floor of a customer's plateau revenue before extras. */
  fee: number;
  weight: number;
}

function plans(zhPrefix: string, enPrefix: string, fees: readonly [number, number][]): Plan[] {
  return fees.map(([fee, weight]) => ({ zh: `${zhPrefix}${fee}元`, en: `${enPrefix} ${fee}`, fee, weight }));
}

export const RESIDENTIAL_PLANS: readonly Plan[] = plans('5G畅享', '5G Enjoy', [
  [19, 8],
  [29, 10],
  [39, 15],
  [59, 20],
  [79, 14],
  [99, 12],
  [129, 9],
  [169, 5],
  [199, 4],
  [299, 3]
]);

export const BUSINESS_PLANS: readonly Plan[] = plans('政企融合', 'Business Bundle', [
  [99, 20],
  [199, 30],
  [299, 22],
  [399, 14],
  [599, 9],
  [999, 5]
]);
