/** Translations of engine vocabulary: column roles, reject reasons, error codes, phases, kinds. */
import type { ColumnRole, DatasetKind, EngineErrorCode } from '$workers/contract';

import type { Bilingual } from '$common/bilingual';

export const ROLE_LABELS: Record<ColumnRole, Bilingual> = {
  customerId: { en: 'Customer ID', zh: '用户ID' },
  month: { en: 'Month (billing period)', zh: '账期（月份）' },
  date: { en: 'Date', zh: '日期' },
  revenue: { en: 'Revenue / ARPU', zh: '出账收入 / ARPU' },
  amount: { en: 'Transaction amount', zh: '交易金额' },
  quantity: { en: 'Quantity', zh: '数量' },
  cost: { en: 'Cost', zh: '成本' },
  discount: { en: 'Discount', zh: '优惠' },
  voiceMinutes: { en: 'Voice minutes', zh: '语音分钟' },
  dataMb: { en: 'Data (MB)', zh: '流量（MB）' },
  sms: { en: 'SMS', zh: '短信' },
  vasCount: { en: 'Value-added services', zh: '增值业务数' },
  arrears: { en: 'Arrears suspensions', zh: '欠停次数' },
  tenure: { en: 'Tenure (months)', zh: '在网时长（月）' },
  churn: { en: 'Churn flag', zh: '离网标志' },
  status: { en: 'Status', zh: '状态' },
  region: { en: 'Region', zh: '区域' },
  customerType: { en: 'Customer type', zh: '客户类型' },
  industry: { en: 'Industry', zh: '行业' },
  plan: { en: 'Plan', zh: '套餐' },
  brand: { en: 'Brand / payment type', zh: '品牌 / 付费类型' },
  previousBrand: { en: 'Previous brand', zh: '原品牌（转品牌前）' },
  number: { en: 'Other number', zh: '其他数值' },
  text: { en: 'Other text', zh: '其他文本' },
  ignore: { en: 'Ignore', zh: '忽略' },
  offerEnd: { en: 'Offer / contract end date', zh: '优惠/合约到期日' },
  churnReason: { en: 'Churn reason', zh: '离网原因' },
  contact: { en: 'Contact (phone, e-mail)', zh: '联系方式' },
  dataRevenue: { en: 'Data-service revenue', zh: '数据业务收入' }
};

export const REASON_LABELS: Record<string, Bilingual> = {
  'wrong-field-count': { en: 'Wrong number of fields', zh: '字段个数不对' },
  'bad-quoting': { en: 'Broken quotes', zh: '引号不匹配' },
  'invalid-encoding': { en: 'Invalid characters for the encoding', zh: '编码无效的字符' },
  'line-too-long': { en: 'Line too long', zh: '行过长' },
  'unreadable-row': { en: 'Unreadable row', zh: '无法读取的行' },
  'missing-customer-id': { en: 'Customer ID is empty', zh: '用户ID为空' },
  'missing-month': { en: 'Month is empty', zh: '月份为空' },
  'bad-month': { en: 'Month not recognised', zh: '无法识别的月份' },
  'missing-date': { en: 'Date is empty', zh: '日期为空' },
  'bad-date': { en: 'Date not recognised', zh: '无法识别的日期' },
  'bad-number': { en: 'Not a number', zh: '不是数值' },
  'bad-flag': { en: 'Not a yes/no value', zh: '不是是/否取值' },
  'missing-value': { en: 'Required value is empty', zh: '必填值为空' },
  'duplicate-customer': { en: 'Customer already seen in an earlier row', zh: '该客户在前面的行中已出现' },
  'control-character': {
    en: 'Control character in a field (NUL byte or a lone carriage return)',
    zh: '字段中含控制字符（NUL 字节或单独的回车符）'
  }
};

