/**
 * Teaching mode's state: the walkthrough and step shown. Opening a step records it in the URL
 * (`?view=teaching&tour=…&step=…`, so a trainer can reopen or share the exact screen). A walkthrough
 * always runs on the seeded sample its text describes, whatever the user had selected (CDNOW, say,
 * is no monthly panel): it selects the sample, loading it if needed, and gives the user's selection
 * back when Teaching is left. Outlining the step's target is the view's (it is in the DOM).
 */
import type { RetentionRoi } from '$workers/segments/contract';
import { getWorkbench, type Workbench } from '$lib/context';
import { Task } from '$lib/engine/task.svelte';
import { i18n } from '$lib/i18n/i18n.svelte';
import { SEED_CASES } from '$lib/features/segments/campaign';
import { clampStep, SAMPLE, WALKTHROUGHS, type Walkthrough } from './walkthroughs';

export class TeachingState {
  tour = $state.raw<Walkthrough | null>(null);
  index = $state(0);
  /** The sample is being loaded for the walkthrough. */
  loading = $state(false);
  /** Counts openings: an older opening still waiting gives way to a newer one. */
  #opened = 0;
  /** The dataset selected before the walkthrough took the sample (undefined: nothing to give back). */
  #returnTo: string | null | undefined = undefined;
  #sampleLoad: Promise<void> | null = null;

  /**
   * The campaign walkthrough's worked example: the Shenzhen Mobile retention case through the
   * worker's retentionRoi, the function the tab's calculator and the report use.
   */
  readonly roiExample: Task<RetentionRoi>;

  constructor(private wb: Workbench) {
    this.roiExample = new Task(async () => (await wb.engine.run((api) => api.campaignArithmetic(SEED_CASES))).retention);
  }

  get step() {
    return this.tour ? this.tour.steps[this.index] : null;
  }

  /** The walkthrough and step named in the URL, if any. */
  fromUrl(): { tour: Walkthrough; index: number } | null {
    const url = new URL(location.href);
    const tour = WALKTHROUGHS.find((x) => x.id === url.searchParams.get('tour'));
    return tour ? { tour, index: Number(url.searchParams.get('step') ?? '1') - 1 } : null;
  }

  /**
   * Opens step `i` of `w`: records it in the URL, waits for the engine and loads the sample if no
   * data is loaded. Resolves with whether this is still the latest opening.
   */
  async open(w: Walkthrough, i: number): Promise<boolean> {
    const mine = ++this.#opened;
    this.tour = w;
    this.index = clampStep(w, i);
    const url = new URL(location.href);
    url.searchParams.set('view', 'teaching');
    url.searchParams.set('tour', w.id);
    url.searchParams.set('step', String(this.index + 1));
    history.replaceState(history.state, '', url);
    const { engine, workspace } = this.wb;
    await engine.whenStarted();
    if (mine !== this.#opened) return false;
    if (engine.status !== 'ready') return mine === this.#opened;
    if (this.#returnTo === undefined) this.#returnTo = workspace.selectedKey;
    const sample = workspace.sampleKey(SAMPLE);
    if (sample) {
      if (workspace.selectedKey !== sample) workspace.select(sample);
    } else {
      this.loading = true;
      // A step chosen while the sample loads waits for that load instead of starting another.
      await (this.#sampleLoad ??= workspace.loadSample({ ...SAMPLE, lang: i18n.lang }).finally(() => (this.#sampleLoad = null)));
      this.loading = false;
    }
    return mine === this.#opened;
  }

  /** Leaves the walkthrough (the view is left; its URL parameters went with it): an opening still waiting stops. */
  leave(): void {
    this.#opened++;
    const back = this.#returnTo;
    this.#returnTo = undefined;
    const { workspace } = this.wb;
    if (back && workspace.datasets.some((d) => d.key === back)) workspace.select(back);
    this.tour = null;
    this.index = 0;
    this.loading = false;
  }
}

/** Teaching mode's state, made once for the app (call during component initialisation). */
export function teachingState(): TeachingState {
  const wb = getWorkbench();
  return wb.features.get('teaching', () => new TeachingState(wb));
}
