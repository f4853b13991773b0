import { dictionary } from '$lib/i18n/i18n.svelte';

/** Strings of the Teaching tab and the printable report. */
export const m = dictionary(
  {
    title: 'Teaching mode',
    intro:
      'Guided walkthroughs on the seeded sample data (2,000 customers, 24 months, seed 1): the same numbers in every session. Choose a walkthrough, then step through or jump to any step; the highlighted element is the one the step explains.',
    choose: 'Walkthroughs',
    steps: 'Steps',
    stepOf: 'Step {n} of {total}: {title}',
    prev: 'Previous step',
    next: 'Next step',
    openView: 'View: {view}',
    loadingSample: 'Loading the sample data…',
    notFound: 'The element for this step is not on screen yet (the view may need its analysis to finish or a button to be pressed).',
    example:
      'Worked example: the Shenzhen Mobile retention case (the ARPU difference of 15 yuan is what its stated benefit implies; the case gives none)',
    listSize: 'Names on the list (a month)',
    successRate: 'Success rate',
    costPerSuccess: 'Cost per retention (yuan)',
    arpuDifference: 'ARPU difference (yuan a month)',
    bundleMonths: 'Bundle months',
    successes: 'Successes',
    cost: 'Cost (yuan)',
    benefit: 'Benefit (yuan)',
    net: 'Net (yuan)',
    roi: 'ROI = net ÷ cost',
    stage: 'The view of this step'
  },
  {
    title: '教学模式',
    intro:
      '基于固定种子示例数据（2000 位客户、24 个月、种子 1）的引导式讲解：每次培训数字都相同。选择一个讲解，逐步前进或直接跳到任一步；高亮的元素就是该步讲解的对象。',
    choose: '讲解列表',
    steps: '步骤',
    stepOf: '第 {n} 步（共 {total} 步）：{title}',
    prev: '上一步',
    next: '下一步',
    openView: '视图：{view}',
    loadingSample: '正在加载示例数据…',
    notFound: '本步骤的元素尚未显示（该视图可能需要等分析完成或点击按钮）。',
    example: '算例：深圳移动离网挽留案例（案例未给出 ARPU 差，15 元是由其效益推算出的值）',
    listSize: '名单客户数（每月）',
    successRate: '成功率',
    costPerSuccess: '每次挽留成本（元）',
    arpuDifference: 'ARPU 差（元/月）',
    bundleMonths: '捆绑月数',
    successes: '成功客户数',
    cost: '成本（元）',
    benefit: '效益（元）',
    net: '净收益（元）',
    roi: 'ROI = 净收益 ÷ 成本',
    stage: '本步骤的视图'
  }
);
