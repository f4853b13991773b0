import { dictionary } from '$lib/i18n/i18n.svelte';

/** Strings of the chart layer: units of axis titles, the keyboard hint, the source line. */
export const m = dictionary(
  {
    yuan: 'yuan',
    months: 'months',
    years: 'years',
    percent: '%',
    customers: 'customers',
    periods: 'periods',
    titleWithUnit: '{title} ({unit})',
    keyHint: '{title}. Arrow keys read the values.',
    dataFrom: 'Data:',
    segment: 'segment “{name}”',
    tableOf: 'Table: {what}',
    showTable: 'Table and CSV',
    emptyChart: 'Nothing to draw.'
  },
  {
    yuan: '元',
    months: '月',
    years: '年',
    percent: '%',
    customers: '人',
    periods: '期',
    titleWithUnit: '{title}（{unit}）',
    keyHint: '{title}。用方向键读取数值。',
    dataFrom: '数据：',
    segment: '客户群“{name}”',
    tableOf: '表：{what}',
    showTable: '表格与 CSV',
    emptyChart: '没有可绘制的数据。'
  }
);

export type Unit = 'yuan' | 'months' | 'years' | 'percent' | 'customers' | 'periods';
