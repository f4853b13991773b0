/**
 * The Lifetime value tab's state, one part per panel: the registry's purchase and spend models on a
 * transaction log, BG/BB on aggregated histories, sBG on cohort counts, and the teaching table's
 * inputs (with the retention-vs-acquisition comparison's budget and uplift).
 *
 * The BTYD fit can take minutes on large data, so it never runs without the user asking: not on
 * entering the tab, not when a role changes, not after a Cancel, not because a link fitted it (the
 * tab says so instead); its last result stays visible until a new one is ready. BG/BB and sBG are
 * fast: a link that fitted them fits them once on open. The cohort list is loaded on its own.
 */
import type {
  LtvBgBbResult,
  LtvClvSettings,
  LtvCohort,
  LtvCustomersResult,
  LtvFitResult,
  LtvSbgResult,
  LtvSortKey,
  LtvUnit,
  PurchaseModelId
} from '$workers/ltv/contract';
import { parseNumberList } from '$common/lists';
import { getWorkbench, type Workbench } from '$lib/context';
import { datasetId, Task } from '$lib/engine/task.svelte';
import { i18n } from '$lib/i18n/i18n.svelte';
import { saveText } from '$lib/export/save';
import { ltvLink } from './link';

type Teach = ReturnType<typeof ltvLink.read>['teach'];

export class LtvState {
  unit = $state<LtvUnit>('week');
  model = $state<PurchaseModelId>('bgNbd');
  t = $state(39);
  marginPct = $state(30);
  discountPct = $state(10);
  horizon = $state(12);
  topN = $state(20);
  sort = $state<LtvSortKey>('clv');
  descending = $state(true);
  bgbbHorizon = $state(5);
  sbgText = $state('');
  projectTo = $state(12);
  sbgDiscountPct = $state(10);
  cohort = $state('');
  teach = $state<Teach>(ltvLink.read().teach);
  /** The split dates as typed, for the dataset they were typed on. */
  #dates = $state<{ key: string; calibrationEnd: string; observationEnd: string } | null>(null);
  /** The roles the shown fit was made with. */
  #fitRoles = $state('');
  /** A linked `t` (periods ahead) waits for the first fit. */
  #linkT = 0;
  readonly fit: Task<LtvFitResult>;
  readonly customers: Task<LtvCustomersResult>;
  readonly download: Task<void>;
  readonly bgbb: Task<LtvBgBbResult>;
  readonly sbg: Task<LtvSbgResult>;
  readonly cohorts: Task<LtvCohort[]>;
  readonly survivors: Task<number[]>;

  constructor(private wb: Workbench) {
    const link = ltvLink.read();
    Object.assign(this, {
      unit: link.btyd.unit,
      model: link.btyd.model,
      marginPct: link.btyd.marginPct,
      discountPct: link.btyd.discountPct
    });
    Object.assign(this, { horizon: link.btyd.horizon, topN: link.btyd.topN, sort: link.btyd.sort, descending: link.btyd.descending });
    Object.assign(this, {
      bgbbHorizon: link.bgbb.horizon,
      sbgText: link.sbg.text,
      projectTo: link.sbg.projectTo,
      sbgDiscountPct: link.sbg.discountPct
    });
    this.#linkT = link.btyd.t;
    const scope = () => this.dataset?.key ?? null;
    const engine = wb.engine;
    const id = () => datasetId(this.dataset);
    this.fit = new Task(
      () => {
        const split = { unit: this.unit, calibrationEnd: this.calibrationEnd, observationEnd: this.observationEnd || undefined };
        const ds = id();
        this.#fitRoles = this.dataset!.roles.join();
        return engine.run((api, onProgress) => api.ltvFit(ds, split, onProgress));
      },
      { scope }
    );
    this.customers = new Task(
      () => {
        const ds = id(),
          s = this.#clvSettings();
        return engine.run((api) => api.ltvCustomers(ds, s));
      },
      { scope }
    );
    this.download = new Task(
      async () => {
        const ds = id(),
          s = this.#clvSettings(),
          name = this.dataset!.fileName;
        saveText(`ltv-customers-${name}.csv`, await engine.run((api) => api.ltvCustomersCsv(ds, s, i18n.lang)));
      },
      { scope }
    );
    this.bgbb = new Task(
      () => {
        const ds = id(),
          h = Number(this.bgbbHorizon);
        ltvLink.save({ bgbb: { fitted: true, horizon: h } });
        return engine.run((api) => api.ltvBgBb(ds, h));
      },
      { scope }
    );
    this.sbg = new Task(() => {
      const c = this.counts ?? [],
        p = Number(this.projectTo),
        d = Number(this.sbgDiscountPct) / 100;
      ltvLink.save({ sbg: { fitted: true, text: this.sbgText, projectTo: p, discountPct: Number(this.sbgDiscountPct) } });
      return engine.run((api) => api.ltvSbg(c, { projectTo: p, discountRate: d }));
    });
    this.cohorts = new Task(
      async () => {
        const ds = id();
        const c = await engine.run((api) => api.ltvCohorts(ds));
        // The first month's customers may have joined before the data starts: offer later cohorts first.
        this.cohort = c[1]?.month ?? c[0]?.month ?? '';
        return c;
      },
      { scope }
    );
    this.survivors = new Task(
      () => {
        const ds = id(),
          month = this.cohort;
        return engine.run((api) => api.ltvCohortSurvivors(ds, month));
      },
      { scope }
    );
  }

