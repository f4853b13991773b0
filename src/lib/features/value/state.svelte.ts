/**
 * The Customer value tab's state: the assessment's parameters as the form shows them, the value
 * map's measure, the group monitor's grouping and measure, the results table's sort, and the
 * assessment with its per-customer rows.
 * The tab assesses a new dataset on its own once (with the current parameters, so a link reproduces
 * the screen); a re-assessment, a new sort or the CSV runs when the user asks.
 */
import { untrack } from 'svelte';
import type {
  CompositeBasis,
  HistoryBasis,
  ValueAssessment,
  ValueComponent,
  ValueParams,
  ValueRow,
  ValueRowKey
} from '$workers/value/contract';
import { getWorkbench, type Workbench } from '$lib/context';
import { datasetId, Task } from '$lib/engine/task.svelte';
import { saveText } from '$lib/export/save';
import { parseNumberList as parseList } from '$common/lists';
import { valueLink, type MapMeasure, type MonitorDimension, type MonitorMetric } from './link';

export const COMPONENTS: ValueComponent[] = ['historical', 'current', 'future', 'influence'];
/** Rows of the results table (the worker sorts every customer). */
export const RESULT_ROWS = 50;

/** The list fields of the form, named for the message when one does not parse. */
export type ListField = 'creditCuts' | 'loyaltyCuts' | 'elasticityLayers' | 'spendBands' | 'tenureBands';

export class ValueState {
  evaluationMonth = $state('');
  /** The parameters of the shown assessment (its Export SQL and the campaign list's write them in). */
  assessedWith = $state<ValueParams | null>(null);
  elasticityBase = $state('');
  decay = $state(0);
  historyBasis = $state<HistoryBasis>('seed');
  compositeBasis = $state<CompositeBasis>('rank');
  weights = $state<Record<ValueComponent, number>>({ historical: 0, current: 0, future: 0, influence: 0 });
  tierHigh = $state(0);
  tierMedium = $state(0);
  groups = $state(1);
  lists = $state<Record<ListField, string>>({ creditCuts: '', loyaltyCuts: '', elasticityLayers: '', spendBands: '', tenureBands: '' });
  /** The value map's strategy rule (yuan a month, months). */
  strategy = $state({ careSpend: 0, careTenure: 0, nurtureTenure: 0 });
  /** The list field that did not parse at the last attempt. */
  badList = $state<ListField | null>(null);
  #measure = $state<MapMeasure>('meanValue');
  #monitorBy = $state<MonitorDimension>('tier');
  #monitorMetric = $state<MonitorMetric>('profit');
  #sortBy = $state<ValueRowKey>('composite');
  #descending = $state(true);
  /** Datasets assessed on their own already (keys). */
  #assessed = new Set<string>();
  readonly assessment: Task<ValueAssessment, [ValueParams]>;
  readonly rows: Task<ValueRow[]>;
  readonly download: Task<void>;

  constructor(private wb: Workbench) {
    const link = valueLink.read();
    const d = link.params;
    this.evaluationMonth = d.evaluationMonth ?? '';
    this.elasticityBase = d.elasticityBase ?? '';
    this.decay = d.decay;
    this.historyBasis = d.historyBasis;
    this.compositeBasis = d.compositeBasis;
    this.strategy = { ...d.mapStrategy };
    this.weights = { ...d.weights };
    [this.tierHigh, this.tierMedium] = d.valueTierShares;
    this.groups = d.groups;
    this.lists = {
      creditCuts: d.creditCuts.join(', '),
      loyaltyCuts: d.loyaltyCuts.join(', '),
      elasticityLayers: d.elasticityLayerShares.join(', '),
      spendBands: d.spendBands.join(', '),
      tenureBands: d.tenureBands.join(', ')
    };
    this.#measure = link.measure;
    this.#monitorBy = link.monitorBy;
    this.#monitorMetric = link.monitorMetric;
    this.#sortBy = link.sortBy;
    this.#descending = link.descending;
    const scope = () => this.dataset?.key ?? null;
    const id = () => datasetId(this.dataset);
    const engine = wb.engine;
    this.assessment = new Task(
      (params: ValueParams) => {
        const ds = id();
        return engine.run((api, onProgress) => api.assessValue(ds, params, onProgress));
      },
      { scope }
    );
    this.rows = new Task(
      () => {
        const ds = id(),
          key = this.#sortBy,
          desc = this.#descending;
        return engine.run((api) => api.valueRows(ds, key, desc, RESULT_ROWS));
      },
      { scope }
    );
    this.download = new Task(
      async () => {
        const ds = id();
        saveText('customer-value.csv', await engine.run((api) => api.valueCsv(ds)));
      },
      { scope }
    );
  }

  get dataset() {
    return this.wb.workspace.selected;
  }

