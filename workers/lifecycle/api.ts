/** The lifecycle feature's engine methods, run in the worker beside DuckDB. */
import type { DatasetHandle, Engine } from '../engine/engine.ts';
import { engineError, featureApi } from '../engine/errors.ts';
import { all, dropTable, exec, quoteIdent, template, type SqlConnection } from '../db/sql.ts';
import { readStages, TABLES } from '../engine/tables.ts';
import panelSizeSql from '../panel/sql/panel_size.sql?raw';
import stageMonthsSql from './sql/stage_months.sql?raw';
import baseScanSql from './sql/base_scan.sql?raw';
import type { LifecycleApi, LifecycleMonth, LifecycleResult, MonthRequest } from './contract.ts';
import { RULE_SETS, ruleSetInfo } from './rules.ts';
import { checkPanel, notesFor, runStages } from './stages.ts';
import { ensurePanel } from '../panel/panel.ts';
import { exitStagesOf, monthViews, stageChurn, stageViews } from './views.ts';
import { agreement, plantedStages } from './agreement.ts';
import { offerEndList } from './offers.ts';

const since = (t0: number) => (performance.now() - t0) / 1000;

/** Seed 002's data-service figures need one of these columns. */
const hasDataServices = (ds: DatasetHandle) => ds.has('dataMb') || ds.has('sms') || ds.has('vasCount');

/** The month views of the stage table in `months` (YYYY-MM, sorted): the requested month when it is one of them, else the last. */
function monthOf(months: string[], wanted: string | null): string {
  return wanted && months.includes(wanted) ? wanted : months[months.length - 1];
}

async function stageMonths(conn: SqlConnection, target: string): Promise<string[]> {
  return (await all(conn, template(stageMonthsSql, { target }))).map((r) => String(r.month));
}

export function lifecycleApi(engine: () => Engine): LifecycleApi {
  /** Regenerated truth per sample dataset (generation is the slow part; parameters change often). */
  const truths = () => engine().cache<{ key: string; truth: Map<string, string> }>('lifecycle.truth');

  /** The month views on the stages computed last (they must exist: lifecycle-no-stages otherwise). */
  async function month(e: Engine, ds: DatasetHandle, request: MonthRequest, months?: string[]): Promise<LifecycleMonth> {
    const set = await readStages(e.conn, ds.id);
    if (!set) throw engineError('lifecycle-no-stages', 'Compute the lifecycle stages first.');
    const target = quoteIdent(TABLES.stages(ds.id));
    const at = monthOf(months ?? (await stageMonths(e.conn, target)), request.month);
    const ids = { dataset: ds.id, target, base: await ensurePanel(e, ds) };
    return { ruleSet: set.ruleSet, ...(await monthViews(e.conn, ids, set.stages, at, request.arpuTierCuts, hasDataServices(ds))) };
  }

  return featureApi<LifecycleApi>(
    {},
    {
      lifecycleRuleSets: async () => Object.values(RULE_SETS).map(ruleSetInfo),

      computeLifecycle: async (datasetId, request) => {
        const e = engine();
        const ds = e.dataset(datasetId);
        const rule = RULE_SETS[request.ruleSet];
        await checkPanel(e.conn, ds, request.ruleSet);
        const t0 = performance.now();
        await ensurePanel(e, ds);
        const run = await runStages(e.conn, datasetId, request.ruleSet, request.params);
        const t1 = performance.now();
        const views = await stageViews(
          e.conn,
          run.table,
          rule.stages.map((s) => s.code)
        );
        const t2 = performance.now();
        const sample = e.sampleOptions(datasetId);
        let agreed: LifecycleResult['agreement'] = null;
        if (sample && request.ruleSet === 'clm' && ds.has('tenure') && ds.has('churn')) {
          const key = JSON.stringify(sample);
          let cached = truths().get(datasetId);
          if (cached?.key !== key) truths().set(datasetId, (cached = { key, truth: plantedStages(sample) }));
          agreed = await agreement(e.conn, run.table, cached.truth);
        }
        return {
          datasetId,
          ruleSet: rule.id,
          table: run.table.replaceAll('"', ''),
          stages: rule.stages.map((s) => s.code),
          description: rule.describe(Object.fromEntries(run.params.map((p) => [p.key, p.value]))),
          sql: run.sql,
          params: run.params,
          ...views,
          agreement: agreed,
          notes: notesFor(ds, request.ruleSet),
          seconds: { stages: (t1 - t0) / 1000, views: (t2 - t1) / 1000, agreement: since(t2) }
        };
      },

      lifecycleMonth: async (datasetId, request) => {
        const e = engine();
        return month(e, e.dataset(datasetId), request);
      },

      stageChurn: async (datasetId) => {
        const e = engine();
        const stageSet = await readStages(e.conn, datasetId);
        if (!stageSet) throw engineError('lifecycle-no-stages', 'Compute the lifecycle stages first.');
        const exitStages = exitStagesOf(stageSet);
        const stages = quoteIdent(TABLES.stages(datasetId));
        return {
          stageSet,
          ruleLabel: RULE_SETS[stageSet.ruleSet].label,
          exitStages,
          stageChurn: await stageChurn(e.conn, stages, stageSet.stages, exitStages)
        };
      },

      offerEndList: async (datasetId, request) => {
        const e = engine();
        const ds = e.dataset(datasetId);
        await checkPanel(e.conn, ds, 'clm');
        return offerEndList(e.conn, ds, await ensurePanel(e, ds), request);
      },

      benchLifecycle: async (datasetId) => {
        const e = engine();
        const ds = e.dataset(datasetId);
        await checkPanel(e.conn, ds, 'clm');
        const t0 = performance.now();
        const base = await ensurePanel(e, ds, true);
        const t1 = performance.now();
        const scan = quoteIdent(TABLES.benchScan(datasetId));
        await exec(e.conn, template(baseScanSql, { base, target: scan }));
        const t2 = performance.now();
        await dropTable(e.conn, TABLES.benchScan(datasetId));
        const t3 = performance.now();
        const run = await runStages(e.conn, datasetId, 'clm', {});
        const t4 = performance.now();
        const views = await stageViews(
          e.conn,
          run.table,
          RULE_SETS.clm.stages.map((s) => s.code)
        );
        const t5 = performance.now();
        await month(e, ds, { month: null, arpuTierCuts: [50, 150] }, views.months);
        const t6 = performance.now();
        const size = (await all(e.conn, template(panelSizeSql, { panel: base })))[0];
        const s = (a: number, b: number) => (b - a) / 1000;
        return {
          rows: Number(size.rows),
          customers: Number(size.customers),
          seconds: { base: s(t0, t1), scan: s(t1, t2), stages: s(t3, t4), views: s(t4, t5), month: s(t5, t6), total: s(t3, t5) }
        };
      }
    }
  );
}