  get dataset() {
    return this.wb.workspace.selected;
  }

  /** A transaction log (BTYD models). */
  get isLog(): boolean {
    const d = this.dataset;
    return !!d && d.roles.includes('customerId') && d.roles.includes('date');
  }

  /** The calibration end: as typed on this dataset, a link's (inside its dates), or half-way through the data. */
  get calibrationEnd(): string {
    return this.#datesHere()?.calibrationEnd ?? this.#defaultDates().calibrationEnd;
  }
  set calibrationEnd(v: string) {
    this.#setDates({ calibrationEnd: v });
  }

  /** The observation end: as typed on this dataset, a link's (inside its dates), or the end of the data. */
  get observationEnd(): string {
    return this.#datesHere()?.observationEnd ?? this.#defaultDates().observationEnd;
  }
  set observationEnd(v: string) {
    this.#setDates({ observationEnd: v });
  }

  /** A link fitted the BTYD models, and no fit is shown yet: the tab says so instead of fitting. */
  get linkFitted(): boolean {
    return ltvLink.read().btyd.fitted && !this.fit.result;
  }

  /** The shown fit was made with other column roles than the dataset has now. */
  get staleRoles(): boolean {
    return !!this.fit.result && !!this.dataset && this.#fitRoles !== this.dataset.roles.join();
  }

  get counts(): number[] | null {
    return parseNumberList(this.sbgText);
  }

  /** What runs on its own: the cohort list of a panel; BG/BB and sBG once if a link fitted them. */
  autoLoad(): void {
    if (!this.wb.engine.available) return;
    const d = this.dataset;
    const link = ltvLink.read();
    if (d?.overview.kind === 'panel') void this.cohorts.ensure();
    if (d?.overview.kind === 'table' && !this.isLog && link.bgbb.fitted) void this.bgbb.runOnce(d.key);
    if (link.sbg.fitted && this.counts) void this.sbg.runOnce('sbg');
  }

  /** Fits every model of the registry (workers/ltv/models.ts), then lists the customers' CLV. */
  async fitModels(): Promise<void> {
    const fit = await this.fit.run();
    if (!fit) return;
    this.t = this.#linkT > 0 ? this.#linkT : Math.round(fit.holdoutLength) || 1;
    this.#linkT = 0;
    await this.refresh();
  }

  /** The CLV table again with the current settings (no refit). */
  async refresh(): Promise<void> {
    if (!this.fit.result) return;
    this.#record();
    await this.customers.run();
  }

  sortBy(key: LtvSortKey): Promise<void> {
    if (this.sort === key) this.descending = !this.descending;
    else {
      this.sort = key;
      this.descending = key !== 'customerId';
    }
    return this.refresh();
  }

