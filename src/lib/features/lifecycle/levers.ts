/**
 * Seed 000, the China Telecom CLM deck (McKinsey, 2003), as the deck lays it out: per stage its
 * marketing questions, its value-creating levers (2 / 2 / 2 / 2 / 1 under A–E) and the main analyses
 * it gives as examples; the eight revenue levers with their main gaps (主要差距) and the 16 numbered
 * improvement initiatives (潜在改进举措) hanging off them; the single-lever side effects; the
 * prioritisation 2×2; the marketing five elements (营销五要素) to cross with the stages.
 * Quoted, not paraphrased, wherever the deck has the words; where the workbench decides something
 * the deck leaves open (the stage and element of each initiative) it says so beside it.
 */
import type { ClmStage } from '$workers/lifecycle/contract';
import type { Bilingual } from '$common/bilingual';

export const FIVE_ELEMENTS: Bilingual[] = [
  { en: 'Segmentation & analysis', zh: '市场细分与分析' },
  { en: 'Channel mix & optimisation', zh: '渠道组合与优化' },
  { en: 'Product mix & pricing', zh: '产品组合与定价' },
  { en: 'Targeted advertising & promotion', zh: '针对性广告促销' },
  { en: 'Retention & loyalty', zh: '客户保留及忠诚度' }
];

export interface StageLevers {
  questions: Bilingual[];
  /** The deck's value-creating levers of the stage (多种价值创造杠杆在不同时期应用). */
  levers: Bilingual[];
  /** The deck's main analyses (主要分析工作, 举例). */
  analyses: Bilingual[];
}

export const STAGE_LEVERS: Record<ClmStage, StageLevers> = {
  A: {
    questions: [{ en: 'How to find and win potential customers?', zh: '如何发现并获取潜在客户？' }],
    levers: [
      { en: 'Find people not yet using telecom products, or using a competitor’s', zh: '发现尚未使用电信产品或正使用竞争对手产品的客户' },
      { en: 'Win them with the right value proposition through effective channels', zh: '通过有效渠道提供合适价值定位获取客户' }
    ],
    analyses: [
      {
        en: 'Size and forecast the potential market (line penetration, revenue growth, market research)',
        zh: '分析、预测潜在市场的规模及变化（主线普及率，收入增长，市场调研等）'
      },
      {
        en: 'Track new customers’ make-up and key buying factors (phone survey)',
        zh: '分析、跟踪新进客户的构成及关键购买因素（KBF）（电话调研）'
      }
    ]
  },
  B: {
    questions: [{ en: 'How to grow a customer into a high-value one?', zh: '如何把客户培养成高价值客户？' }],
    levers: [
      { en: 'Product bundles and services that stimulate demand', zh: '刺激需求的产品组合/服务' },
      { en: 'Cross-selling', zh: '交叉销售' }
    ],
    analyses: [
      {
        en: 'Analyse in-network customers’ use of services (value-added, internet/broadband)',
        zh: '分析在网客户的业务使用情况（增值业务、上网/宽带等）'
      },
      { en: 'Understand the bottlenecks to value growth (phone survey)', zh: '了解价值提升的瓶颈（电话调研）' }
    ]
  },
  C: {
    questions: [
      { en: 'How to get customers to use new telecom products?', zh: '如何使客户使用新电信产品？' },
      { en: 'How to build customer loyalty?', zh: '如何培养顾客忠诚度？' }
    ],
    levers: [
      { en: 'Targeted marketing', zh: '针对性营销' },
      { en: 'Differentiated service for high-value customers', zh: '高价值客户的差异化服务' }
    ],
    analyses: [
      {
        en: 'Track mature customers’ loyalty and deeper needs, new services included (user forums, market research)',
        zh: '分析、跟踪成熟客户的忠诚度及深度需求，包括对新业务的需求（用户座谈会、市场调研等）'
      }
    ]
  },
  D: {
    questions: [{ en: 'How to extend the customer’s “lifecycle”?', zh: '如何延长客户“生命周期”？' }],
    levers: [
      { en: 'Early warning for high-risk customers', zh: '高危客户预警机制' },
      { en: 'Retention measures for high-risk customers', zh: '高危客户挽留举措' }
    ],
    analyses: [
      {
        en: 'Analyse and monitor changes in traffic, with phone surveys, to learn behaviour and key drivers',
        zh: '分析、监控话务量变化，辅以电话调研等手段了解行为规律及关键驱动因素'
      },
      { en: 'Follow the competition closely and plan targeted marketing', zh: '密切了解竞争态势，制订针对性营销举措' }
    ]
  },
  E: {
    questions: [{ en: 'How to win customers back?', zh: '如何赢回客户？' }],
    levers: [{ en: 'Ways to win back high-value customers', zh: '高价值客户赢回方法' }],
    analyses: [
      { en: 'Build and keep a database of leavers (fixed line, PHS)', zh: '建立、维护离网客户数据库（固话、小灵通）' },
      { en: 'Run targeted retention and win-back', zh: '开展有针对性的客户保留和赢回' }
    ]
  }
};

