/** The lifecycle feature's engine methods, run in the worker beside DuckDB. */
import type { Engine } from '../engine/engine.ts';
import { featureApi } from '../engine/errors.ts';
import { all, template } from '../db/sql.ts';
import cohortRetentionSql from './sql/cohort_retention.sql?raw';
import transitionsSql from './sql/transitions.sql?raw';
import panelSizeSql from '../panel/sql/panel_size.sql?raw';
import type { LifecycleApi, LifecycleResult } from './contract.ts';
import { RULE_SETS, ruleSetInfo } from './rules.ts';
import { checkPanel, notesFor, runStages } from './stages.ts';
import { ensurePanel } from '../panel/panel.ts';
import { allViews } from './views.ts';
import { agreement, plantedStages } from './agreement.ts';

const seconds = (t0: number) => (performance.now() - t0) / 1000;

export function lifecycleApi(engine: () => Engine): LifecycleApi {
  /** Regenerated truth per sample dataset (generation is the slow part; parameters change often). */
  const truths = () => engine().cache<{ key: string; truth: Map<string, string> }>('lifecycle.truth');

  return featureApi<LifecycleApi>({}, {
    lifecycleRuleSets: async () => Object.values(RULE_SETS).map(ruleSetInfo),

    computeLifecycle: async (datasetId, request) => {
      const e = engine();
      const ds = e.dataset(datasetId);
      const rule = RULE_SETS[request.ruleSet];
      await checkPanel(e.conn, ds, request.ruleSet);
      const t0 = performance.now();
      const base = await ensurePanel(e, ds);
      const run = await runStages(e.conn, datasetId, request.ruleSet, request.params);
      const t1 = performance.now();
      const stages = rule.stages.map((s) => s.code);
      const views = await allViews(e.conn, run.table, base, stages, request.month, request.arpuTierCuts);
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
        datasetId, ruleSet: rule.id, table: run.table.replaceAll('"', ''), stages,
        description: rule.describe(Object.fromEntries(run.params.map((p) => [p.key, p.value]))),
        sql: run.sql, params: run.params, ...views, agreement: agreed,
        notes: notesFor(ds, request.ruleSet),
        seconds: { stages: (t1 - t0) / 1000, views: (t2 - t1) / 1000, agreement: seconds(t2) }
      };
    },

    benchLifecycle: async (datasetId) => {
      const e = engine();
      const ds = e.dataset(datasetId);
      await checkPanel(e.conn, ds, 'clm');
      const t0 = performance.now();
      const base = await ensurePanel(e, ds, true);
      const t1 = performance.now();
      const run = await runStages(e.conn, datasetId, 'clm', {});
      const t2 = performance.now();
      await all(e.conn, template(transitionsSql, { target: run.table }));
      const t3 = performance.now();
      await all(e.conn, template(cohortRetentionSql, { base }));
      const t4 = performance.now();
      const size = (await all(e.conn, template(panelSizeSql, { panel: base })))[0];
      return {
        rows: Number(size.rows), customers: Number(size.customers),
        seconds: { base: (t1 - t0) / 1000, stages: (t2 - t1) / 1000, transitions: (t3 - t2) / 1000, cohortRetention: (t4 - t3) / 1000, total: (t4 - t0) / 1000 }
      };
    }
  });
}
