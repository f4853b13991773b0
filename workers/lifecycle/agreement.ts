/**
 * Agreement of the default rule set with the stages planted by the sample generator
 * (workers/sample/generator.ts, docs/DATA_DICTIONARY.md §4). The generator is deterministic, so the
 * truth stream is regenerated from the options the sample was loaded with and compared row by row.
 */
import { all, template, type SqlConnection } from '../db/sql.ts';
import stageStringsSql from './sql/stage_strings.sql?raw';
import { generateSample, type SampleOptions } from '../sample/generator.ts';
import type { Agreement, ClmStage } from './contract.ts';

const STAGES: ClmStage[] = ['A', 'B', 'C', 'D', 'E'];

/** Planted stage by `customer_id|YYYYMM`, from the truth stream (columns: id, month, stage, spell). */
export function plantedStages(options: SampleOptions): Map<string, string> {
  const truth = new Map<string, string>();
  let header = true;
  for (const chunk of generateSample({ ...options, truth: true, monthFormat: 'YYYYMM' })) {
    for (const line of chunk.truth.split('\n')) {
      if (header) {
        header = false;
        continue;
      }
      if (!line) continue;
      const [id, month, stage] = line.replace(/^\uFEFF/, '').split(',');
      truth.set(`${id}|${month}`, stage);
    }
  }
  return truth;
}

/** Confusion matrix truth × engine over the truth's rows, with per-stage recall and precision. */
export async function agreement(conn: SqlConnection, target: string, truth: Map<string, string>): Promise<Agreement> {
  const si = new Map(STAGES.map((s, i) => [s as string, i]));
  const confusion = STAGES.map(() => STAGES.map(() => 0));
  // One row per customer keeps the transfer small: "202301A202302A…".
  const rows = await all(conn, template(stageStringsSql, { stages: target }));
  let seen = 0;
  for (const r of rows) {
    const id = String(r.customer_id);
    const s = String(r.s);
    for (let i = 0; i + 7 <= s.length; i += 7) {
      const planted = truth.get(`${id}|${s.slice(i, i + 6)}`);
      const t = planted === undefined ? undefined : si.get(planted);
      const e = si.get(s[i + 6]);
      if (t === undefined || e === undefined) continue;
      confusion[t][e]++;
      seen++;
    }
  }
  const agreeing = STAGES.reduce((n, _, i) => n + confusion[i][i], 0);
  const perStage = STAGES.map((stage, i) => {
    const truthRows = confusion[i].reduce((a, b) => a + b, 0);
    const engineRows = confusion.reduce((a, row) => a + row[i], 0);
    return {
      stage,
      truth: truthRows,
      engine: engineRows,
      recall: truthRows > 0 ? confusion[i][i] / truthRows : null,
      precision: engineRows > 0 ? confusion[i][i] / engineRows : null
    };
  });
  return { rows: seen, agreeing, overall: seen > 0 ? agreeing / seen : 0, stages: STAGES, confusion, perStage, missing: truth.size - seen };
}
