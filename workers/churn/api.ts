/**
 * The churn feature's engine methods, run in the worker beside DuckDB: cohort retention and
 * survival from the panel's first spells (panel/sql/first_spells.sql) or a snapshot's tenure + churn columns,
 * and the early-warning model (model.ts). The last fit's scored lists stay here, per dataset, so
 * filtering and CSV export do not move the whole list across the worker boundary.
 */
import type { Engine, DatasetHandle } from '../engine/engine.ts';
import { all, exec, quoteIdent, template } from '../db/sql.ts';
import type { ChurnApi, ChurnSetup, RiskRow, WinBackRow } from './contract.ts';
import { featureApi } from '../engine/errors.ts';
import { CHURN_ERRORS, churnError } from './errors.ts';
import { survivalCurves } from './survival.ts';
import { arpuTierOf, fitChurn } from './model.ts';
import { rounded, toCsv } from '../../common/csv.ts';
import { writeChurnRisk } from '../scores/churn.ts';
import { monthCount, TABLES } from '../engine/tables.ts';
import { ensurePanel } from '../panel/panel.ts';
import { panelData, snapshotData, type ModelData } from './features.ts';
import rowsSql from './sql/rows.sql?raw';
import spellsSql from '../panel/sql/first_spells.sql?raw';
import cohortSql from './sql/cohort_retention.sql?raw';
import snapshotSql from './sql/snapshot_rows.sql?raw';
import spellGroupsSql from './sql/spell_groups.sql?raw';
import levelsSql from './sql/category_levels.sql?raw';
import leftOutSql from './sql/spells_left_out.sql?raw';

const MAX_LEVELS = 20;

/** Category/text columns with 2..20 levels: usable to split curves and as one-hot features. */
async function categoryColumns(engine: Engine, ds: DatasetHandle): Promise<{ name: string; header: string; levels: number }[]> {
  const cols = ds.columns.filter((c) => (c.kind === 'category' || c.kind === 'text') && c.role !== 'customerId');
  if (cols.length === 0) return [];
  const counts = (
    await all(
      engine.conn,
      template(levelsSql, {
        counts: cols.map((c, i) => `approx_count_distinct(${quoteIdent(c.name)}) AS n${i}`).join(', '),
        table: ds.table
      })
    )
  )[0];
  return cols
    .map((c, i) => ({ name: c.name, header: c.header, levels: Number(counts[`n${i}`]) }))
    .filter((c) => c.levels >= 2 && c.levels <= MAX_LEVELS);
}

/** The churn rows view over the dataset's monthly panel and its first-spell table; returns their names. */
export async function preparePanel(engine: Engine, ds: DatasetHandle): Promise<{ rows: string; spells: string }> {
  const rows = quoteIdent(TABLES.churnRows(ds.id));
  const spells = quoteIdent(TABLES.churnSpells(ds.id));
  await exec(engine.conn, template(rowsSql, { rows, panel: await ensurePanel(engine, ds) }));
  await exec(engine.conn, template(spellsSql, { rows, spells }));
  return { rows, spells };
}

async function snapshotSurvivalRecords(engine: Engine, ds: DatasetHandle, split: string | null) {
  if (!ds.has('tenure') || !ds.has('churn'))
    throw churnError('churn-not-applicable', 'survival on a snapshot needs tenure and churn columns');
  const columns = split ? `, ${quoteIdent(split)} AS grp` : '';
  const rows = await all(engine.conn, template(snapshotSql, { table: ds.table, tenure: 'tenure', revenue: 'NULL', columns }));
  const kept = rows.filter((r) => typeof r.tenure === 'number' && r.tenure >= 0);
  return {
    records: kept.map((r) => ({ duration: r.tenure as number, event: r.churn === true, group: r.grp == null ? '–' : String(r.grp) })),
    leftOut: rows.length - kept.length
  };
}

async function panelSurvivalRecords(engine: Engine, ds: DatasetHandle, split: string | null) {
  const { spells } = await preparePanel(engine, ds);
  const rows = await all(engine.conn, template(spellGroupsSql, { spells, table: ds.table, grp: split ? quoteIdent(split) : 'NULL' }));
  const kept = rows.filter((r) => r.in_window === true && Number(r.duration) >= 1);
  return {
    records: kept.map((r) => ({ duration: Number(r.duration), event: r.event === true, group: r.grp == null ? '–' : String(r.grp) })),
    leftOut: rows.length - kept.length
  };
}

