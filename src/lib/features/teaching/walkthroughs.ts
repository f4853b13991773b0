/**
 * Guided walkthroughs for training sessions on the seeded sample panel (2,000 customers, 24 months,
 * seed 1: the same numbers every time). Each step names the view to open, a CSS selector of the
 * number or chart to point at in that view, and a plain-words explanation in zh and en. Concepts
 * follow docs/DOMAIN.md and the seed documents (000: lifecycle stages and levers; 003: the LTV
 * teaching table; 004: the customer value system: four values, credit, loyalty, elasticity, the value map).
 */
import type { Bilingual } from '$common/bilingual';

export interface Step {
  /** A view id from src/lib/views.ts. */
  view: string;
  /** Selector (inside the view) of the element to highlight; the view's title if it is not there. */
  target: string;
  title: Bilingual;
  body: Bilingual;
}

export interface Walkthrough {
  id: string;
  title: Bilingual;
  steps: Step[];
}

/** The sample every walkthrough runs on, so screens and numbers are reproducible. */
export const SAMPLE = { customers: 2000, months: 24, seed: 1 } as const;

export const WALKTHROUGHS: Walkthrough[] = [
  {
    id: 'lifecycle',
    title: { en: 'The five lifecycle stages and their levers', zh: '五个生命周期阶段及其营销杠杆' },
    steps: [
      {
        view: 'data',
        target: '[data-testid="customers"]',
        title: { en: 'The panel', zh: '面板数据' },
        body: {
          en: 'The sample is a monthly panel: one row per customer and month. Count the customers here — every stage share later is a share of them.',
          zh: '示例数据是月度面板：每个客户每月一行。先看这里的客户数——后面所有阶段占比都以它为分母。'
        }
      },
      {
        view: 'lifecycle',
        target: '#lc-dist',
        title: { en: 'Stages month by month', zh: '逐月的阶段分布' },
        body: {
          en: 'Each bar is a month, split by stage: acquisition (new), growth, maturity, decline and churn. A healthy base keeps the maturity band thick; a growing decline band is the first alarm.',
          zh: '每根柱是一个月，按阶段分段：获取期（新入网）、成长期、成熟期、衰退期和离网期。健康的客户群成熟期占比大；衰退期越来越厚就是第一个警报。'
        }
      },
      {
        view: 'lifecycle',
        target: '[data-testid="lifecycle-funnel"]',
        title: { en: 'The funnel', zh: '阶段漏斗' },
        body: {
          en: 'Reached: how many customers ever were in a stage. Next: how many of them moved on. Where the “next” share drops is where the base leaks.',
          zh: '“到达”是曾处于该阶段的客户比例，“进入下一阶段”是其中继续前进的比例。哪一步比例骤降，客户就从哪里流失。'
        }
      },
      {
        view: 'lifecycle',
        target: '[data-testid="lifecycle-transitions"]',
        title: { en: 'Month-to-month transitions', zh: '月度阶段转移' },
        body: {
          en: 'Rows are this month’s stage, columns next month’s. The diagonal is customers who stayed; the decline → churn cell is the flow that retention work must shrink.',
          zh: '行是本月阶段，列是下月阶段。对角线是停留的客户；“衰退 → 离网”这一格正是保留工作要压缩的流量。'
        }
      },
      {
        view: 'lifecycle',
        target: '[data-testid="lifecycle-levers"]',
        title: { en: 'Questions and levers per stage', zh: '每个阶段的问题与杠杆' },
        body: {
          en: 'The China Telecom CLM deck gives two value levers to each of the first four stages and one to the last. Acquisition: find prospects, win them with the right offer through effective channels. Growth: bundles that stimulate demand, cross-selling. Maturity: targeted marketing, differentiated service for high value. Decline: early warning and retention of high-risk customers. Churn: win back the high-value ones. Below the table: the eight revenue levers with the deck’s 16 initiatives, and what pulling one lever alone costs.',
          zh: '中国电信客户生命周期材料为前四个阶段各给出两个价值杠杆，最后一个阶段一个。获取期：发现潜在客户，通过有效渠道以合适的价值定位获取；成长期：刺激需求的产品组合、交叉销售；成熟期：针对性营销、高价值客户差异化服务；衰退期：高危客户预警与挽留；离网期：赢回高价值客户。表下方：八个收入杠杆及材料中的 16 项举措，以及只拉一个杠杆的代价。'
        }
      }
    ]
  },
  {
    id: 'ltv',
    title: { en: 'The lesson of the LTV table', zh: '生命周期价值表的启示' },
    steps: [
      {
        view: 'ltv',
        target: '#ltv-teach-title',
        title: { en: 'Lifetime value by year', zh: '逐年生命周期价值' },
        body: {
          en: 'The table follows one cohort year by year: customers left, revenue, costs, profit, discounted profit (NPV) and the cumulative NPV per customer.',
          zh: '这张表逐年跟踪一个客户群：剩余客户数、收入、成本、利润、折现利润（净现值）以及每位客户的累计净现值。'
        }
      },
      {
        view: 'ltv',
        target: '[data-testid="ltv-teach-table"]',
        title: { en: 'Year 1 loses money', zh: '第一年是亏损的' },
        body: {
          en: 'In year 1 the acquisition cost outweighs the profit: the cumulative NPV is negative. The cohort pays back only in years 2 and 3, through the customers who stay.',
          zh: '第一年获取成本超过利润，累计净现值为负；要到第二、三年，靠留下来的客户持续消费，客户群才回本。'
        }
      },
      {
        view: 'ltv',
        target: '#ltv-spend-title',
        title: { en: 'Retention beats acquisition', zh: '保留胜过获取' },
        body: {
          en: 'Below the table the same budget is spent either on acquiring more customers or on a retention programme, side by side. Type the retention points the budget buys: the comparison shows from how many points on retention pays more. The figures are illustrative; the article gives only the lesson.',
          zh: '表格下方把同一笔预算分别用于获取更多客户和用于客户保持计划，并排比较。输入这笔预算能带来的保持率提升：比较结果会显示提升超过多少个百分点时投入保持的回报更高。数字均为示例，文章只给出了结论。'
        }
      }
    ]
  },
  {
    id: 'churn',
    title: { en: 'Cohort retention and churn early warning', zh: '队列留存与离网预警' },
    steps: [
      {
        view: 'churn',
        target: '#churn-retention',
        title: { en: 'Cohort retention', zh: '队列留存' },
        body: {
          en: 'Each row is a cohort (customers who joined in the same month); each column is months since joining. Reading down a column compares cohorts at the same age: later cohorts that fade faster mean acquisition quality dropped.',
          zh: '每行是一个队列（同月入网的客户），每列是入网后的月数。沿一列向下比较同“年龄”的队列：新队列衰减更快，说明获客质量下降了。'
        }
      },
      {
        view: 'churn',
        target: '#churn-survival',
        title: { en: 'Survival curve', zh: '生存曲线' },
        body: {
          en: 'Kaplan–Meier: the share of customers still active after t months, counting customers who are still with us as censored, not as lost. Split it by a column to see which group leaves first.',
          zh: 'Kaplan–Meier 生存曲线：t 个月后仍在网的客户比例；仍在网的客户按“删失”处理，而不算流失。按某列分组，看哪类客户先离开。'
        }
      },
      {
        view: 'churn',
        target: '#churn-by-stage',
        title: { en: 'Churn by lifecycle stage', zh: '按生命周期阶段的离网率' },
        body: {
          en: 'The Zhongshan Mobile data-service case reports about 40% of mature-stage customers churning within 3 months and 43% within 6: a rate for customers in a stage, not from joining. This card computes it per stage from the stages of the Lifecycle tab: compare maturity with decline.',
          zh: '中山移动数据业务案例中，成熟期客户 3 个月内流失约 40%，6 个月内约 43%：这是处于某一阶段的客户的流失率，而不是自入网起算。本卡片用“生命周期”页的阶段逐阶段计算它：比较成熟期与衰退期。'
        }
      },
      {
        view: 'churn',
        target: '#churn-warning',
        title: { en: 'Early warning model', zh: '离网预警模型' },
        body: {
          en: 'A logistic model scores each customer’s risk of churning in the next months from recent usage, arrears and tenure. AUC says how well it ranks churners above stayers (0.5 = chance, 1 = perfect).',
          zh: '逻辑回归模型根据近期使用量、欠费和在网时长给每位客户打出未来几个月的离网风险分。AUC 衡量它把离网者排在留存者之前的能力（0.5 为随机，1 为完美）。'
        }
      },
      {
        view: 'churn',
        target: '#churn-warning',
        title: { en: 'Gains: whom to call first', zh: '增益图：先联系谁' },
        body: {
          en: 'The gains chart shows what share of all churners you reach by calling the riskiest x% first. If the top 20% hold half the churners, a retention team with limited time should start there.',
          zh: '增益图显示按风险从高到低联系前 x% 的客户能覆盖多少离网者。如果前 20% 覆盖一半离网者，时间有限的挽留团队就应从这里开始。'
        }
      }
    ]
  },
  {
    id: 'value',
    title: { en: 'The customer value system', zh: '客户价值体系' },
    steps: [
      {
        view: 'value',
        target: '#value-summary-title',
        title: { en: 'Four values', zh: '四种价值' },
        body: {
          en: 'Historical value (profit since joining, older years decayed by Q), current value (profit of the last 3 months), future value (revenue of the next 3 months, predicted) and influence value (what the customer brings through others). The source weighs them 0.25, 0.55, 0.1 and 0.1.',
          zh: '历史价值（入网以来的利润，较早的年份按 Q 衰减）、当前价值（最近 3 个月的利润）、未来价值（预测的未来 3 个月收入）和影响价值（通过他人带来的价值）。原文的权重为 0.25、0.55、0.1、0.1。'
        }
      },
      {
        view: 'value',
        target: '#value-composite-title',
        title: { en: 'Weights that mean what they say', zh: '名副其实的权重' },
        body: {
          en: 'Added as yuan, history (years of profit) would supply about two thirds of the composite against its 25% weight. Put on ranks first, each value supplies exactly its weight: compare the three bars.',
          zh: '直接按元相加时，历史价值（多年利润）约占综合价值的三分之二，而权重只有 25%。先换算为排名，每项价值的占比正好等于权重：比较三根柱子。'
        }
      },
      {
        view: 'value',
        target: '#value-history-title',
        title: { en: 'History and influence, as the source defines them', zh: '按原文定义的历史与影响价值' },
        body: {
          en: 'The worked example splits t into n years and m months and multiplies the mean monthly profit A. Influence goes by role: a key contact gets the group’s informatisation revenue, an ordinary member the in-group share × 5 yuan, never both.',
          zh: '算例把 t 拆成 n 年 m 个月，再乘以月均利润 A。影响价值按角色计算：集团关键人计集团信息化收入，普通成员计群内通话占比 × 5 元，两者不重复。'
        }
      },
      {
        view: 'value',
        target: '#value-credit-title',
        title: { en: 'Credit', zh: '信用度' },
        body: {
          en: 'Arrears suspensions move grades down, long clean tenure moves them up; switching from prepaid to GoTone lifts CCC–BBB by one, the reverse drops AAA–BB by two. Info-phones and 188 numbers are never adjusted; secondary numbers are X.',
          zh: '欠停使等级下调，长期无欠停使等级上调；智能网转全球通 CCC–BBB 上调一级，反向 AAA–BB 下调二级。信息机与 188 用户不调整，副号评为 X。'
        }
      },
      {
        view: 'value',
        target: '#value-loyalty-title',
        title: { en: 'Loyalty', zh: '忠诚度' },
        body: {
          en: 'Behavioural indicators are weighted by principal components inside each dimension and by the entropy method between dimensions; the ranked score gives the bands: top 10% high, down to 60% fairly high, to 90% average, the rest low.',
          zh: '维度内的行为指标由主成分分析定权重，维度之间由熵值法定权重；按综合得分排名分档：前 10% 高，至 60% 较高，至 90% 一般，其余低。'
        }
      },
      {
        view: 'value',
        target: '#value-matrix-title',
        title: { en: 'Elasticity × value', zh: '弹性 × 价值' },
        body: {
          en: 'E compares percentage changes; ΔQ/ΔP is the yuan of revenue per extra yuan invested, which is what “E = 2 brings two yuan” means. Invest more in low-value customers with potential (high elasticity); just keep high-value ones without it.',
          zh: 'E 比较的是变化百分比；ΔQ/ΔP 是每多投入一元带来的收入，"弹性为 2 则每投入一元产生两元收入"说的是它。对有潜力（高弹性）的低价值客户多投入，对没有潜力的高价值客户做好保有即可。'
        }
      },
      {
        view: 'value',
        target: '#value-map-title',
        title: { en: 'The map of existing customers', zh: '存量客户经营地图' },
        body: {
          en: 'Spend × tenure cells with their investment, revenue ÷ investment and ROI: special care for mid/high-end and long-standing customers, nurture for new ones. New low spenders often cost more than they bring in their first months.',
          zh: '消费 × 网龄的格子及其投入、收入 ÷ 投入与 ROI：中高端及老客户专项看管，新客户加强培育。新入网的低消费客户头几个月的投入常常高于收入。'
        }
      },
      {
        view: 'value',
        target: '#value-monitor-title',
        title: { en: 'Watching groups month by month', zh: '逐月监控客户群' },
        body: {
          en: 'Each group’s value month by month, by value tier, lifecycle stage or segment: the source sets each group’s strategy by its value.',
          zh: '按价值层级、生命周期阶段或分群逐月查看各客户群的价值：原文依据客户群价值制定客户群管理策略。'
        }
      }
    ]
  },
  {
    id: 'campaign',
    title: { en: 'A campaign with a control group', zh: '带对照组的营销活动' },
    steps: [
      {
        view: 'churn',
        target: '#churn-warning',
        title: { en: 'Choose the target group', zh: '选定目标客户群' },
        body: {
          en: 'Start from a list: for a retention campaign, the high-risk, high-value customers. Fit the early-warning model in the highlighted section; its risk list (riskiest first) is the candidate group.',
          zh: '从一份名单开始：挽留活动的对象是高风险、高价值客户。在高亮的部分拟合预警模型，它给出的风险名单（风险最高者在前）就是候选客户群。'
        }
      },
      {
        view: 'churn',
        target: '#churn-warning',
        title: { en: 'Two ways to build a control group', zh: '对照组的两种做法' },
        body: {
          en: 'Shenzhen Mobile’s design (the tab’s default): market both the value-screened list and a control list drawn at random from the conventional list (the usual filters, no value screening); their success rates come out about equal, while the screened list has more high-value customers and more output per head. The untreated holdout (an option): keep, say, 10% of the list out of the campaign at random; the two groups differ only in the offer, so the difference in their churn is the effect of contacting them — not of the season, nor of a model choosing people who would have stayed anyway.',
          zh: '深圳移动的做法（本页默认）：价值筛选后的名单与从常规名单（常规筛选、不做价值筛选）中随机抽取的对照名单都进行营销；两者办理成功率基本相同，而筛选后的名单高价值客户比例更高、人均产出更高。不接触的保留组（可选）：随机把名单中例如 10% 的客户留在活动之外；两组只差在是否收到优惠，所以两组离网率之差就是接触带来的效果——而不是季节因素，也不是模型挑中了本来就会留下的人。'
        }
      },
      {
        view: 'segments',
        target: 'form.controls',
        title: { en: 'Build the list and its control group', zh: '生成名单及对照组' },
        body: {
          en: 'In the Segments & campaigns tab, press “Build” in the highlighted form; the campaign section below then builds a target list with a control share and a seed — the same seed always gives the same split, so the test can be checked later.',
          zh: '在“细分与营销”页签中点击高亮表单里的生成按钮；下方的营销活动部分即可按对照组比例和随机种子生成目标名单——同一个种子总是得到同样的分组，便于事后核对。'
        }
      },
      {
        view: 'segments',
        target: '[data-testid="roi"]',
        title: { en: 'ROI arithmetic', zh: '投资回报的算法' },
        body: {
          en: 'The Shenzhen Mobile retention case, term by term: successes = names on the list × success rate; cost = successes × cost per success (the 450 yuan per retention is a cost); benefit = successes × ARPU difference (retained high-value customers against the control group) × bundle months; net = benefit − cost; ROI = net ÷ cost. The highlighted list is the tab’s own calculator; the worked example below comes from the same function with the case’s inputs. Read this way the retention pays back only if the ARPU difference is above 450 ÷ 12 = 37.5 yuan a month, and the case’s own totals (675,000 yuan of cost, 2,160,000 of benefit) do not follow from its inputs.',
          zh: '深圳移动离网挽留案例，逐项来算：成功客户数 = 名单客户数 × 成功率；成本 = 成功客户数 × 每次成功的成本（每次挽留 450 元是成本）；效益 = 成功客户数 × ARPU 差（挽留成功的高价值客户与对照组之差）× 捆绑月数；净收益 = 效益 − 成本；ROI = 净收益 ÷ 成本。高亮的是该页签自带的计算器；下面的算例由同一个函数按案例的输入算出。这样算，只有 ARPU 差高于 450 ÷ 12 = 37.5 元/月时挽留才能收回成本；案例自己的合计（成本 67.5 万元、效益 216 万元）与其输入对不上。'
        }
      }
    ]
  }
];

/** Clamps a step index (from the URL or a click) into a walkthrough's range. */
export function clampStep(w: Walkthrough, step: number): number {
  return Number.isFinite(step) ? Math.min(Math.max(0, Math.trunc(step)), w.steps.length - 1) : 0;
}
