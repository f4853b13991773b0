/**
 * The workbench's views, in tab order. A feature adds its view here: an id (used in `?view=`),
 * a label in both languages and its component, which receives the shared engine and workspace.
 */
import type { Component } from 'svelte';
import type { EngineClient } from '$lib/engine/client.svelte';
import type { Workspace } from '$lib/features/ingest/workspace.svelte';
import DataView from '$lib/features/ingest/DataView.svelte';
import LifecycleView from '$lib/features/lifecycle/LifecycleView.svelte';
import ValueView from '$lib/features/value/ValueView.svelte';
import ChurnView from '$lib/features/churn/ChurnView.svelte';
import LtvView from '$lib/features/ltv/LtvView.svelte';
import SegmentsView from '$lib/features/segments/SegmentsView.svelte';
import TeachingView from '$lib/features/teaching/TeachingView.svelte';

export interface ViewProps {
  engine: EngineClient;
  workspace: Workspace;
}

export interface ViewDef {
  id: string;
  label: { en: string; zh: string };
  component: Component<ViewProps>;
}

export const VIEWS: ViewDef[] = [
  { id: 'data', label: { en: 'Data', zh: '数据' }, component: DataView },
  { id: 'lifecycle', label: { en: 'Lifecycle', zh: '生命周期' }, component: LifecycleView },
  { id: 'churn', label: { en: 'Retention & churn', zh: '留存与离网' }, component: ChurnView },
  { id: 'ltv', label: { en: 'Lifetime value', zh: '生命周期价值' }, component: LtvView },
  { id: 'value', label: { en: 'Customer value', zh: '客户价值' }, component: ValueView },
  { id: 'segments', label: { en: 'Segments & campaigns', zh: '细分与营销' }, component: SegmentsView },
  { id: 'teaching', label: { en: 'Teaching', zh: '教学' }, component: TeachingView }
];
