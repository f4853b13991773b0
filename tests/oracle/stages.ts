/**
 * The stage rules as they were before the streaming rewrite (commit 940205f), kept verbatim as the
 * test oracle of workers/lifecycle: the CLM A–E rule and the data-service rule of that day, four
 * sorting window operators with a per-row `lag` offset, sums compared in floating point. The new
 * SQL must give the same stage on every row, except where this oracle's floating-point arithmetic
 * decides a tie or a zero (`floatSensitive` in the tests says which rows those are).
 *
 * Only tests and bench/lifecycle.mjs read this folder.
 */
import { template } from '../../workers/db/sql.ts';
import clmSql from './stages_clm.sql?raw';
import dataServiceSql from './stages_data_service.sql?raw';
import spellsSql from './rule_spells.sql?raw';

/** The fragments rules.ts passed to rule_spells.sql at 940205f. */
const PARTS = {
  clm: {
    metric: 'coalesce(b.revenue, 0)',
    active: 'coalesce(b.revenue, 0) > 0 OR coalesce(b.usage, 0) > 0',
    boundsExtra: '',
    measuredExtra: ''
  },
  dataService: {
    metric: 'CASE WHEN bounds.has_data THEN coalesce(b.data_mb, 0) ELSE coalesce(b.revenue, 0) END',
    active: `CASE WHEN bounds.has_data THEN coalesce(b.data_mb, 0) > 0 OR coalesce(b.vas_count, 0) > 0
         ELSE coalesce(b.revenue, 0) > 0 OR coalesce(b.usage, 0) > 0 END`,
    boundsExtra: ', count(data_mb) > 0 AS has_data',
    measuredExtra: `,
    max(s.vas_count) OVER (PARTITION BY s.customer_id, s.spell ORDER BY s.month_index
      ROWS BETWEEN p.w_window PRECEDING AND 1 PRECEDING) AS vas_before`
  }
};

/** Parameter order of the oracle's `?`s. */
export const ORACLE_PARAMS = {
  clm: ['n_acquisition', 'k_inactive', 'w_window', 'up', 'down'],
  dataService: ['n_acquisition', 'k_inactive', 'w_window', 'up', 'down', 'vas_drop']
} as const;

/** The oracle's SQL for a rule set, writing `target` from the panel `base` (both quoted). */
export function oracleSql(ruleSet: 'clm' | 'dataService', base: string, target: string): string {
  const spells = template(spellsSql, { ...PARTS[ruleSet], base })
    .trimEnd()
    .replace(/^(--.*\n)+/, '');
  const rule = ruleSet === 'clm' ? clmSql : dataServiceSql;
  return template(rule.replace('${spells}', spells), { base, target });
}
