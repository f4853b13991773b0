/**
 * The Retention & churn tab's state: the setup of the analysed dataset (what it allows), the form
 * (survival split, early-warning options, cut-off, list filters) and one task per section.
 * The setup is cheap and loads on its own once per dataset and roles. The sections run when the user
 * asks; a link (or an earlier computation in this session, which the link records) that showed a
 * section computes it once for a new dataset, so the same screen appears.
 */
import type {
  ChurnModelResult,
  ChurnSetup,
  CohortRetention,
  ArpuTier,
  RiskList,
  SurvivalResult,
  WinBackList
} from '$workers/churn/contract';
import type { StageChurnResult } from '$workers/lifecycle/contract';
import { getWorkbench, type Workbench } from '$lib/context';
import { datasetTasks, type Task } from '$lib/engine/task.svelte';
import { i18n } from '$lib/i18n/i18n.svelte';
import { defaultSplit } from './charts';
import { churnLink } from './link';

const TOP = 50;

export class ChurnState {
  /** Survival split column ('' = none). */
  split = $state('');
  features = $state<string[]>([]);
  horizon = $state(3);
  l2 = $state(1);
  seed = $state(1);
  low = $state(50);
  high = $state(150);
  tiers = $state<ArpuTier[]>([]);
  minScore = $state(0);
  winTiers = $state<ArpuTier[]>([]);
  #cutoff = $state(50);
  /** The dataset whose setup filled the dataset-dependent fields (split, features). */
  #formFor: string | null = null;
  #defaultFeatures: string[] = [];
  readonly setup: Task<ChurnSetup>;
  readonly retention: Task<CohortRetention>;
  readonly survival: Task<SurvivalResult>;
  readonly model: Task<ChurnModelResult>;
  readonly lists: Task<{ risk: RiskList; winBack: WinBackList }>;
  /** Churn by lifecycle stage (seed 002), on the stages the Lifecycle tab computed last. */
  readonly stageChurn: Task<StageChurnResult>;

  constructor(private wb: Workbench) {
    const link = churnLink.read();
    this.horizon = link.horizon;
    this.l2 = link.l2;
    this.seed = link.seed;
    this.low = link.low;
    this.high = link.high;
    this.minScore = link.minScore;
    this.tiers = link.tiers;
    this.winTiers = link.winTiers;
    this.#cutoff = link.cutoff;
    // The setup depends on the roles too: new roles, a new setup.
    const typed = () => (this.dataset ? `${this.dataset.key}|${this.dataset.roles.join()}` : null);
    const task = datasetTasks(() => this.dataset);
    const run = this.wb.engine.run.bind(this.wb.engine);
    this.setup = task(async (id) => this.#fillForm(await run((api) => api.churnSetup(id))), { scope: typed });
    this.retention = task((id) => run((api) => api.cohortRetention(id)));
    this.survival = task((id) => run((api) => api.survivalCurves(id, this.split === '' ? null : this.split)));
    this.model = task((id) => run((api) => api.fitChurnModel(id, this.#modelOptions())));
    this.stageChurn = task((id) => run((api) => api.stageChurn(id)));
    this.lists = task((id) => {
      // The CSVs are written in the worker, with headers in the UI's language.
      const risk = { arpuTiers: [...this.tiers], minScore: Number(this.minScore), top: TOP, lang: i18n.lang };
      const winBack = { arpuTiers: [...this.winTiers], minScore: 0, top: TOP, lang: i18n.lang };
      return run(async (api) => ({ risk: await api.riskList(id, risk), winBack: await api.winBackList(id, winBack) }));
    });
  }

  get dataset() {
    return this.wb.workspace.selected;
  }

  /** Whether the data allows the survival and early-warning sections. */
  get applicable(): boolean {
    const s = this.setup.result;
    return !!s && s.kind !== 'other' && (s.kind !== 'snapshot' || s.hasChurn);
  }

  /** Cut-off of the confusion matrix in percent: a reading of the fitted model, recorded as it moves. */
  get cutoffPct(): number {
    return this.#cutoff;
  }
  set cutoffPct(v: number) {
    this.#cutoff = v;
    const c = Math.round(Number(v));
    if (c >= 1 && c <= 99) churnLink.save({ cutoff: c });
  }

  /** The setup (cheap; again after a Cancel took it); then the sections a link showed, once per dataset. */
  async autoLoad(): Promise<void> {
    const d = this.dataset;
    if (!d || !this.wb.engine.available) return;
    const setup = await this.setup.ensure();
    if (!setup || !this.applicable || this.dataset?.key !== d.key) return;
    const link = churnLink.read();
    if (setup.kind === 'panel' && link.retention) void this.retention.runOnce(d.key);
    if (link.survival) void this.survival.runOnce(d.key);
    if (link.model) void this.model.runOnce(d.key)?.then((fitted) => fitted && this.loadLists());
    // Churn by stage is cheap once Lifecycle has stages (it says to run Lifecycle when not).
    if (setup.kind === 'panel') void this.stageChurn.runOnce(d.key);
  }

  computeRetention(): void {
    churnLink.save({ retention: true });
    void this.retention.run();
  }

  computeSurvival(): void {
    churnLink.save({ survival: true, split: this.split });
    void this.survival.run();
  }

  /** Fits the early-warning model, then loads its risk and win-back lists. */
  async fit(): Promise<void> {
    const o = this.#modelOptions();
    const same = o.features.length === this.#defaultFeatures.length && o.features.every((f) => this.#defaultFeatures.includes(f));
    churnLink.save({
      model: true,
      features: same ? null : o.features,
      l2: o.l2,
      horizon: o.horizon,
      seed: o.seed,
      low: o.arpuTiers.low,
      high: o.arpuTiers.high
    });
    if (await this.model.run()) await this.loadLists();
  }

  loadLists(): Promise<unknown> {
    churnLink.save({ tiers: [...this.tiers], minScore: Number(this.minScore), winTiers: [...this.winTiers] });
    return this.lists.run();
  }

  #modelOptions() {
    return {
      features: [...this.features],
      l2: Number(this.l2),
      horizon: Number(this.horizon),
      seed: Number(this.seed),
      arpuTiers: { low: Number(this.low), high: Number(this.high) }
    };
  }

  /**
   * A new dataset's split and features: the link's where this data has them, else the defaults
   * (charts.ts defaultSplit: the plan, i.e. Contract on the telco file, else the column with the
   * fewest levels; the setup's default features).
   */
  #fillForm(setup: ChurnSetup): ChurnSetup {
    const key = this.dataset?.key ?? null;
    if (key === this.#formFor) return setup;
    this.#formFor = key;
    const link = churnLink.read();
    this.#defaultFeatures = setup.features.filter((f) => f.default).map((f) => f.name);
    this.split =
      link.split === '' || setup.splitColumns.some((c) => c.name === link.split)
        ? (link.split as string)
        : defaultSplit(setup.splitColumns);
    this.features = link.features ? link.features.filter((n) => setup.features.some((f) => f.name === n)) : [...this.#defaultFeatures];
    return setup;
  }
}

/** The Retention & churn tab's state, made once for the app (call during component initialisation). */
export function churnState(): ChurnState {
  const wb = getWorkbench();
  return wb.features.get('churn', () => new ChurnState(wb));
}
