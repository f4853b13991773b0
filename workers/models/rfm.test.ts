// rfmSummary must give exactly the summary the CDNOW fixture computes independently
// (tests/fixtures/models/cdnow.ts), which reproduces the published BG/NBD, Pareto/NBD and
// Gamma–Gamma estimates (see those tests).
import { describe, expect, it } from 'vitest';
import { CALIBRATION_END, OBSERVATION_END, cdnowWeeklySummary, loadCdnowSampleTransactions } from '../../tests/fixtures/models/cdnow.ts';
import { rfmSummary } from './rfm.ts';

describe('rfmSummary', () => {
  it('equals the CDNOW fixture summary (weeks, calibration to 1997-09-30, holdout to 1998-06-30)', () => {
    const transactions = loadCdnowSampleTransactions();
    const expected = cdnowWeeklySummary(transactions);
    const actual = rfmSummary(
      transactions.map((t) => ({ customerId: t.customerId, date: t.date, amount: t.dollars })),
      { calibrationEnd: CALIBRATION_END, observationEnd: OBSERVATION_END, unit: 'week' }
    );
    expect(actual.length).toBe(2357);
    actual.forEach((row, i) => {
      const e = expected[i];
      expect(row.customerId).toBe(e.customerId);
      expect([row.frequency, row.frequencyHoldout]).toEqual([e.frequency, e.frequencyHoldout]);
      expect(row.recency).toBeCloseTo(e.recency, 12);
      expect(row.T).toBeCloseTo(e.T, 12);
      expect(row.monetaryValue).toBeCloseTo(e.monetaryValue, 10);
    });
  });

  it('merges same-day purchases and uses the chosen unit', () => {
    const rows = rfmSummary(
      [
        { customerId: 'a', date: '2024-01-01', amount: 10 },
        { customerId: 'a', date: '2024-01-15', amount: 5 },
        { customerId: 'a', date: '2024-01-15', amount: 7 },
        { customerId: 'a', date: '2024-01-29', amount: 20 },
        { customerId: 'a', date: '2024-03-01', amount: 1 },
        { customerId: 'b', date: '2024-02-20', amount: 3 },
        { customerId: 'c', date: '2024-02-10', amount: 3 }
      ],
      { calibrationEnd: '2024-01-31', observationEnd: '2024-03-31', unit: 'day' }
    );
    expect(rows).toEqual([{ customerId: 'a', frequency: 2, recency: 28, T: 30, monetaryValue: 16, frequencyHoldout: 1 }]);
  });

  it('rejects bad dates and an empty calibration period', () => {
    expect(() => rfmSummary([{ customerId: 'a', date: '2024-02-30', amount: 1 }], { calibrationEnd: '2024-03-01', unit: 'day' })).toThrow(
      expect.objectContaining({ code: 'invalid-input' })
    );
    expect(() => rfmSummary([{ customerId: 'a', date: '2024-05-01', amount: 1 }], { calibrationEnd: '2024-03-01', unit: 'week' })).toThrow(
      expect.objectContaining({ code: 'too-few-rows' })
    );
  });
});
