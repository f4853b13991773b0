/**
 * The Segments & campaigns tab's state. The tab works on the whole selected dataset (its saved
 * segments are what filter the other tabs, see saved.svelte.ts). Forms: the overview's parameters,
 * rules, clusters, a segment to save, look-alikes, the campaign list, its evaluation and the ROI
 * calculator, and the lever list. What runs on its own: which filters the campaign can use (cheap),
 * and, once per dataset, the overview and clusters a link (or an earlier build) had.
 */
import type {
  BaseFeature,
  CampaignArithmetic,
  CampaignEvaluation,
  CampaignList,
  CampaignParams,
  CampaignSources,
  ClusterResult,
  LookalikeResult,
  OutcomeLoad,
  QuadrantKey,
  RulesResult,
  SavedSegment,
  SegmentOverview
} from '$workers/segments/contract';
import { DEFAULT_LOOKALIKE } from '$common/segmentParams';
import { parseNumberList } from '$common/lists';
import { getWorkbench, type Workbench } from '$lib/context';
import { datasetId, Task } from '$lib/engine/task.svelte';
import { saveText } from '$lib/export/save';
import { toCsv } from '$common/csv';
import { i18n } from '$lib/i18n/i18n.svelte';
import { LEVERS } from '$lib/features/lifecycle/levers';
import { applyLeverEdits, leverEdits } from './levers';
import { bandsLink, campaignLink, segmentsLink } from './link';
import { arithmeticInput, definitionRows, exportLabels, SEED_CASES } from './campaign';
import { cm, type CampaignKey } from './campaignMessages';

/** An empty number field: '' or null from the input. */
const num = (v: unknown) => (v === null || v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));

export class SegmentsState {
  rfmBins = $state(5);
  usageBins = $state(10);
  usageMeasure = $state<BaseFeature>('arpu');
  freqCut = $state<number | null>(null);
  amountCut = $state<number | null>(null);
  minSupport = $state(0.05);
  /** The RFM bins the shown overview was built with. */
  builtBins = $state(5);
  clusterFeatures = $state<BaseFeature[]>([]);
  k = $state(4);
  seed = $state(1);
  /** The segment to save; '' = any, null = empty. */
  saveForm = $state({
    name: '',
    customerType: '',
    region: '',
    quadrant: '' as QuadrantKey | '',
    cluster: null as number | null,
    minR: null as number | null,
    minF: null as number | null,
    minM: null as number | null
  });
  look = $state({ segment: '', topN: 100, minSimilarity: DEFAULT_LOOKALIKE.minSimilarity, pool: '' });
  /** The campaign form: '' = any (selects), null = empty (numbers). */
  campaign = $state({ ...campaignLink.defaults, segment: '', stage: '', valueTier: '', loyalty: '' } as Record<
    string,
    string | number | null
  >);
  /** The campaign arithmetic's inputs (the Shenzhen Mobile cases until a list or its evaluation fills them). */
  calc = $state(structuredClone(SEED_CASES));
  /** Where the retention ROI's ARPU difference came from. */
  arpuDiffSource = $state<'entered' | 'evaluation'>('entered');
  bandsText = $state(bandsLink.read());
  levers = $state(applyLeverEdits(segmentsLink.read().levers));
  /** Why an outcome file cannot be evaluated (missing columns, no customer on the list). */
  outcomeProblem = $state<'missing' | 'no-match' | null>(null);
  readonly overview: Task<SegmentOverview>;
  readonly rules: Task<RulesResult>;
  readonly clusters: Task<ClusterResult>;
  readonly saving: Task<SavedSegment>;
  readonly lookalikes: Task<LookalikeResult>;
  readonly sources: Task<CampaignSources>;
  readonly list: Task<CampaignList>;
  readonly exporting: Task<void, ['target' | 'control']>;
  readonly arithmetic: Task<CampaignArithmetic>;
  readonly outcomes: Task<OutcomeLoad, [File]>;
  readonly evaluation: Task<CampaignEvaluation, ['file' | null]>;