export const ERROR_LABELS: Record<EngineErrorCode, Bilingual> = {
  'engine-start-failed': { en: 'The analysis engine could not start in this browser.', zh: '分析引擎无法在此浏览器中启动。' },
  'engine-lost': {
    en: 'The analysis engine stopped unexpectedly (the browser may have ended it to free memory). It was restarted and the loaded files are being read again.',
    zh: '分析引擎意外停止（浏览器可能为释放内存而结束了它）。引擎已重启，正在重新读取已加载的文件。'
  },
  'empty-file': { en: 'The file is empty.', zh: '文件是空的。' },
  'binary-file': { en: 'This file is not a text, Parquet or Excel file.', zh: '此文件不是文本、Parquet 或 Excel 文件。' },
  'unsupported-format': { en: 'This file format is not supported.', zh: '不支持此文件格式。' },
  'no-data-rows': { en: 'The file has no data rows.', zh: '文件中没有数据行。' },
  'read-failed': { en: 'The file could not be read.', zh: '无法读取该文件。' },
  'out-of-memory': {
    en: 'The browser ran out of memory for this data. Try a smaller file or fewer columns.',
    zh: '浏览器内存不足。请尝试较小的文件或较少的列。'
  },
  'bad-mapping': { en: 'The column roles are not valid.', zh: '字段角色设置无效。' },
  'no-customer-column': { en: 'No column is mapped to the customer ID.', zh: '没有列被设为用户ID。' },
  'unknown-dataset': { en: 'That dataset is no longer loaded.', zh: '该数据集已不在内存中。' },
  'panel-needs-transactions': {
    en: 'A monthly panel is built from a transaction log with a customer ID, a date and an amount column.',
    zh: '月度面板由含用户ID、日期和金额列的交易流水生成。'
  },
  'too-many-columns': {
    en: 'The file has more columns than can be read (at most 4,096).',
    zh: '文件的列数超过可读取的上限（最多 4,096 列）。'
  },
  cancelled: { en: 'Cancelled.', zh: '已取消。' },
  'xlsx-failed': { en: 'The spreadsheet could not be read.', zh: '无法读取该电子表格。' },
  'query-failed': { en: 'The analysis failed.', zh: '分析失败。' },
  'ltv-needs-transactions': {
    en: 'Lifetime value needs a transaction log: map a customer ID and a date column (and an amount for spend).',
    zh: '生命周期价值需要交易流水：请设置用户ID和日期列（计算消费金额还需金额列）。'
  },
  'ltv-needs-columns': {
    en: 'The table needs the columns frequency, recency, periods and weights.',
    zh: '该表需要 frequency、recency、periods、weights 四列。'
  },
  'ltv-no-repeat-buyers': {
    en: 'No customer bought again in the calibration period, so the model cannot be fitted. Move the calibration end later or use a coarser time unit.',
    zh: '校准期内没有客户重复购买，无法拟合模型。请把校准截止日期后移，或改用更粗的时间单位。'
  },
  'ltv-too-few-customers': {
    en: 'Too few customers to fit the model (at least 2 are needed). Load more data or move the calibration end later.',
    zh: '客户太少，无法拟合模型（至少需要 2 个）。请加载更多数据或把校准截止日期后移。'
  },
  'ltv-not-converged': {
    en: 'The model fit did not converge. Try another time unit or calibration end, or more data.',
    zh: '模型拟合未收敛。请尝试其他时间单位或校准截止日期，或使用更多数据。'
  },
  'ltv-bad-input': { en: 'The inputs cannot be used by the model.', zh: '这些输入无法用于该模型。' },
  'ltv-not-fitted': { en: 'Fit the models first.', zh: '请先拟合模型。' },
  'lifecycle-not-a-panel': {
    en: 'Lifecycle stages need a monthly panel: map a customer ID column and a month column. For a transaction log, build its monthly panel in Data.',
    zh: '生命周期阶段需要月度面板数据：请设置用户ID列和账期（月份）列。交易流水可在“数据”页生成月度面板。'
  },
  'lifecycle-one-month': {
    en: 'The data covers only one month; lifecycle stages need at least two months.',
    zh: '数据只有一个月，生命周期阶段至少需要两个月的数据。'
  },
  'lifecycle-no-revenue': {
    en: 'This rule set needs a revenue column (or, where the rule allows, a usage column). Map one in the column roles.',
    zh: '该规则集需要收入列（规则允许时也可用使用量列），请在字段角色中设置。'
  },
  'lifecycle-bad-parameter': { en: 'A rule parameter is outside its allowed range.', zh: '规则参数超出允许范围。' },
  'lifecycle-no-stages': { en: 'Compute the lifecycle stages first (Lifecycle tab).', zh: '请先在"生命周期"页计算生命周期阶段。' },
  'lifecycle-no-offer-end': {
    en: 'Map a column as the offer / contract end date in the column roles.',
    zh: '请在字段角色中把一列设为"优惠/合约到期日"。'
  },
  'churn-not-applicable': {
    en: 'This analysis needs a monthly panel, or a snapshot with tenure and churn columns: check the column roles.',
    zh: '此分析需要月度面板数据，或含在网时长和离网标志的快照数据：请检查字段角色。'
  },
  'churn-too-few-months': {
    en: 'Too few months for this analysis (cohorts need at least two join months; the model needs 2 × horizon + 1 months). Load more months or shorten the horizon.',
    zh: '月份太少，无法分析（队列至少需要两个入网月；模型需要 2 × 预测期 + 1 个月）。请加载更多月份或缩短预测期。'
  },
  'churn-no-churners': {
    en: 'No customer churned in these rows, so churn cannot be modelled. Use more months or a longer horizon.',
    zh: '这些数据中没有离网用户，无法建立离网模型。请使用更多月份或更长的预测期。'
  },
  'churn-all-churned': {
    en: 'Every customer in these rows churned, so there is nothing to tell apart.',
    zh: '这些数据中所有用户都已离网，无从区分。'
  },
  'churn-too-few-rows': { en: 'Too few customers for this analysis.', zh: '用户太少，无法分析。' },
  'churn-no-features': {
    en: 'No chosen feature varies in the training data. Choose other features.',
    zh: '所选特征在训练数据中没有变化。请选择其他特征。'
  },
  'churn-not-converged': {
    en: 'The model fit did not converge. Increase the L2 penalty or drop collinear features.',
    zh: '模型拟合未收敛。请加大 L2 惩罚或去掉共线的特征。'
  },
  'churn-no-model': { en: 'Fit the churn model first.', zh: '请先拟合离网模型。' },
  'churn-model-failed': {
    en: 'The churn model could not be computed on these data. Try other features or a longer horizon.',
    zh: '无法在这些数据上计算离网模型。请尝试其他特征或更长的预测期。'
  },
  'value-needs-panel': {
    en: 'Customer value needs a monthly panel: map a customer ID column and a month column. For a transaction log, build its monthly panel in Data.',
    zh: '客户价值评估需要月度面板数据：请设置用户ID列和账期列。交易流水可在“数据”页生成月度面板。'
  },
  'value-needs-revenue': {
    en: 'Customer value needs a revenue column (出账收入): map one in the column roles.',
    zh: '客户价值评估需要收入列（出账收入）：请在字段角色中设置。'
  },
  'value-bad-weights': {
    en: 'The four value weights must each be between 0 and 1 and sum to 1.',
    zh: '四项价值权重须在 0 到 1 之间且合计为 1。'
  },
  'value-bad-params': { en: 'A value assessment parameter is outside its allowed range.', zh: '价值评估参数超出允许范围。' },
  'value-not-assessed': { en: 'Run the value assessment first.', zh: '请先进行价值评估。' },
  'value-too-few-customers': {
    en: 'Too few customers for the value models. Load more data or choose a later evaluation month.',
    zh: '客户太少，无法计算价值模型。请加载更多数据或选择更晚的评估月份。'
  },
  'value-model-failed': {
    en: 'A value model could not be computed on these data (e.g. an indicator does not vary). Check the column roles.',
    zh: '无法在这些数据上计算价值模型（例如某项指标没有变化）。请检查字段角色。'
  },
  'segments-needs-customers': {
    en: 'Segments need a panel or transactions with a customer ID and a revenue or amount column.',
    zh: '客户细分需要含用户ID及收入或金额列的面板或交易数据。'
  },
  'segments-not-built': { en: 'Build the segment overview first.', zh: '请先生成细分概览。' },
  'segments-bad-input': { en: 'A segment or campaign setting is invalid.', zh: '细分或营销活动设置无效。' },
  'segments-too-few-customers': {
    en: 'Too few customers for this analysis (each campaign arm needs at least two).',
    zh: '客户太少，无法分析（营销活动每组至少需要两名客户）。'
  },
  'segments-model-failed': { en: 'The segment analysis could not be computed on these data.', zh: '无法在这些数据上计算该细分分析。' },
  'segments-needs-lifecycle': {
    en: 'The stage filter needs lifecycle stages: run the Lifecycle tab on this dataset first.',
    zh: '按阶段筛选需要生命周期阶段：请先在"生命周期"页对该数据计算阶段。'
  },
  'segments-needs-value': {
    en: 'A campaign list needs the customer value assessment (its evaluation month, values, tiers and credit grades): run the Customer value tab on this dataset first.',
    zh: '营销名单需要客户价值评估（评估月、价值、价值层级和信用等级）：请先在"客户价值"页对该数据进行评估。'
  },
  'segments-needs-churn': {
    en: 'The churn-risk filter needs the churn model: fit it on the Retention & churn tab first.',
    zh: '离网风险筛选需要离网模型：请先在"留存与离网"页拟合模型。'
  }
};

export const PHASE_LABELS: Record<string, Bilingual> = {
  starting: { en: 'Starting the engine', zh: '正在启动引擎' },
  reading: { en: 'Reading the file', zh: '正在读取文件' },
  transcoding: { en: 'Converting the encoding', zh: '正在转换编码' },
  decoding: { en: 'Decoding the file', zh: '正在解码文件' },
  loading: { en: 'Loading rows', zh: '正在加载数据行' },
  checking: { en: 'Checking values', zh: '正在检查取值' },
  generating: { en: 'Generating sample data', zh: '正在生成示例数据' },
  summarising: { en: 'Summarising', zh: '正在汇总' },
  fitting: { en: 'Fitting models', zh: '正在拟合模型' }
};

export const KIND_LABELS: Record<DatasetKind, Bilingual> = {
  panel: { en: 'Monthly panel (customer × month)', zh: '月度面板（客户 × 月份）' },
  transactions: { en: 'Transaction log', zh: '交易流水' },
  snapshot: { en: 'Customer snapshot (one row per customer)', zh: '客户快照（每客户一行）' },
  table: { en: 'Table without a customer column', zh: '无客户列的表' }
};
