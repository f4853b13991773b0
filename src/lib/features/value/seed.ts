/**
 * The seed's own sentences beside the results (for a trainer: what the Shenzhen Mobile customer
 * value assessment system says, in its Chinese words with an English rendering), and the choices
 * the seed leaves open with the one in force. Shown by SeedNote.svelte.
 */
import { dictionary } from '$lib/i18n/i18n.svelte';

export const seed = dictionary(
  {
    source: 'Shenzhen Mobile customer value assessment system',
    says: 'The source says',
    choice: 'Left open by the source; in force here',
    quote_weights: 'Customer value = 0.25 × historical + 0.55 × current + 0.1 × future + 0.1 × influence value.',
    choice_weights:
      'the source gives the weights, not the scale the four values are added on. Summed in yuan, history (years of profit) outweighs current and future value (3 months each) whatever the weights, so the values are put on one basis first: {basis}. The other bases are options.',
    quote_history:
      'Historical value is the total value a customer brought from joining until 3 months before the evaluation date. A: mean monthly profit of the last 6 months; t: the months from the joining month to 6 months before the rating, split into n years and m months because value decays by year; Q: the decay factor, 0.5 by default.',
    choice_history:
      'the definition says 3 months before the rating, the formula 6; the formula is followed (t = tenure − 6 months). Where the panel has monthly profit, that can replace A (an option of the form); in force: {basis}.',
    quote_influence:
      'Group key contacts: informatisation revenue. Ordinary group members: in-group MOU share × 5 yuan. Family main numbers: secondary numbers × 5 yuan. Willingness: active-call share × 3-month mean ARPU. Radiation: contact-circle voice + SMS + MMS revenue + Fetion circle value + mailbox value.',
    choice_influence:
      'who is a key contact, a member or a main number comes from flag columns where the file has them, else from the values (informatisation revenue above 0, an in-group share above 0, secondary numbers); a share column with values above 1 is read as a percentage.',
    quote_credit:
      'More than 1 arrears suspension in the last 3 months: down; in the last 6 months: down; over 36 months on the network and none in half a year: up. Note: info-phones and 188 users are not adjusted. Prepaid to GoTone: CCC–BBB up one; GoTone to prepaid: AAA–BB down two, B down to CCC. Test, official, labour-service lines and secondary numbers: X.',
    choice_credit:
      'a switch counts when the previous-brand column, or else the brand 6 months before the evaluation month, is on the other side; the brand moves apply after the three rules; info-phones and 188 numbers get no move at all.',
    quote_future:
      'Absolute error under control: over 90% of low-value customers within 40 yuan; high-value customers somewhat higher, but 70% within 100 yuan. Relative error: for over 80% of high- and mid-value customers within 0.4, and for over 60% of high-value customers within 0.2.',
    quote_elasticity: 'E = (ΔQ/Q) / (ΔP/P). A customer with value elasticity 2 brings two yuan of revenue for each yuan invested.',
    choice_elasticity:
      '“two yuan for each yuan” is ΔQ/ΔP, not E, so both are shown, named apart. The source layers customers 1 / 2 / 3 without saying where it cuts: here by quantiles of E ({shares}), layer 1 the most elastic.',
    quote_matrix:
      'A low-value customer with potential may become a high-value one and deserves more investment; a high-value customer without potential only needs enough to be kept. Must a rich patient get 10-yuan medicine for an illness 5 yuan can cure?',
    quote_map:
      'Customers grouped by spend and tenure on the distribution of value (investment and output), drawn as a map of existing customers: special care for mid/high-end and long-standing customers; nurture for new customers, to raise their spending.',
    choice_map:
      'the source does not say where mid/high-end or new begins: special care from {spend} yuan a month or {tenure} months on the network, nurture under {nurture} months; where both hold, special care.',
    quote_monitor: 'Build a monitoring system of customer groups’ value, and set each group’s management strategy by its value.'
  },
  {
    source: '深圳移动《客户价值评估体系的搭建及创新应用》',
    says: '原文',
    choice: '原文未规定，此处采用',
    quote_weights: '客户价值 = 0.25 历史价值 + 0.55 当前价值 + 0.1 未来价值 + 0.1 影响价值。',
    choice_weights:
      '原文给出了权重，但没有说明四项价值以何种尺度相加。按元相加时，历史价值（多年利润）无论权重多少都压过当前与未来价值（各 3 个月），因此先换算到同一尺度：{basis}。其他尺度可选。',
    quote_history:
      '历史价值是客户入网以来至评价日期前3个月为企业带来的总价值。A-最近6个月的月均利润值；t-入网月至评级前6个月的月份数，由于价值是按年衰减，后来将t个月分解为n年m月，方便对历史各年份的各月进行累加；Q-价值衰减系数，默认值为0.5。',
    choice_history:
      '定义写的是评价日期前 3 个月，公式写的是 6 个月；此处按公式（t = 网龄 − 6 个月）。面板有逐月利润时可用它代替 A（参数中可选）；当前采用：{basis}。',
    quote_influence:
      '对集团关键人和联系人：集团影响力价值=集团信息化收入；对集团普通成员：集团影响力价值=群内MOU占比*5元；对家庭网主号：家庭影响力价值=家庭网副号数*5元；意愿影响力价值=主动通话占比*3个月ARPU均值；辐射影响力价值=交往圈语音收入+交往圈短信收入+交往圈彩信收入+飞信交往圈价值+邮箱辐射价值。',
    choice_influence:
      '关键人、普通成员、家庭网主号的身份取自文件中的标识列；没有标识列时按数值判断（集团信息化收入大于 0、群内通话占比大于 0、有副号）；占比列中有大于 1 的值时按百分数读取。',
    quote_credit:
      '最近3个月欠停次数大于1，下调评级；最近6个月欠停次数大于1，下调评级；入网36个月以上，最近半年无欠停，上调评级。注：信息机及188用户不调整。智能网转全球通，转网前CCC-BBB级用户上调一级；全球通转智能网，转网前AAA-BB级用户下调二级，B级下调至CCC级。测试机、公务机、劳务机、副号：信用评级为X。',
    choice_credit:
      '原品牌列（没有时取评价月前 6 个月的品牌）与当前品牌分属全球通与智能网两侧时计为转品牌；转品牌调整在三条规则之后执行；信息机与 188 用户一律不调整。',
    quote_future:
      '预测绝对误差可控：低价值人群90%以上在40元以内，高价值人群绝对误差稍高，但70%能控制在100元以内；预测相对误差可控：高、中价值人群80%以上人群预测相对误差可控制在0.4，特别是高价值人群，60%以上人群预测相对误差可控制在0.2。',
    quote_elasticity: 'E=(ΔQ/Q)/(ΔP/P)。客户如果价值弹性为2，则表明每投入一元于客户，则可产生两元的收入。',
    choice_elasticity:
      '"每投入一元产生两元"说的是 ΔQ/ΔP 而不是 E，因此两者分别列出。原文把客户分为 1、2、3 层，但没有给出分层线：此处按 E 的分位数（{shares}）分层，第 1 层弹性最高。',
    quote_matrix:
      '有潜力的低价值客户可能发展成高价值客户，应该多投入。而没有潜力的高价值客户，只要适当投入做好保有就可以了。5元钱能治好的病，难道因为客户的高价值，一定要给他吃10元的药吗？',
    quote_map:
      '基于客户价值分布（投产情况），按消费和网龄维度分群，绘制存量客户经营地图；重点针对中高端及老客户群体，部署专项看管措施；针对新客户群体，加强培育，促进消费提升。',
    choice_map:
      '原文未规定中高端与新客户的界线：月均消费不低于 {spend} 元或网龄不低于 {tenure} 个月为专项看管，网龄低于 {nurture} 个月为加强培育；两者同时满足时按专项看管。',
    quote_monitor: '搭建客户群价值监控体系，依据客户群价值制定客户群管理策略。'
  }
);
export type SeedKey = keyof typeof seed.en;
