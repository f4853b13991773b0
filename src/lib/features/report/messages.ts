import { dictionary } from '$lib/i18n/i18n.svelte';

/** Strings of the printable report. */
export const m = dictionary(
  {
    section: 'Printable report',
    note: 'Choose the views to include, show the report, then print it (or save it as PDF from the print dialog). Each view prints with the parameters set in it.',
    views: 'Views in the report',
    show: 'Show report',
    hide: 'Close report',
    print: 'Print report',
    title: 'Customer lifecycle report',
    date: 'Date: {date}',
    data: 'Data: {file} · {rows} {rows:row|rows} · {customers} {customers:customer|customers}',
    segment: 'Customers: segment “{name}” only',
    noData: 'No data loaded: the report shows the views without numbers.',
    params: 'Parameters'
  },
  {
    section: '可打印报告',
    note: '选择要包含的视图，显示报告后打印（或在打印对话框中另存为 PDF）。每个视图按其中设置的参数打印。',
    views: '报告包含的视图',
    show: '显示报告',
    hide: '关闭报告',
    print: '打印报告',
    title: '客户生命周期报告',
    date: '日期：{date}',
    data: '数据：{file} · {rows} 行 · {customers} 位客户',
    segment: '客户范围：仅细分“{name}”',
    noData: '尚未加载数据：报告中的视图没有数字。',
    params: '参数'
  }
);