  constructor(private wb: Workbench) {
    const link = segmentsLink.read();
    Object.assign(this, {
      rfmBins: link.rfmBins,
      usageBins: link.usageBins,
      usageMeasure: link.usageMeasure,
      freqCut: link.freqCut,
      amountCut: link.amountCut
    });
    Object.assign(this, { minSupport: link.minSupport, clusterFeatures: link.features, k: link.k, seed: link.seed });
    const c = campaignLink.read();
    this.campaign = { ...c, segment: c.segment ?? '', stage: c.stage ?? '', valueTier: c.valueTier ?? '', loyalty: c.loyalty ?? '' };
    const scope = () => this.dataset?.key ?? null;
    const engine = wb.engine;
    const id = () => datasetId(this.dataset);
    this.overview = new Task(
      async () => {
        const ds = id(),
          params = this.#overviewParams();
        const o = await engine.run((api, onProgress) => api.segmentOverview(ds, params, onProgress));
        this.builtBins = params.rfmBins;
        return o;
      },
      { scope }
    );
    this.rules = new Task(
      () => {
        const ds = id(),
          s = Number(this.minSupport);
        return engine.run((api) => api.segmentRules(ds, s));
      },
      { scope }
    );
    this.clusters = new Task(
      () => {
        const ds = id(),
          f = this.clusterFeatures.filter((x) => this.overview.result?.features.includes(x)),
          k = Number(this.k),
          seed = Number(this.seed);
        return engine.run((api) => api.segmentClusters(ds, f, k, seed));
      },
      { scope }
    );
    this.saving = new Task(
      () => {
        const d = this.dataset,
          f = this.saveForm;
        if (!d) throw { code: 'unknown-dataset', message: 'No dataset.' };
        const filter = {
          customerType: f.customerType || null,
          region: f.region || null,
          quadrant: f.quadrant || null,
          cluster: num(f.cluster),
          minR: num(f.minR),
          minF: num(f.minF),
          minM: num(f.minM)
        };
        return wb.segments.save(d, f.name, filter);
      },
      { scope }
    );
    this.lookalikes = new Task(
      () => {
        const ds = id(),
          l = this.look,
          features = this.overview.result?.features.slice(0, 6) ?? [];
        return engine.run((api) =>
          api.lookalikes(ds, l.segment, features, Number(l.topN), { minSimilarity: Number(l.minSimilarity), pool: l.pool || null })
        );
      },
      { scope }
    );
    this.sources = new Task(
      () => {
        const ds = id();
        return engine.run((api) => api.campaignSources(ds));
      },
      { scope }
    );
    this.list = new Task(
      async () => {
        const ds = id(),
          p = this.#campaignParams();
        campaignLink.save(p);
        const list = await engine.run((api) => api.buildCampaign(ds, p));
        this.calc.retention.listSize = list.target;
        // The evaluation was of the old list.
        this.outcomes.reset();
        this.evaluation.reset();
        this.outcomeProblem = null;
        return list;
      },
      { scope }
    );
    this.exporting = new Task(
      async (arm: 'target' | 'control') => {
        const ds = id(),
          labels = exportLabels(i18n.lang, this.list.result?.sources.stageSet ?? null, LEVERS);
        saveText(`campaign-${arm}.csv`, await engine.run((api) => api.campaignCsv(ds, arm, labels)));
      },
      { scope }
    );
    this.arithmetic = new Task(() => {
      const input = arithmeticInput(this.calc);
      if (!input) throw { code: 'segments-bad-input', message: 'Every number of the calculator must be filled in.' };
      return engine.run((api) => api.campaignArithmetic(input));
    });
    this.outcomes = new Task(
      (file: File) => {
        const ds = id();
        return engine.run((api) => api.loadOutcomes(ds, file, file.name));
      },
      { scope }
    );
    this.evaluation = new Task(
      async (source: 'file' | null) => {
        const ds = id(),
          seed = Number(this.campaign.seed),
          bands = this.#bands();
        bandsLink.save(this.bandsText);
        const ev = await engine.run((api) => api.evaluateCampaign(ds, source, seed, bands));
        const r = this.calc.retention;
        r.successRate = Math.round(ev.target.successRate * 1000) / 1000;
        r.controlSuccessRate = Math.round(ev.control.successRate * 1000) / 1000;
        if (ev.arpuDifference.difference != null) this.useArpuDifference(ev.arpuDifference.difference);
        return ev;
      },
      { scope }
    );
  }

  /** The whole selected dataset (a segment filter does not narrow this tab). */
  get dataset() {
    return this.wb.workspace.base;
  }

  get usable(): boolean {
    const d = this.dataset;
    return (
      !!d &&
      (d.overview.kind === 'panel' || d.overview.kind === 'transactions') &&
      (d.roles.includes('revenue') || d.roles.includes('amount'))
    );
  }

  get saved(): SavedSegment[] {
    return this.dataset ? this.wb.segments.of(this.dataset.key) : [];
  }