  /** Fills the counts from the chosen cohort of the loaded panel. */
  async useCohort(): Promise<void> {
    const c = await this.survivors.run();
    if (c) this.sbgText = c.join(', ');
  }

  /** The teaching table's retention from the sBG fit. */
  useSbg(): void {
    const r = this.sbg.result?.rows.filter((x) => x.retention != null).map((x) => x.retention!) ?? [];
    if (!r.length) return;
    this.teach.mode = 'perYear';
    this.teach.perYearPct = this.teach.perYearPct.map((_, i) => Math.round((r[Math.min(i, r.length - 1)] ?? 0) * 1000) / 10);
  }

  /** Keeps one retention input per year, and records the inputs in the link as they are typed. */
  recordTeach(): void {
    const t = this.teach;
    const n = Math.max(1, Math.min(30, Math.round(Number(t.years) || 1)));
    if (t.perYearPct.length !== n) t.perYearPct = Array.from({ length: n }, (_, i) => t.perYearPct[i] ?? t.perYearPct.at(-1) ?? 70);
    ltvLink.save({
      teach: {
        ...t,
        acquired: Number(t.acquired),
        constantPct: Number(t.constantPct),
        perYearPct: t.perYearPct.map(Number),
        revenue: Number(t.revenue),
        directPct: Number(t.directPct),
        acquisition: Number(t.acquisition),
        discountPct: Number(t.discountPct),
        years: Number(t.years),
        budget: Number(t.budget),
        upliftPts: Number(t.upliftPts)
      }
    });
  }

  #clvSettings(): LtvClvSettings {
    return {
      model: this.model,
      t: Number(this.t),
      margin: Number(this.marginPct) / 100,
      annualDiscount: Number(this.discountPct) / 100,
      horizonMonths: Number(this.horizon),
      sort: this.sort,
      descending: this.descending,
      topN: Number(this.topN)
    };
  }

  /** Records the BTYD panel's settings in the link; t counts only when it is not the holdout's length. */
  #record(): void {
    const fit = this.fit.result;
    const holdout = fit ? Math.round(fit.holdoutLength) || 1 : 0;
    ltvLink.save({
      btyd: {
        fitted: !!fit,
        unit: this.unit,
        calibrationEnd: this.calibrationEnd,
        observationEnd: this.observationEnd,
        model: this.model,
        t: Number(this.t) === holdout ? 0 : Number(this.t),
        marginPct: Number(this.marginPct),
        discountPct: Number(this.discountPct),
        horizon: Number(this.horizon),
        topN: Number(this.topN),
        sort: this.sort,
        descending: this.descending
      }
    });
  }

  #datesHere() {
    return this.#dates && this.#dates.key === this.dataset?.key ? this.#dates : null;
  }

  #setDates(patch: Partial<{ calibrationEnd: string; observationEnd: string }>): void {
    const key = this.dataset?.key;
    if (key) this.#dates = { key, calibrationEnd: this.calibrationEnd, observationEnd: this.observationEnd, ...patch };
  }

  /** Half-way through the data and its end, or a link's dates where they fall inside the data. */
  #defaultDates(): { calibrationEnd: string; observationEnd: string } {
    const range = this.dataset?.quality.dateRange;
    if (!range) return { calibrationEnd: '', observationEnd: '' };
    const a = Date.parse(range.min),
      b = Date.parse(range.max);
    const link = ltvLink.read().btyd;
    const inside = (d: string) => d !== '' && d >= range.min.slice(0, 10) && d <= range.max.slice(0, 10);
    return {
      calibrationEnd: inside(link.calibrationEnd) ? link.calibrationEnd : new Date(a + (b - a) / 2).toISOString().slice(0, 10),
      observationEnd: inside(link.observationEnd) ? link.observationEnd : range.max
    };
  }
}

/** The Lifetime value tab's state, made once for the app (call during component initialisation). */
export function ltvState(): LtvState {
  const wb = getWorkbench();
  return wb.features.get('ltv', () => new LtvState(wb));
}
