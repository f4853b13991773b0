import { dictionary } from '$lib/i18n/i18n.svelte';

/** Strings of the Teaching tab and the printable report. */
export const m = dictionary(
  {
    title: 'Teaching mode',
    intro: 'Guided walkthroughs on the seeded sample data (2,000 customers, 24 months, seed 1): the same numbers in every session. Choose a walkthrough, then step through or jump to any step; the highlighted element is the one the step explains.',
    choose: 'Walkthroughs',
    steps: 'Steps',
    stepOf: 'Step {n} of {total}: {title}',
    prev: 'Previous step',
    next: 'Next step',
    openView: 'View: {view}',
    loadingSample: 'Loading the sample data…',
    notFound: 'The element for this step is not on screen yet (the view may need its analysis to finish or a button to be pressed).',
    example: 'Worked example (illustrative numbers)',
    treated: 'Customers in the campaign',
    controlChurn: 'Churn in the control group',
    treatedChurn: 'Churn in the campaign group',
    uplift: 'Uplift (churn avoided)',
    kept: 'Customers kept',
    margin: 'Margin per customer',
    incMargin: 'Incremental margin',
    cost: 'Campaign cost',
    roi: 'ROI',
    stage: 'The view of this step'
  },
  {
    title: '教学模式',
    intro: '基于固定种子示例数据（2000 位客户、24 个月、种子 1）的引导式讲解：每次培训数字都相同。选择一个讲解，逐步前进或直接跳到任一步；高亮的元素就是该步讲解的对象。',
    choose: '讲解列表',
    steps: '步骤',
    stepOf: '第 {n} 步（共 {total} 步）：{title}',
    prev: '上一步',
    next: '下一步',
    openView: '视图：{view}',
    loadingSample: '正在加载示例数据…',
    notFound: '本步骤的元素尚未显示（该视图可能需要等分析完成或点击按钮）。',
    example: '算例（示例数字）',
    treated: '活动组客户数',
    controlChurn: '对照组离网率',
    treatedChurn: '活动组离网率',
    uplift: '提升（避免的离网率）',
    kept: '多保住的客户',
    margin: '每客户毛利',
    incMargin: '增量毛利',
    cost: '活动成本',
    roi: '投资回报率',
    stage: '本步骤的视图'
  }
);