/** One of the deck's 16 numbered improvement initiatives (潜在改进举措; the deck writes 10–16 as 1•0…1•6). */
export interface Initiative extends Bilingual {
  id: number;
  /** The stage it serves and the marketing element it uses: the workbench's placement, each initiative once. */
  stage: ClmStage;
  element: number;
}

export const INITIATIVES: Initiative[] = [
  {
    id: 1,
    zh: '建立流程并在IT系统中捕捉竞争者的高价值用户信息',
    en: 'Build a process, and the IT, to capture competitors’ high-value users',
    stage: 'A',
    element: 0
  },
  {
    id: 2,
    zh: '鼓励社区经理在管辖区域内关注潜在高价值客户信息',
    en: 'Encourage community managers to watch for potential high-value customers in their area',
    stage: 'A',
    element: 1
  },
  {
    id: 3,
    zh: '建立定期话务量流失分析机制（尤其对于高价值客户）',
    en: 'Analyse traffic loss regularly (above all of high-value customers)',
    stage: 'D',
    element: 0
  },
  {
    id: 4,
    zh: '根据话务量流失原因进行相应主动话务量提升工作（如拆拨号器等）',
    en: 'Win traffic back proactively according to why it was lost (e.g. removing dial-around devices)',
    stage: 'D',
    element: 3
  },
  {
    id: 5,
    zh: '在10000号和营业厅（尤其是10000号）中建立向上销售/交叉销售工作流程',
    en: 'An up-sell/cross-sell workflow in the 10000 call centre and the shops (above all 10000)',
    stage: 'B',
    element: 1
  },
  {
    id: 6,
    zh: '建立话务员在用户咨询同时发掘用户需求的工作职责',
    en: 'Make uncovering needs during enquiries part of the call-centre agents’ job',
    stage: 'B',
    element: 1
  },
  {
    id: 7,
    zh: '利用渠道间的配合加强针对性营销的能力，例如，10000号+社区经理（业务宣传单）',
    en: 'Stronger targeted marketing through channels working together, e.g. 10000 + community managers (leaflets)',
    stage: 'C',
    element: 3
  },
  { id: 8, zh: '设计产品包装/捆绑工具包', en: 'Design a product packaging/bundling toolkit', stage: 'B', element: 2 },
  {
    id: 9,
    zh: '将用户按价值进行区分，对于高价值用户采用定期关怀、跟踪话务量变化等方式提升高价值用户忠诚度',
    en: 'Tell users apart by value; raise high-value users’ loyalty with regular care and by tracking their traffic',
    stage: 'C',
    element: 4
  },
  {
    id: 10,
    zh: '对于1年以上的成熟期用户进行使用跟踪，对于优惠计划到期的中高价值用户及时回访了解需求',
    en: 'Track the usage of mature-stage users of more than one year; call back mid/high-value users whose offer plan expires to learn their needs',
    stage: 'C',
    element: 2
  },
  {
    id: 11,
    zh: '分析离网原因，建立离网预警机制',
    en: 'Analyse why customers leave; build a churn early-warning mechanism',
    stage: 'D',
    element: 0
  },
  {
    id: 12,
    zh: '对于中高价值的高危用户设计离网挽留工具包',
    en: 'Design a retention toolkit for mid/high-value high-risk users',
    stage: 'D',
    element: 4
  },
  { id: 13, zh: '建立用户信用黑名单', en: 'Build a customer credit blacklist', stage: 'A', element: 0 },
  {
    id: 14,
    zh: '建立离网用户数据库，包括离网用户有效联系方式和离网原因',
    en: 'Build a leavers’ database with each leaver’s valid contact and churn reason',
    stage: 'E',
    element: 0
  },
  {
    id: 15,
    zh: '对离网的中高价值用户定期回访，了解赢回可能性和相应有效举措',
    en: 'Call mid/high-value leavers back regularly to learn whether and how they can be won back',
    stage: 'E',
    element: 1
  },
  { id: 16, zh: '设计离网赢回工具包', en: 'Design a win-back toolkit', stage: 'E', element: 4 }
];

/** The deck's eight revenue levers (“这里主要考虑收入类杠杆”), their main gaps and initiatives. */
export interface RevenueLever {
  lever: Bilingual;
  gaps: Bilingual[];
  initiatives: number[];
}

