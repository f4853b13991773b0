import { dictionary } from '$lib/i18n/i18n.svelte';

/** Strings of the chart export buttons and the printable report. */
export const m = dictionary(
  {
    svg: 'SVG',
    png: 'PNG',
    exportChart: 'Export chart “{name}”',
    exportAs: 'Download “{name}” as {format}',
    exportFailed: 'The chart could not be exported.'
  },
  {
    svg: 'SVG',
    png: 'PNG',
    exportChart: '导出图表“{name}”',
    exportAs: '将“{name}”下载为 {format}',
    exportFailed: '图表导出失败。'
  }
);