export function churnApi(engine: () => Engine): ChurnApi {
  // The last model's lists per dataset (an engine cache: emptied when the dataset is dropped).
  const fitted = () => engine().cache<{ risk: RiskRow[]; winBack: WinBackRow[] }>('churn.lists');

  return featureApi<ChurnApi>(CHURN_ERRORS, {
    churnSetup: async (id) => {
      const e = engine();
      const ds = e.dataset(id);
      const kind = ds.kind === 'panel' ? 'panel' : ds.kind === 'snapshot' ? 'snapshot' : 'other';
      const splitColumns = kind === 'other' ? [] : await categoryColumns(e, ds);
      const header = (name: string) => ds.columns.find((c) => c.name === name)?.header ?? name;
      let features: ChurnSetup['features'] = [];
      if (kind === 'panel') {
        const panelFeatures: [string, boolean][] = [
          ['tenure', true],
          ['arpu_3', ds.has('revenue')],
          ['arpu_trend', ds.has('revenue')],
          ['voice_trend', ds.has('voiceMinutes')],
          ['data_trend', ds.has('dataMb')],
          ['sms_trend', ds.has('sms')],
          ['arrears_3', ds.has('arrears')],
          ['arrears_6', ds.has('arrears')],
          ['vas', ds.has('vasCount')],
          ['vas_change', ds.has('vasCount')]
        ];
        features = panelFeatures.filter(([, ok]) => ok).map(([name]) => ({ name, header: name, kind: 'number', default: true }));
        features.push(...splitColumns.map((c) => ({ name: c.name, header: c.header, kind: 'category' as const, default: false })));
      } else if (kind === 'snapshot') {
        features = ds.columns
          .filter((c) => c.kind === 'number' && c.role !== 'churn')
          .map((c) => ({ name: c.name, header: header(c.name), kind: 'number' as const, default: true }));
        features.push(...splitColumns.map((c) => ({ name: c.name, header: c.header, kind: 'category' as const, default: true })));
      }
      const months = kind === 'panel' ? await monthCount(e.conn, ds) : 0;
      return {
        kind,
        splitColumns,
        features,
        hasTenure: ds.has('tenure'),
        hasChurn: ds.has('churn'),
        hasRevenue: ds.has('revenue'),
        months
      };
    },

    cohortRetention: async (id) => {
      const e = engine();
      const ds = e.dataset(id);
      if (ds.kind !== 'panel') throw churnError('churn-not-applicable', 'cohort retention needs a monthly panel');
      const { rows, spells } = await preparePanel(e, ds);
      const cells = await all(e.conn, template(cohortSql, { rows, spells }));
      const leftOut = Number((await all(e.conn, template(leftOutSql, { spells })))[0].n);
      const cohorts = [...new Set(cells.map((c) => String(c.cohort)))];
      if (cohorts.length < 2 || !cells.some((c) => Number(c.k) >= 1)) {
        throw churnError('churn-too-few-months', 'cohort retention needs at least two join months');
      }
      const maxK = Math.max(...cells.map((c) => Number(c.k)));
      const index = new Map(cohorts.map((c, i) => [c, i]));
      const active = cohorts.map(() => new Array<number | null>(maxK + 1).fill(null));
      const sizes = new Array<number>(cohorts.length).fill(0);
      for (const c of cells) {
        const i = index.get(String(c.cohort))!;
        active[i][Number(c.k)] = Number(c.active);
        sizes[i] = Number(c.size);
      }
      const rate = active.map((row, i) => row.map((a) => (a === null || sizes[i] === 0 ? null : a / sizes[i])));
      return { cohorts, sizes, maxK, active, rate, leftOut, firstCohortMixed: !ds.has('tenure') };
    },

    survivalCurves: async (id, split) => {
      const e = engine();
      const ds = e.dataset(id);
      if (split !== null && !ds.columns.some((c) => c.name === split)) throw churnError('churn-not-applicable', `no column ${split}`);
      const { records, leftOut } =
        ds.kind === 'panel'
          ? await panelSurvivalRecords(e, ds, split)
          : ds.kind === 'snapshot'
            ? await snapshotSurvivalRecords(e, ds, split)
            : (() => {
                throw churnError('churn-not-applicable', 'survival needs a panel or a snapshot');
              })();
      if (records.length === 0) throw churnError('churn-too-few-rows', 'no customer with an observed join');
      return { split, curves: survivalCurves(records, split !== null), leftOut };
    },

    fitChurnModel: async (id, options) => {
      const e = engine();
      const ds = e.dataset(id);
      if (!ds.has('churn') && ds.kind !== 'panel') throw churnError('churn-not-applicable', 'the model needs a churn column or a panel');
      const data: ModelData =
        ds.kind === 'panel'
          ? await panelData(e, ds, options, (await preparePanel(e, ds)).rows)
          : ds.kind === 'snapshot'
            ? await snapshotData(e, ds, options)
            : (() => {
                throw churnError('churn-not-applicable', 'the model needs a panel or a snapshot');
              })();
      const header = (name: string) => ds.columns.find((c) => c.name === name)?.header ?? name;
      const { core, risk } = fitChurn({ ...data, l2: options.l2, arpuTiers: options.arpuTiers, header });
      const winBack = data.winBack.map((w) => ({ ...w, arpuTier: arpuTierOf(w.lastArpu, options.arpuTiers) }));
      fitted().set(id, { risk, winBack });
      await writeChurnRisk(e.conn, id, risk, { scoreMonth: data.scoreMonth, horizon: options.horizon });
      return {
        ...core,
        holdout: data.holdout,
        trainMonth: data.trainMonth,
        testMonth: data.testMonth,
        scoreMonth: data.scoreMonth,
        riskCount: risk.length,
        winBackCount: winBack.length
      };
    },

    riskList: async (id, filter) => {
      const f = fitted().get(id);
      if (!f) throw churnError('churn-no-model', 'fit the model first');
      const rows = f.risk.filter((r) => r.score >= filter.minScore && (r.arpuTier === null || filter.arpuTiers.includes(r.arpuTier)));
      const w = wordsOf(filter.lang);
      const csv = toCsv(
        [w.customer_id, w.score, w.arpu, w.arpu_tier, `${w.reason}1`, `${w.reason}2`, `${w.reason}3`],
        rows.map((r) => [
          r.customerId,
          rounded(r.score, 4),
          rounded(r.arpu, 2),
          r.arpuTier && w[r.arpuTier],
          ...[0, 1, 2].map((k) => (r.reasons[k] ? `${r.reasons[k].feature}: ${r.reasons[k].value}` : null))
        ])
      );
      return { total: rows.length, rows: rows.slice(0, filter.top), csv };
    },

    winBackList: async (id, filter) => {
      const f = fitted().get(id);
      if (!f) throw churnError('churn-no-model', 'fit the model first');
      const rows = f.winBack.filter((r) => r.arpuTier !== null && filter.arpuTiers.includes(r.arpuTier));
      const ds = engine().dataset(id);
      const details = { hasChurnReason: ds.has('churnReason'), hasContact: ds.has('contact') };
      const w = wordsOf(filter.lang);
      const extra = [...(details.hasChurnReason ? [w.churn_reason] : []), ...(details.hasContact ? [w.contact] : [])];
      const csv = toCsv(
        [w.customer_id, w.last_arpu, w.arpu_tier, w.tenure, w.churn_month, ...extra],
        rows.map((r) => [
          r.customerId,
          rounded(r.lastArpu, 2),
          r.arpuTier && w[r.arpuTier],
          r.tenure,
          r.churnMonth?.slice(0, 7) ?? null,
          ...(details.hasChurnReason ? [r.churnReason] : []),
          ...(details.hasContact ? [r.contact] : [])
        ])
      );
      const arpus = f.winBack.map((r) => r.lastArpu).filter((v): v is number => v !== null);
      const maxLastArpu = arpus.length ? arpus.reduce((x, y) => Math.max(x, y)) : null;
      return { total: rows.length, rows: rows.slice(0, filter.top), csv, ...details, churned: f.winBack.length, maxLastArpu };
    }
  });
}

/** The lists' CSV headers and tier names in the UI's language (a zh export has Chinese headers). */
const CSV_WORDS = {
  en: {
    customer_id: 'customer_id',
    score: 'score',
    arpu: 'arpu',
    arpu_tier: 'arpu_tier',
    reason: 'reason_',
    last_arpu: 'last_arpu',
    tenure: 'tenure',
    churn_month: 'churn_month',
    churn_reason: 'churn_reason',
    contact: 'contact',
    low: 'low',
    mid: 'mid',
    high: 'high'
  },
  zh: {
    customer_id: '用户ID',
    score: '离网风险',
    arpu: 'ARPU（元）',
    arpu_tier: 'ARPU 档',
    reason: '原因',
    last_arpu: '离网前 ARPU（元）',
    tenure: '在网时长（月）',
    churn_month: '离网月份',
    churn_reason: '离网原因',
    contact: '联系方式',
    low: '低',
    mid: '中',
    high: '高'
  }
} as const;
const wordsOf = (lang?: 'zh' | 'en') => CSV_WORDS[lang === 'zh' ? 'zh' : 'en'];
