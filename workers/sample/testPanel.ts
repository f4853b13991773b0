/**
 * Test helper: parses a generated (English-header) sample back into typed rows grouped by customer
 * and spell, so tests can state the invariants of docs/DATA_DICTIONARY.md directly.
 */
import { generateSampleText, type SampleOptions, type SampleSummary, type Stage } from './generator.ts';
import type { MonthValues } from './monthValues.ts';

/** A panel row as read back: the generator's month values plus the row's other columns. */
export interface PanelRow extends Omit<MonthValues, 'churn'> {
  id: string;
  month: string;
  /** Months since year 0, for gap arithmetic. */
  monthIndex: number;
  region: string;
  customerType: string;
  industry: string;
  plan: string;
  tenure: number;
  churn: number;
  spell: number;
  /** The raw text fields, for format checks. */
  fields: string[];
}

export interface ParsedSample {
  panelLines: string[];
  truthLines: string[];
  rows: PanelRow[];
  /** Rows by customer id, in file order. */
  customers: Map<string, PanelRow[]>;
  /** Rows by customer id and spell number (`C0000001#2`). */
  spells: Map<string, PanelRow[]>;
  summary: SampleSummary;
}

export function parseSample(options: Omit<SampleOptions, 'lang'>): ParsedSample {
  const { panel, truth, summary } = generateSampleText({ ...options, lang: 'en' });
  const panelLines = panel.split('\n');
  const truthLines = truth.split('\n');
  if (panelLines.pop() !== '' || truthLines.pop() !== '') throw new Error('files must end with a newline');
  const rows: PanelRow[] = [];
  for (let i = 1; i < panelLines.length; i++) {
    const f = panelLines[i].split(',');
    const t = (truthLines[i] ?? '').split(',');
    const month = f[1];
    rows.push({
      id: f[0],
      month,
      monthIndex: Number(month.slice(0, 4)) * 12 + Number(month.slice(-2)) - 1,
      region: f[2],
      customerType: f[3],
      industry: f[4],
      plan: f[5],
      arpu: Number(f[6]),
      voice: Number(f[7]),
      dataMb: Number(f[8]),
      sms: Number(f[9]),
      vas: Number(f[10]),
      arrears: Number(f[11]),
      tenure: Number(f[12]),
      churn: Number(f[13]),
      cost: Number(f[14]),
      discount: Number(f[15]),
      stage: t[2] as Stage,
      spell: Number(t[3]),
      fields: f
    });
  }
  const customers = new Map<string, PanelRow[]>();
  const spells = new Map<string, PanelRow[]>();
  for (const row of rows) {
    let list = customers.get(row.id);
    if (!list) customers.set(row.id, (list = []));
    list.push(row);
    const key = `${row.id}#${row.spell}`;
    let spell = spells.get(key);
    if (!spell) spells.set(key, (spell = []));
    spell.push(row);
  }
  return { panelLines, truthLines, rows, customers, spells, summary };
}

export function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}
