/**
 * The chart layer: one container (<Chart>) that computes the layout and scales once and shares them
 * with its marks through a typed context; guides (axes with titles and units, gridlines, legends,
 * colour scales) drawn by the container; marks; one palette; tables and CSV; slide-ready export.
 */
export { default as Chart } from './Chart.svelte';
export { default as Bars } from './Bars.svelte';
export { default as StackedBars } from './StackedBars.svelte';
export { default as HBars } from './HBars.svelte';
export { default as Lines } from './Lines.svelte';
export { default as Area } from './Area.svelte';
export { default as Points } from './Points.svelte';
export { default as Rule } from './Rule.svelte';
export { default as Label } from './Label.svelte';
export { default as HeatCells } from './HeatCells.svelte';
export { default as Flow } from './Flow.svelte';
export { default as ChartTable } from './ChartTable.svelte';
export { default as CategoryBars } from './CategoryBars.svelte';
export { CATEGORICAL, INK, seriesStyle } from './palette';
export type { AxisSpec } from './scales';
export { extentWithZero } from './scales';
export type { LegendEntry, ColourScaleSpec } from './legend';
export type { TableSpec, TableColumn, Cell } from './table';
export { csvCell, csvTable } from './table';
export { textWidth } from './text';
export { fanOut, stackTotals } from './shapes';
export { provideChartSource, type ChartSource } from './context';
export { titleWithUnit, unitText } from './units';