  /** Which filters the campaign can use (cheap, so each time); what a link built, once per dataset. */
  autoLoad(): void {
    const d = this.dataset;
    if (!d || !this.usable || !this.wb.engine.available) return;
    // Cheap, and it changes when the value or churn tab computes: asked again each time the tab shows.
    void this.sources.run();
    if (segmentsLink.read().built) void this.overview.runOnce(d.key)?.then((o) => o && this.#afterBuild());
  }

  /** The overview, then the rules (and clusters, if they ran before). */
  async build(): Promise<void> {
    const p = this.#overviewParams();
    segmentsLink.save({
      built: true,
      rfmBins: p.rfmBins,
      usageBins: p.usageBins,
      usageMeasure: p.usageMeasure,
      freqCut: p.frequencyCut,
      amountCut: p.amountCut,
      minSupport: Number(this.minSupport)
    });
    if (await this.overview.run()) await this.#afterBuild();
  }

  runRules(): Promise<unknown> {
    segmentsLink.save({ minSupport: Number(this.minSupport) });
    return this.rules.run();
  }

  runClusters(): Promise<unknown> {
    segmentsLink.save({ clustered: true, features: [...this.clusterFeatures], k: Number(this.k), seed: Number(this.seed) });
    return this.clusters.run();
  }

  buildList(): Promise<unknown> {
    return this.list.run();
  }

  /** Reads an outcome file in the worker, then evaluates the list with it. */
  async readOutcomes(file: File): Promise<void> {
    this.outcomeProblem = null;
    const load = await this.outcomes.run(file);
    if (!load) return;
    if (load.missing.length) this.outcomeProblem = 'missing';
    else if (load.matched === 0) this.outcomeProblem = 'no-match';
    else await this.evaluation.run('file');
  }

  /** Evaluates the list with simulated outcomes (the planted response). */
  simulate(): Promise<unknown> {
    this.outcomeProblem = null;
    this.outcomes.reset();
    return this.evaluation.run(null);
  }

  /** Records the lever list's edits in the link as they are typed. */
  recordLevers(): void {
    segmentsLink.save({ levers: leverEdits(this.levers) });
  }

  /** Recomputes the campaign arithmetic with the calculator's inputs (as they are typed). */
  recalculate(): Promise<unknown> {
    return this.arithmetic.run();
  }

  /** Takes an ARPU difference (from the evaluation) into the retention ROI. */
  useArpuDifference(d: number): void {
    this.calc.retention.arpuDifference = Math.round(d * 100) / 100;
    this.arpuDiffSource = 'evaluation';
  }

  /** The value-filter saving with this list's numbers: the customers the value screening saw and the share it dropped. */
  savingFromList(): void {
    const l = this.list.result;
    if (!l) return;
    const seen = l.funnel.steps.find((s) => s.step === 'negativeValue');
    const before = seen ? seen.remaining + seen.removed : 0;
    const dropped = l.funnel.steps
      .filter((s) => ['negativeValue', 'bottomValue', 'valueTier', 'loyalty'].includes(s.step))
      .reduce((t, s) => t + s.removed, 0);
    this.calc.saving.contacts = before;
    this.calc.saving.dropShare = before > 0 ? Math.round((dropped / before) * 10_000) / 10_000 : 0;
  }

  /** Saves the list's definition (design, month, both arms, every step, the parameters) as CSV in the UI's words. */
  exportDefinition(): void {
    const l = this.list.result,
      d = this.dataset;
    if (!l || !d) return;
    const t = (k: CampaignKey, v?: Record<string, string>) => i18n.tx(cm, k, v);
    const rows = definitionRows(l, t, i18n.date(l.evaluationMonth, true), (v) => i18n.pct(v, 0), d.fileName);
    saveText('campaign-definition.csv', toCsv([t('def_item'), t('def_value'), t('def_remaining')], rows));
  }

  /** The rules of the new base, and the clusters if they ran before and none are shown for this dataset. */
  async #afterBuild(): Promise<void> {
    await this.rules.run();
    if (segmentsLink.read().clustered && !this.clusters.result) await this.clusters.run();
  }

  #overviewParams() {
    return {
      rfmBins: Number(this.rfmBins),
      usageBins: Number(this.usageBins),
      usageMeasure: this.usageMeasure,
      frequencyCut: num(this.freqCut),
      amountCut: num(this.amountCut)
    };
  }

  #campaignParams(): CampaignParams {
    const c = this.campaign;
    return {
      segment: (c.segment as string) || null,
      arpuMin: num(c.arpuMin),
      arpuMax: num(c.arpuMax),
      stage: (c.stage as string) || null,
      minChurnRisk: num(c.minChurnRisk),
      valueTier: ((c.valueTier as string) || null) as CampaignParams['valueTier'],
      loyalty: ((c.loyalty as string) || null) as CampaignParams['loyalty'],
      dropBottom: Number(c.dropBottom),
      order: c.order as CampaignParams['order'],
      design: c.design as CampaignParams['design'],
      controlShare: Number(c.controlShare),
      seed: Number(c.seed)
    };
  }

  #bands(): number[] {
    return (parseNumberList(this.bandsText) ?? []).filter((v) => v > 0);
  }
}

/** The Segments & campaigns tab's state, made once for the app (call during component initialisation). */
export function segmentsState(): SegmentsState {
  const wb = getWorkbench();
  return wb.features.get('segments', () => new SegmentsState(wb));
}
