/** The export feature: the scoring SQL of a dataset as a script for DuckDB or a PostgreSQL-family warehouse. */
import type { Engine } from '../engine/engine.ts';
import { engineError, featureApi } from '../engine/errors.ts';
import { checkPanel } from '../lifecycle/stages.ts';
import type { ExportApi } from './contract.ts';
import { scoringScript } from './script.ts';

export function exportApi(engine: () => Engine): ExportApi {
  return featureApi<ExportApi>(
    {},
    {
      exportSql: async (datasetId, request) => {
        const e = engine();
        const ds = e.dataset(datasetId);
        // The same checks as the run: a script is only offered for data the analysis applies to.
        // (the value script checks its inputs as the assessment does)
        if (request.what === 'stages' || request.what === 'transitions') await checkPanel(e.conn, ds, request.ruleSet ?? 'clm');
        else if (request.what === 'retention' && ds.kind !== 'panel')
          throw engineError('churn-not-applicable', 'cohort retention needs a monthly panel');
        return scoringScript(e.conn, ds, request);
      }
    }
  );
}
