/**
 * "Load sample data": the deterministic operator panel, generated here in the worker as CSV text
 * chunks and handed to the normal ingest path (so the sample exercises exactly what users' files do).
 */
import type { SampleOptions } from '../contract.ts';
import { countSampleRows, generateSample } from '../sample/generator.ts';

export async function samplePanelBlob(options: SampleOptions, onFraction: (f: number) => void): Promise<Blob> {
  const total = countSampleRows({ ...options, truth: false });
  const parts: string[] = [];
  let rows = 0;
  const chunks = generateSample({ ...options, truth: false });
  for (let next = chunks.next(); !next.done; next = chunks.next()) {
    parts.push(next.value.panel);
    rows += next.value.rows;
    onFraction(total > 0 ? rows / total : 1);
  }
  return new Blob(parts, { type: 'text/csv' });
}
