/**
 * The `clm` process end to end, as an analyst runs it: spawned through the package's bin script,
 * with a settings file as the site saves it, writing Parquet that is read back; and a missing input
 * giving its documented exit code.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { samplePanelBlob } from '../../workers/engine/sample.ts';
import { openNativeDb } from '../../workers/db/native.ts';
import { quoteLiteral } from '../../workers/db/sql.ts';

const BIN = path.resolve(__dirname, '../../cli/bin/clm.mjs');
const clm = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });

describe('the clm process', () => {
  it('runs lifecycle with the site’s settings file and writes Parquet; a missing file exits 3', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'clm-process-'));
    try {
      const panel = path.join(dir, 'panel.csv');
      await writeFile(
        panel,
        new Uint8Array(await (await samplePanelBlob({ customers: 150, months: 8, seed: 3, lang: 'zh' }, () => {})).arrayBuffer())
      );
      // As Save settings writes it: the rule set of the Lifecycle tab, and a field that fails its check.
      const settings = path.join(dir, 'clm-settings.json');
      await writeFile(settings, JSON.stringify({ view: 'lifecycle', lifecycle: { ruleSet: 'activity', params: { bogus: 1 } } }, null, 2));
      const out = path.join(dir, 'stages.parquet');
      const run = clm(['lifecycle', panel, '--settings', settings, '--out', out, '--threads', '2']);
      expect(run.stderr).toContain('rule set activity');
      expect(run.stderr).toContain('lifecycle.params.bogus');
      expect(run.status).toBe(0);
      const db = await openNativeDb();
      try {
        const rows = await db.conn.all(
          `SELECT stage, count(*) AS n, count(DISTINCT customer_id) AS customers FROM read_parquet(${quoteLiteral(out)}) GROUP BY stage ORDER BY stage`
        );
        expect(rows.map((r) => r.stage).every((s) => ['new', 'returning', 'resurrecting', 'dormant'].includes(String(s)))).toBe(true);
        expect(rows.reduce((n, r) => n + Number(r.n), 0)).toBeGreaterThan(150);
      } finally {
        db.close();
      }
      const missing = clm(['value', path.join(dir, 'nope.csv'), '--quiet']);
      expect(missing.status).toBe(3);
      expect(missing.stderr).toMatch(/No such file: .*nope\.csv/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
