/**
 * The Lifecycle tab's state: the rule set, its parameters and the tier cuts as the form shows them,
 * and what the engine computed on the analysed dataset, in three tasks so that a change reruns only
 * what depends on it: the stages and their views (a rule set or parameter edit), churn by stage
 * (after each stage run), the month views (the stage run, a new month, new tier cuts). Stages are
 * cheap (under a second on a million rows), so the tab computes them on its own once per dataset and
 * its roles (`autoCompute`); everything else runs when the user asks. The offer-end list (seed 000,
 * initiative 1•0) is a task of its own.
 */
import type {
  LifecycleBenchResult,
  LifecycleMonth,
  LifecycleResult,
  OfferEndList,
  RuleSetId,
  RuleSetInfo,
  StageChurnResult
} from '$workers/lifecycle/contract';
import { getWorkbench, type Workbench } from '$lib/context';
import { datasetTasks, type Task } from '$lib/engine/task.svelte';
import { i18n } from '$lib/i18n/i18n.svelte';
import { lifecycleLink, ruleFromLink } from './link';
import { parseNumberList } from '$common/lists';

const defaults = (r: RuleSetInfo | undefined): Record<string, number> => Object.fromEntries((r?.params ?? []).map((p) => [p.key, p.value]));

export class LifecycleState {
  ruleSets = $state.raw<RuleSetInfo[]>([]);
  ruleSetId = $state<RuleSetId>('clm');
  values = $state<Record<string, number>>({});
  cutsText = $state(lifecycleLink.read().cuts);
  /** Offer-end list: offers ending within this many months, ARPU at least, mature customers only. */
  offerMonths = $state(3);
  offerMinArpu = $state(50);
  offerMature = $state(false);
  /** Stage runs finished, so a test or benchmark can wait for the next redraw. */
  runs = $state(0);
  /** The month views' month, for the dataset it was chosen on (null: the last month). */
  #month = $state<{ key: string; month: string } | null>(null);
  readonly stages: Task<LifecycleResult>;
  readonly churn: Task<StageChurnResult>;
  readonly month: Task<LifecycleMonth>;
  readonly offers: Task<OfferEndList>;
  readonly bench: Task<LifecycleBenchResult>;

  constructor(private wb: Workbench) {
    const task = datasetTasks(() => this.dataset);
    const run = this.wb.engine.run.bind(this.wb.engine);
    this.stages = task((id) => this.#compute(id));
    this.churn = task((id) => run((api) => api.stageChurn(id)));
    this.month = task((id) => run((api) => api.lifecycleMonth(id, this.#monthRequest())));
    this.offers = task((id) =>
      run((api) =>
        api.offerEndList(id, {
          months: Number(this.offerMonths),
          minArpu: Number(this.offerMinArpu),
          matureOnly: this.offerMature,
          top: 200,
          lang: i18n.lang
        })
      )
    );
    this.bench = task((id) => run((api) => api.benchLifecycle(id)));
  }

  get dataset() {
    return this.wb.workspace.selected;
  }

  get isPanel(): boolean {
    const d = this.dataset;
    return !!d && d.roles.includes('customerId') && d.roles.includes('month');
  }

  get hasOfferEnd(): boolean {
    return !!this.dataset?.roles.includes('offerEnd');
  }

  get rule(): RuleSetInfo | undefined {
    return this.ruleSets.find((r) => r.id === this.ruleSetId);
  }

  get busy(): boolean {
    return this.stages.busy || this.month.busy || this.churn.busy || this.bench.busy;
  }

  /** The month views when they belong to the stages shown (a new rule set's stages have other codes). */
  get monthViews(): LifecycleMonth | null {
    const r = this.stages.result;
    const mo = this.month.result;
    return r && mo && mo.ruleSet === r.ruleSet ? mo : null;
  }

  /** The first computation for this dataset and its roles: once, not again on every visit or after a Cancel. */
  autoCompute(): void {
    const d = this.dataset;
    if (d && this.isPanel && this.wb.engine.available)
      void this.stages.runOnce(`${d.key}|${d.roles.join()}`)?.then((r) => r && this.#after());
  }

  /**
   * The form's submit: the stages again when the rule set or a parameter changed; when only the tier
   * cuts did, the month views alone.
   */
  async compute(): Promise<void> {
    const r = this.stages.result;
    const same = r && r.ruleSet === this.ruleSetId && r.params.every((p) => Number(this.values[p.key]) === p.value);
    if (same) {
      this.#save();
      await this.month.run();
      return;
    }
    if (await this.stages.run()) await this.#after();
  }

  /** Another rule set starts from its own defaults. */
  pickRuleSet(id: RuleSetId): void {
    this.ruleSetId = id;
    this.values = defaults(this.rule);
    void this.compute();
  }

  /** The month of the stage KPIs and the stage × tier × region table: only the month views rerun. */
  pickMonth(month: string): void {
    const d = this.dataset;
    if (d) this.#month = { key: d.key, month };
    void this.month.run();
  }

  listOffers(): void {
    void this.offers.run();
  }

  runBench(): void {
    void this.bench.run();
  }

  /** After a stage run: churn by stage and the month views (drawn after the stage views). */
  async #after(): Promise<void> {
    this.runs++;
    await this.churn.run();
    await this.month.run();
  }

  #save(): void {
    lifecycleLink.save({ ruleSet: this.ruleSetId, params: { ...this.values }, cuts: this.cutsText });
  }

  #monthRequest() {
    const d = this.dataset;
    const month = d && this.#month?.key === d.key ? this.#month.month : null;
    return { month, arpuTierCuts: parseNumberList(this.cutsText) ?? [] };
  }

  async #compute(id: string): Promise<LifecycleResult> {
    const { engine } = this.wb;
    if (this.ruleSets.length === 0) {
      const ruleSets = await engine.run((api) => api.lifecycleRuleSets());
      const linked = ruleFromLink(ruleSets);
      this.ruleSets = ruleSets;
      this.ruleSetId = linked.rule.id;
      this.values = linked.values;
    }
    this.#save();
    return engine.run((api) => api.computeLifecycle(id, { ruleSet: this.ruleSetId, params: { ...this.values } }));
  }
}

/** The Lifecycle tab's state, made once for the app (call during component initialisation). */
export function lifecycleState(): LifecycleState {
  const wb = getWorkbench();
  return wb.features.get('lifecycle', () => new LifecycleState(wb));
}
