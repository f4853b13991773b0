/**
 * Strings of the campaign arithmetic (the Shenzhen Mobile customer value assessment system's
 * retention, care and top-up cases), in English and Chinese: every term is written out.
 */
import { dictionary } from '$lib/i18n/i18n.svelte';

export const rm = dictionary(
  {
    title: 'Campaign arithmetic (Shenzhen Mobile customer value assessment system)',
    retention: 'Churn retention: ROI with every term',
    retentionSeed:
      'Shenzhen Mobile’s case: a list of 80,000 customers a month, 15% average success, an average cost of 450 yuan per retention, the benefit estimated from the ARPU difference between the retained high-value customers and the control group over a one-year bundle.',
    listSize: 'Names on the list',
    successRate: 'Success rate (0–1)',
    costPerSuccess: 'Cost per success (yuan)',
    arpuDifference: 'ARPU difference (yuan a month)',
    bundleMonths: 'Bundle months',
    controlSuccessRate: 'Control success rate (0–1, optional)',
    fromList: 'Use this list and its evaluation',
    savingFromList: 'Use this list’s value screening',
    term_successes: 'Successes = {list} × {rate} = {n}',
    term_cost: 'Cost = {n} × {c} yuan = {cost} yuan',
    term_benefit: 'Benefit = {n} × {d} yuan × {m} months = {b} yuan',
    term_net: 'Net = {b} − {cost} = {net} yuan',
    term_roi: 'ROI = {net} ÷ {cost} = {roi}',
    term_roiNone: 'ROI: not defined, nothing is spent (cost 0)',
    term_incremental: 'Successes beyond the control rate = {list} × ({rate} − {crate}) = {inc}',
    unreconciled:
      'Shenzhen Mobile’s own totals (about 675,000 yuan of cost a year, 2,160,000 yuan of benefit) do not follow from its inputs: 80,000 × 15% × 450 yuan is already 5,400,000 yuan a month, and no ARPU difference is given (2,160,000 ÷ (12,000 × 12) ≈ 15 yuan would give its benefit). The terms above are computed from the inputs, not copied from the case.',
    arpuDiffSource_evaluation: 'ARPU difference: from the evaluation of this list.',
    arpuDiffSource_entered: 'ARPU difference: entered (evaluate a list to take it from its outcomes).',
    channels: 'Channel success rates',
    channel: 'Channel',
    channel_outbound: 'Outbound calls',
    channel_sms: 'SMS / e-mail',
    channelSeed:
      'Shenzhen Mobile’s G3 info-phone campaign: outbound calls 7%, SMS and e-mail 0.5%. Each channel runs the retention case above (its list, cost per success, ARPU difference and months) and pays its cost per contact for every name on the list. The case gives no channel cost: both start at 16 yuan, its care campaigns’ marketing cost a head; enter your own.',
    costPerContact: 'Cost per contact (yuan)',
    successes: 'Successes',
    cost: 'Cost (yuan)',
    benefit: 'Benefit (yuan)',
    net: 'Net (yuan)',
    roi: 'ROI',
    saving: 'Value-filter saving (care campaigns)',
    savingSeed:
      'Shenzhen Mobile’s contract-care campaigns: the bottom 5% by value rank filtered out, 3.89 million contacts, take-up unchanged at 29%, 16 yuan of marketing cost per head: about 3 million yuan saved.',
    contacts: 'Contacts before the filter',
    dropShare: 'Share filtered out (0–1)',
    costPerHead: 'Marketing cost per contact (yuan)',
    term_saving: 'Saving = {contacts} × {share} = {dropped} contacts dropped × {c} yuan = {saving} yuan',
    topUp: 'Top-up-to-deposit: annualised benefit',
    topUpSeed:
      'Shenzhen Mobile: about 1.3 million targets, 15% average success, +1.37 million yuan a month, 16.44 million yuan over the one-year bundle. The case gives no ARPU difference: 7.0256 yuan is what 1,370,000 ÷ 195,000 implies.',
    targets: 'Targets',
    months: 'Months',
    term_topUp: '{targets} × {rate} = {n} successes; × {d} yuan = {monthly} yuan a month; × {m} = {total} yuan'
  },
  {
    title: '营销活动测算（深圳移动客户价值评估体系）',
    retention: '离网挽留：逐项列出的投资回报',
    retentionSeed:
      '深圳移动的案例：每月 8 万客户的名单，平均成功率 15%，每次挽留的平均成本 450 元；效益按挽留成功的高价值客户的 ARPU 与对照组 ARPU 之差、按捆绑一年估算。',
    listSize: '名单客户数',
    successRate: '成功率（0–1）',
    costPerSuccess: '每次成功的成本（元）',
    arpuDifference: 'ARPU 差（元/月）',
    bundleMonths: '捆绑月数',
    controlSuccessRate: '对照组成功率（0–1，可选）',
    fromList: '采用本名单及其评估结果',
    savingFromList: '采用本名单的价值筛选',
    term_successes: '成功客户数 = {list} × {rate} = {n}',
    term_cost: '成本 = {n} × {c} 元 = {cost} 元',
    term_benefit: '效益 = {n} × {d} 元 × {m} 个月 = {b} 元',
    term_net: '净收益 = {b} − {cost} = {net} 元',
    term_roi: 'ROI = {net} ÷ {cost} = {roi}',
    term_roiNone: 'ROI：无定义，没有投入（成本为 0）',
    term_incremental: '超出对照组成功率的成功客户数 = {list} ×（{rate} − {crate}）= {inc}',
    unreconciled:
      '深圳移动案例自己的合计（全年约 67.5 万元成本、216 万元效益）与其输入对不上：80,000 × 15% × 450 元每月就已是 540 万元；案例也没有给出 ARPU 差（若 ARPU 差约为 216 万 ÷（12,000 × 12）≈ 15 元，才得到其效益）。上面各项由输入计算，并非照抄案例。',
    arpuDiffSource_evaluation: 'ARPU 差：取自本名单的评估结果。',
    arpuDiffSource_entered: 'ARPU 差：手工输入（评估名单后可取自其结果）。',
    channels: '各渠道成功率',
    channel: '渠道',
    channel_outbound: '外呼',
    channel_sms: '短信 / 邮件',
    channelSeed:
      '深圳移动 G3 信息机活动：外呼成功率 7%，短信和邮件 0.5%。各渠道按上面的离网挽留案例测算（名单、每次成功成本、ARPU 差和月数），并对名单上每个号码支付该渠道的单次接触成本。案例未给出渠道成本：两者都从其合约关怀活动的人均营销成本 16 元起算，请填入实际成本。',
    costPerContact: '单次接触成本（元）',
    successes: '成功客户数',
    cost: '成本（元）',
    benefit: '效益（元）',
    net: '净收益（元）',
    roi: 'ROI',
    saving: '价值过滤节约的成本（保有类活动）',
    savingSeed:
      '深圳移动的合约关怀活动：过滤客户价值排名后 5% 的客户，参与人次 389 万，办理率 29% 基本持平，人均营销成本 16 元：约节约 300 万元。',
    contacts: '过滤前的接触人次',
    dropShare: '过滤掉的比例（0–1）',
    costPerHead: '人均营销成本（元）',
    term_saving: '节约 = {contacts} × {share} = 少接触 {dropped} 人次 × {c} 元 = {saving} 元',
    topUp: '充值转预存：按年折算的效益',
    topUpSeed:
      '深圳移动：目标客户约 130 万，平均成功率 15%，每月效益提升约 137 万元，捆绑一年约 1644 万元。案例没有给出 ARPU 差：7.0256 元是 1,370,000 ÷ 195,000 推算出的值。',
    targets: '目标客户数',
    months: '月数',
    term_topUp: '{targets} × {rate} = {n} 个成功客户；× {d} 元 = 每月 {monthly} 元；× {m} = {total} 元'
  }
);
