/**
 * The Lifecycle tab's state: the rule set, its parameters and the tier cuts as the form shows them,
 * and the stages computed on the analysed dataset. Stages are cheap (seconds on a million rows), so
 * the tab computes them on its own once per dataset and its roles (`autoCompute`); everything
 * else runs when the user asks. Recomputing reruns the rule's SQL on the loaded table.
 */
import type { LifecycleBenchResult, LifecycleResult, RuleSetId, RuleSetInfo } from '$workers/lifecycle/contract';
import { getWorkbench, type Workbench } from '$lib/context';
import { Task } from '$lib/engine/task.svelte';
import { lifecycleLink, ruleFromLink } from './link';
import { parseNumberList } from '$common/lists';

const defaults = (r: RuleSetInfo | undefined): Record<string, number> => Object.fromEntries((r?.params ?? []).map((p) => [p.key, p.value]));

export class LifecycleState {
  ruleSets = $state.raw<RuleSetInfo[]>([]);
  ruleSetId = $state<RuleSetId>('clm');
  values = $state<Record<string, number>>({});
  cutsText = $state(lifecycleLink.read().cuts);
  /** The cross tables' month, for the dataset it was chosen on (null: the last month). */
  #month = $state<{ key: string; month: string } | null>(null);
  readonly stages: Task<LifecycleResult>;
  readonly bench: Task<LifecycleBenchResult>;

  constructor(private wb: Workbench) {
    const scope = () => this.dataset?.key ?? null;
    this.stages = new Task(() => this.#compute(), { scope });
    this.bench = new Task(() => this.#bench(), { scope });
  }

  get dataset() {
    return this.wb.workspace.selected;
  }

  get isPanel(): boolean {
    const d = this.dataset;
    return !!d && d.roles.includes('customerId') && d.roles.includes('month');
  }

  get rule(): RuleSetInfo | undefined {
    return this.ruleSets.find((r) => r.id === this.ruleSetId);
  }

  get busy(): boolean {
    return this.stages.busy || this.bench.busy;
  }

  /** The first computation for this dataset and its roles: once, not again on every visit or after a Cancel. */
  autoCompute(): void {
    const d = this.dataset;
    if (d && this.isPanel && this.wb.engine.available) void this.stages.runOnce(`${d.key}|${d.roles.join()}`);
  }

  compute(): Promise<LifecycleResult | null> {
    return this.stages.run();
  }

  /** Another rule set starts from its own defaults. */
  pickRuleSet(id: RuleSetId): void {
    this.ruleSetId = id;
    this.values = defaults(this.rule);
    void this.compute();
  }

  /** The month of the stage × tier × region table. */
  pickMonth(month: string): void {
    const d = this.dataset;
    if (d) this.#month = { key: d.key, month };
    void this.compute();
  }

  runBench(): void {
    void this.bench.run();
  }

  async #compute(): Promise<LifecycleResult> {
    const d = this.dataset;
    if (!d) throw { code: 'unknown-dataset', message: 'No dataset.' };
    const { engine } = this.wb;
    if (this.ruleSets.length === 0) {
      const ruleSets = await engine.run((api) => api.lifecycleRuleSets());
      const linked = ruleFromLink(ruleSets);
      this.ruleSets = ruleSets;
      this.ruleSetId = linked.rule.id;
      this.values = linked.values;
    }
    const params = { ...this.values };
    lifecycleLink.save({ ruleSet: this.ruleSetId, params, cuts: this.cutsText });
    const month = this.#month?.key === d.key ? this.#month.month : null;
    const request = { ruleSet: this.ruleSetId, params, arpuTierCuts: parseNumberList(this.cutsText) ?? [], month };
    return engine.run((api) => api.computeLifecycle(d.id, request));
  }

  #bench(): Promise<LifecycleBenchResult> {
    const d = this.dataset;
    if (!d) throw { code: 'unknown-dataset', message: 'No dataset.' };
    return this.wb.engine.run((api) => api.benchLifecycle(d.id));
  }
}

/** The Lifecycle tab's state, made once for the app (call during component initialisation). */
export function lifecycleState(): LifecycleState {
  const wb = getWorkbench();
  return wb.features.get('lifecycle', () => new LifecycleState(wb));
}
