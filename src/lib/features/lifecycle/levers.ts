/**
 * Seed 000 (China Telecom CLM, McKinsey 2003): per stage its marketing question and value levers,
 * and the stage × marketing five elements (营销五要素) grid the seed proposes for finding levers.
 * The cells paraphrase the seed's improvement measures (numbered 1–16 there) into the element they use.
 */
import type { ClmStage } from '$workers/lifecycle/contract';

import type { Bilingual } from '$common/bilingual';

export const FIVE_ELEMENTS: Bilingual[] = [
  { en: 'Segmentation & analysis', zh: '市场细分与分析' },
  { en: 'Channel mix', zh: '渠道组合与优化' },
  { en: 'Product mix & pricing', zh: '产品组合与定价' },
  { en: 'Targeted promotion', zh: '针对性广告促销' },
  { en: 'Retention & loyalty', zh: '客户保留及忠诚度' }
];

export interface StageLevers { question: Bilingual; levers: Bilingual; elements: [Bilingual, Bilingual, Bilingual, Bilingual, Bilingual] }

export const LEVERS: Record<ClmStage, StageLevers> = {
  A: {
    question: { en: 'How to find and win potential customers?', zh: '如何发现并获取潜在客户？' },
    levers: { en: 'Reach people not yet using telecom products or using a competitor’s; the right value proposition through effective channels.', zh: '发现尚未使用电信产品或正使用竞争对手产品的客户；通过有效渠道提供合适价值定位获取客户。' },
    elements: [
      { en: 'Size and track the potential market and new customers’ key buying factors', zh: '分析预测潜在市场规模，跟踪新进客户构成及关键购买因素' },
      { en: 'Capture competitors’ users through call centre and community managers', zh: '通过 10000 号与社区经理捕捉竞争对手用户信息' },
      { en: 'Entry offers matched to the segment’s value', zh: '针对细分市场价值设计入网产品与资费' },
      { en: 'Quick response and a friendly interface in every channel', zh: '各渠道快速响应、友好的客户界面' },
      { en: 'Spot potential high-value customers from the start', zh: '从入网起识别潜在高价值客户' }
    ]
  },
  B: {
    question: { en: 'How to grow a customer into a high-value one?', zh: '如何把客户培养成高价值客户？' },
    levers: { en: 'Bundles that stimulate demand, cross-sell and up-sell, targeted marketing, differentiated service for high value.', zh: '刺激需求的产品组合/服务、交叉销售、针对性营销、高价值客户的差异化服务。' },
    elements: [
      { en: 'Analyse in-network usage (value-added, data) and the bottlenecks to value growth', zh: '分析在网客户业务使用情况及价值提升瓶颈' },
      { en: 'Up-sell/cross-sell workflow in call centre and shops', zh: '在 10000 号和营业厅建立向上/交叉销售流程' },
      { en: 'Product packaging and bundling toolkit', zh: '设计产品包装/捆绑工具包' },
      { en: 'Product recommendations on the bill and by outbound calls', zh: '账单宣传、主动外呼推荐新产品/功能' },
      { en: 'Differentiated service for rising high-value customers', zh: '对高价值客户提供差异化服务' }
    ]
  },
  C: {
    question: { en: 'How to get them onto new products, and keep them loyal?', zh: '如何使客户使用新电信产品？如何培养顾客忠诚度？' },
    levers: { en: 'Loyalty programmes, new-product adoption, care for high-value customers.', zh: '忠诚度计划、新产品推广、高价值客户关怀。' },
    elements: [
      { en: 'Track loyalty and deeper needs of mature customers (surveys, panels)', zh: '分析跟踪成熟客户的忠诚度及深度需求' },
      { en: 'Coordinate call centre and community managers for targeted offers', zh: '利用渠道配合（10000 号 + 社区经理）加强针对性营销' },
      { en: 'Renew offers before discount plans expire', zh: '优惠计划到期前及时更新' },
      { en: 'Introduce new products to mature users', zh: '向成熟用户推介新产品' },
      { en: 'Regular care and usage tracking for high-value users', zh: '对高价值用户定期关怀、跟踪话务量变化' }
    ]
  },
  D: {
    question: { en: 'How to extend the customer lifecycle?', zh: '如何延长客户"生命周期"？' },
    levers: { en: 'Early warning for high-risk customers; retention offers for them.', zh: '高危客户预警机制、高危客户挽留举措。' },
    elements: [
      { en: 'Analyse churn reasons; build the churn early-warning mechanism', zh: '分析离网原因，建立离网预警机制' },
      { en: 'Retention offers in shops and the call centre; proactive outbound calls', zh: '营业厅/呼叫中心向有离网倾向客户推出优惠组合，主动外呼挽留' },
      { en: 'Retention toolkit for mid/high-value high-risk users', zh: '为中高价值高危用户设计离网挽留工具包' },
      { en: 'Regular analysis of falling usage, especially of high value', zh: '建立定期话务量流失分析机制（尤其高价值客户）' },
      { en: 'Credit blacklist; beware offers that also keep value-destroying customers', zh: '建立信用黑名单；警惕挽留优惠同时留住破坏价值的客户' }
    ]
  },
  E: {
    question: { en: 'How to win them back?', zh: '如何赢回客户？' },
    levers: { en: 'Win-back of high-value leavers; a database of leavers with contact and reason.', zh: '高价值客户赢回方法；建立离网客户数据库。' },
    elements: [
      { en: 'Leavers’ database with valid contact and churn reason', zh: '建立离网用户数据库，包括有效联系方式和离网原因' },
      { en: 'Regular call-backs to mid/high-value leavers', zh: '对离网的中高价值用户定期回访' },
      { en: 'Win-back toolkit (offers for returners)', zh: '设计离网赢回工具包' },
      { en: 'Targeted win-back campaigns by reason', zh: '按离网原因开展有针对性的赢回活动' },
      { en: 'Learn from leavers to fix the earlier stages', zh: '以离网原因改进前期各阶段的保留工作' }
    ]
  }
};
