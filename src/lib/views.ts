/**
 * The workbench's views, in tab order. A feature adds its view here: an id (used in `?view=`),
 * a label in both languages and a loader for its component, which reaches the engine, the workspace
 * and its own state through context ($lib/context). Views other than Data load lazily (their code is
 * fetched the first time one is shown), which keeps the page's initial JavaScript small.
 */
import type { Component } from 'svelte';
import type { Bilingual } from '$common/bilingual';
import DataView from '$lib/features/ingest/DataView.svelte';

export interface ViewDef {
  id: string;
  label: Bilingual;
  load: () => Promise<{ default: Component }>;
}

const loaded = new Map<string, Promise<Component>>();

/** The view's component, fetched once. */
export function viewComponent(view: ViewDef): Promise<Component> {
  let p = loaded.get(view.id);
  if (!p) {
    p = view.load().then((m) => m.default);
    loaded.set(view.id, p);
  }
  return p;
}

export const VIEWS: ViewDef[] = [
  { id: 'data', label: { en: 'Data', zh: '数据' }, load: () => Promise.resolve({ default: DataView }) },
  { id: 'lifecycle', label: { en: 'Lifecycle', zh: '生命周期' }, load: () => import('$lib/features/lifecycle/LifecycleView.svelte') },
  { id: 'churn', label: { en: 'Retention & churn', zh: '留存与离网' }, load: () => import('$lib/features/churn/ChurnView.svelte') },
  { id: 'ltv', label: { en: 'Lifetime value', zh: '生命周期价值' }, load: () => import('$lib/features/ltv/LtvView.svelte') },
  { id: 'value', label: { en: 'Customer value', zh: '客户价值' }, load: () => import('$lib/features/value/ValueView.svelte') },
  {
    id: 'segments',
    label: { en: 'Segments & campaigns', zh: '细分与营销' },
    load: () => import('$lib/features/segments/SegmentsView.svelte')
  },
  { id: 'teaching', label: { en: 'Teaching', zh: '教学' }, load: () => import('$lib/features/teaching/TeachingView.svelte') }
];
