/** The engine's notes on a value assessment (what the data did not allow), in English and Chinese. */
import { dictionary } from '$lib/i18n/i18n.svelte';

export const notes = dictionary(
  {
    note_missingInput: 'No {role} column: treated as 0 or left out.',
    note_shortHistory: 'Only {months} months up to the evaluation month: 6-month indicators use what there is.',
    note_historyFromFirstMonth: 'No tenure column: history is counted from each customer’s first month in the file.',
    note_futureTooFewMonths: 'Fewer than 4 months: no future-value model (future value 0).',
    note_futureNoHoldout: 'Fewer than 7 months: the future-value model is trained but not judged on a later window.',
    note_futureTooFewCustomers: 'Only {n} customers stayed the whole target window: no future-value model (future value 0).',
    note_futureGroupFallback: 'Revenue group {group} ({n} customers) could not be fitted on its own.',
    note_influenceMissing: '{count} of 5 influence parts have no column: they count 0 (see the table).',
    note_influenceSharePercent: 'Column “{column}” holds percentages (values above 1): read as share × 100.',
    note_compositeConstant:
      '{component} is the same for every customer: it adds the same to every composite and ranks nobody, whatever its share.',
    note_compositeNoShares: 'A value’s mean is negative or the composite is not positive: actual shares cannot be given.',
    note_creditNoArrears: 'No arrears column: the credit score uses spending and tenure only, and the arrears rules are not applied.',
    note_creditNoSpecial: 'No column identifies special lines (test, official, labour service): nobody is rated X for it.',
    note_loyaltyTooFew: 'Only {n} customers: loyalty needs at least 3.',
    note_loyaltyMissing: 'Loyalty indicator “{indicator}” has no column: left out.',
    note_loyaltyConstant: 'Loyalty indicator “{indicator}” does not vary between customers: left out.',
    note_loyaltyNoIndicators: 'No loyalty indicator varies between customers: loyalty not computed.',
    note_loyaltyNoStages: 'Run the Lifecycle tab on this dataset, then assess again, to cross loyalty with lifecycle stages.',
    note_elasticityNoInvestment: 'No cost or discount column: value elasticity needs marketing investment.',
    note_elasticityTooFewMonths: 'Fewer than 6 months up to the evaluation month: elasticity needs two 3-month windows.',
    note_elasticityNearOne:
      '{count} of {of} customers have E within ±0.02 of 1: their investment moved in step with their revenue (e.g. discounts as a fixed share of the bill), so where a layer cut falls among them small differences decide the layer.'
  },
  {
    note_missingInput: '没有"{role}"列：按 0 处理或不使用。',
    note_shortHistory: '截至评价月只有 {months} 个月：6 个月指标按现有月份计算。',
    note_historyFromFirstMonth: '没有在网时长列：历史从每个用户在文件中的第一个月算起。',
    note_futureTooFewMonths: '不足 4 个月：无法建立未来价值模型（未来价值为 0）。',
    note_futureNoHoldout: '不足 7 个月：未来价值模型已训练，但无法在较晚窗口上评估。',
    note_futureTooFewCustomers: '只有 {n} 个用户在整个目标窗口在网：无法建立未来价值模型（未来价值为 0）。',
    note_futureGroupFallback: '收入第 {group} 群（{n} 个用户）无法单独拟合。',
    note_influenceMissing: '5 项影响价值构成中有 {count} 项没有对应列：按 0 计（见下表）。',
    note_influenceSharePercent: '"{column}"列为百分数（有大于 1 的值）：按占比 × 100 读取。',
    note_compositeConstant: '{component}对所有用户都相同：它给每个用户的综合价值加上同样的数，不区分任何用户，无论占比多少。',
    note_compositeNoShares: '某项价值的均值为负或综合价值不为正：无法给出实际占比。',
    note_creditNoArrears: '没有欠停列：信用分只用消费与网龄，不执行欠停规则。',
    note_creditNoSpecial: '没有标识特殊号码（测试机、公务机、劳务机）的列：没有用户因此评为 X。',
    note_loyaltyTooFew: '只有 {n} 个用户：忠诚度至少需要 3 个。',
    note_loyaltyMissing: '忠诚度指标"{indicator}"没有对应列：不使用。',
    note_loyaltyConstant: '忠诚度指标"{indicator}"在用户间没有差异：不使用。',
    note_loyaltyNoIndicators: '没有在用户间有差异的忠诚度指标：不计算忠诚度。',
    note_loyaltyNoStages: '先在"生命周期"页对该数据计算阶段，再重新评估，即可按生命周期阶段交叉忠诚度。',
    note_elasticityNoInvestment: '没有成本或优惠列：价值弹性需要营销投入。',
    note_elasticityTooFewMonths: '截至评价月不足 6 个月：弹性需要两个 3 个月窗口。',
    note_elasticityNearOne:
      '有 E 的 {of} 个用户中 {count} 个的 E 在 1 ± 0.02 以内：其投入与收入同步变化（例如优惠为账单的固定比例），分层线落在他们中间时，由细小差异决定层级。'
  }
);
export type NoteKey = keyof typeof notes.en;