  get isPanel(): boolean {
    const d = this.dataset;
    return !!d && d.overview.kind === 'panel' && d.roles.includes('revenue');
  }

  get months(): string[] {
    return this.dataset?.overview.kpis?.month ?? [];
  }

  get weightSum(): number {
    return COMPONENTS.reduce((s, k) => s + (Number(this.weights[k]) || 0), 0);
  }

  get weightsOk(): boolean {
    return Math.abs(this.weightSum - 1) <= 1e-3 && COMPONENTS.every((k) => this.weights[k] >= 0 && this.weights[k] <= 1);
  }

  get measure(): MapMeasure {
    return this.#measure;
  }
  set measure(v: MapMeasure) {
    this.#measure = v;
    valueLink.save({ measure: v });
  }

  get monitorBy(): MonitorDimension {
    return this.#monitorBy;
  }
  set monitorBy(v: MonitorDimension) {
    this.#monitorBy = v;
    valueLink.save({ monitorBy: v });
  }

  get monitorMetric(): MonitorMetric {
    return this.#monitorMetric;
  }
  set monitorMetric(v: MonitorMetric) {
    this.#monitorMetric = v;
    valueLink.save({ monitorMetric: v });
  }

  get sortBy(): ValueRowKey {
    return this.#sortBy;
  }
  set sortBy(v: ValueRowKey) {
    this.#sortBy = v;
    this.#resort();
  }

  get descending(): boolean {
    return this.#descending;
  }
  set descending(v: boolean) {
    this.#descending = v;
    this.#resort();
  }

  /** Clicking a header sorts by it; clicking the sorted header flips the direction. */
  sortOn(key: ValueRowKey): void {
    if (this.#sortBy === key) this.#descending = !this.#descending;
    else {
      this.#sortBy = key;
      this.#descending = key !== 'customerId';
    }
    this.#resort();
  }

  /**
   * The first assessment of a dataset, once (only the dataset is tracked when an effect calls this);
   * months the data lacks fall back to the default.
   */
  autoAssess(): void {
    const d = this.dataset;
    if (!d || !this.isPanel || !this.wb.engine.available) return;
    untrack(() => {
      if (this.#assessed.has(d.key)) return;
      this.#assessed.add(d.key);
      if (!this.months.includes(this.evaluationMonth)) this.evaluationMonth = '';
      if (!this.months.includes(this.elasticityBase)) this.elasticityBase = '';
      void this.assess();
    });
  }

  /** Assesses with the form's parameters (unless a list does not parse), then loads the top rows. */
  async assess(): Promise<void> {
    const params = this.#params();
    this.badList = typeof params === 'string' ? params : null;
    if (typeof params === 'string') return;
    valueLink.save({ params });
    if (await this.assessment.run(params)) {
      this.assessedWith = params;
      await this.rows.run();
    }
  }

  #resort(): void {
    valueLink.save({ sortBy: this.#sortBy, descending: this.#descending });
    if (this.assessment.result) void this.rows.run();
  }

  /** The parameters from the form, or the list field that does not parse. */
  #params(): ValueParams | ListField {
    const l = Object.fromEntries(Object.entries(this.lists).map(([k, v]) => [k, parseList(v)])) as Record<ListField, number[] | null>;
    if (l.creditCuts?.length !== 6) return 'creditCuts';
    if (l.loyaltyCuts?.length !== 3) return 'loyaltyCuts';
    if (l.elasticityLayers?.length !== 2) return 'elasticityLayers';
    if (!l.spendBands) return 'spendBands';
    if (!l.tenureBands) return 'tenureBands';
    return {
      evaluationMonth: this.evaluationMonth || null,
      elasticityBase: this.elasticityBase || null,
      decay: Number(this.decay),
      historyBasis: this.historyBasis,
      compositeBasis: this.compositeBasis,
      weights: { ...this.weights },
      valueTierShares: [Number(this.tierHigh), Number(this.tierMedium)],
      groups: Number(this.groups),
      creditCuts: l.creditCuts as ValueParams['creditCuts'],
      loyaltyCuts: l.loyaltyCuts as ValueParams['loyaltyCuts'],
      elasticityLayerShares: l.elasticityLayers as ValueParams['elasticityLayerShares'],
      spendBands: l.spendBands,
      tenureBands: l.tenureBands,
      mapStrategy: {
        careSpend: Number(this.strategy.careSpend),
        careTenure: Number(this.strategy.careTenure),
        nurtureTenure: Number(this.strategy.nurtureTenure)
      }
    };
  }
}

/** The Customer value tab's state, made once for the app (call during component initialisation). */
export function valueState(): ValueState {
  const wb = getWorkbench();
  return wb.features.get('value', () => new ValueState(wb));
}