export const REVENUE_LEVERS: RevenueLever[] = [
  {
    lever: { en: 'Finding potential high-value customers', zh: '发现潜在高价值客户' },
    gaps: [{ en: 'Potential high-value users are not found proactively', zh: '不能主动发现潜在的高价值用户' }],
    initiatives: [1, 2]
  },
  {
    lever: { en: 'Keeping traffic', zh: '话务量保持' },
    gaps: [
      { en: 'The main reasons for lost traffic are not tracked or analysed', zh: '对话务量流失主要原因缺乏跟踪分析' },
      { en: 'No ability to reduce traffic loss in a targeted way', zh: '缺乏针对性减少话务量流失的能力' }
    ],
    initiatives: [3, 4]
  },
  {
    lever: { en: 'Up-selling / cross-selling', zh: '向上销售/交叉销售' },
    gaps: [
      {
        en: 'Shops and the 10000 call centre have no effective process or incentives for up-/cross-selling',
        zh: '营业厅、10000号没有有效流程和激励体系进行有效向上销售/交叉销售'
      },
      { en: 'No effective product packaging/bundling', zh: '缺乏有效产品包装/捆绑' }
    ],
    initiatives: [5, 6, 7, 8]
  },
  {
    lever: { en: 'Raising loyalty', zh: '忠诚度提升' },
    gaps: [{ en: 'Nothing is done to raise high-value users’ loyalty', zh: '没有对高价值用户进行忠诚度提升的工作' }],
    initiatives: [9]
  },
  {
    lever: { en: 'Offer-plan renewal', zh: '优惠计划更新' },
    gaps: [
      {
        en: 'Existing users get no effective tracking or care, so many leave when their offer plan expires, to get a new one',
        zh: '对老用户缺乏有效跟踪与关怀，使不少用户优惠计划到期后为了获得新的优惠计划而离网'
      }
    ],
    initiatives: [10]
  },
  {
    lever: { en: 'Churn early warning', zh: '离网预警' },
    gaps: [
      { en: 'High-risk users are not tracked', zh: '没有进行高危用户跟踪工作' },
      { en: 'No effective measures to keep leaving customers', zh: '缺乏有效离网挽回举措' }
    ],
    initiatives: [11, 12]
  },
  {
    lever: { en: 'Reducing bad debt', zh: '坏帐减少' },
    gaps: [
      {
        en: 'Debts are chased strictly, but there is no credit system to reduce bad debt from the start',
        zh: '虽有较严格的追帐工作，但缺乏信用体系，没有从一开始便努力减少坏帐可能'
      }
    ],
    initiatives: [13]
  },
  {
    lever: { en: 'Winning back leavers', zh: '离网用户赢回' },
    gaps: [
      { en: 'Leavers’ information is not recorded and kept', zh: '对离网用户信息未进行有效登记，并维持' },
      { en: 'Leavers cannot be reached; no tracking or care of them', zh: '无法联系离网用户，缺乏对离网用户的跟踪与关怀' }
    ],
    initiatives: [14, 15, 16]
  }
];

/** The deck's warning “只关注单一杠杆……导致无意识的后果”: three levers pulled alone, and what follows. */
export const SIDE_EFFECTS: { lever: Bilingual; consequences: Bilingual[] }[] = [
  {
    lever: { en: 'Cutting churn with proactive retention offers', zh: '通过主动优化方案来减少离网' },
    consequences: [
      { en: 'Less recurring revenue', zh: '减少经常性收入' },
      { en: 'Low-value and value-destroying customers are kept', zh: '保留了低价值和破坏价值客户' }
    ]
  },
  {
    lever: { en: 'Raising recurring revenue by marketing new data services', zh: '通过向市场推广新数据服务来提高经常性收入' },
    consequences: [
      {
        en: 'Complex procedures bring more calls to the service centre, and so more cash cost of service',
        zh: '复杂的程序导致呼叫客户服务中心的次数增多，继而增加服务项目的现金成本'
      }
    ]
  },
  {
    lever: {
      en: 'Cutting the cash cost of service by routing most calls to automated answering',
      zh: '通过将多数电话转入自动应答系统，来减少服务现金成本'
    },
    consequences: [
      { en: 'More high-value customers who want service leave', zh: '增加了追求服务的高价值的离网' },
      { en: 'Fewer chances to up-sell', zh: '减少了向上销售的机会' }
    ]
  }
];

/** The prioritisation 2×2 (对价值杠杆进行优先排序): its axes and its one sentence, quoted. */
export const PRIORITY = {
  impact: { en: 'Impact on customer-level EBITDA', zh: '对客户层面EBITDA的影响' },
  ease: { en: 'Ease of execution', zh: '执行难易度' },
  noRegret: {
    en: 'Most operators take various “no-regret” steps, to get big profit from small investment.',
    zh: '大多数的操作者会采用的各种“无悔”步骤，以实现小投资产出大利润。'
  }
};

/** Each stage's levers as one phrase, the shape the campaign list's CSV labels read. */
export const LEVERS = Object.fromEntries(
  (Object.keys(STAGE_LEVERS) as ClmStage[]).map((s) => {
    const l = STAGE_LEVERS[s].levers;
    return [s, { levers: { en: l.map((x) => x.en).join('; '), zh: l.map((x) => x.zh).join('；') } }];
  })
) as Record<ClmStage, { levers: Bilingual }>;
