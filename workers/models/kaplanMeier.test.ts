// Reference values: R 4.2.2 with survival 3.5.3 (Debian r-cran-survival), on the raw IBM telco
// file (tenure as duration, Churn == "Yes" as event):
//   fit <- survfit(Surv(tenure, Churn == "Yes") ~ 1, data = d, conf.type = "log-log")
//   s <- summary(fit, times = c(1, 2, 6, 12, 24, 36, 48, 60, 70, 72), extend = TRUE)
//   format(data.frame(s$time, s$n.risk, s$surv, s$lower, s$upper), digits = 12)
// and the same on d[d$Contract == "Month-to-month", ] (print(fit): median 35).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTelco, type TelcoRow } from '../../tests/fixtures/models/telco.ts';
import { kaplanMeier, medianSurvival, survivalAt, type KaplanMeierResult } from './kaplanMeier.ts';

// [time, n.risk, surv, lower, upper]
const R_ALL: [number, number, number, number, number][] = [
  [1, 7032, 0.945961319681, 0.940418371316, 0.951002120957],
  [2, 6419, 0.927834938264, 0.921505989959, 0.933672118684],
  [6, 5672, 0.884826238933, 0.876991017569, 0.892193552602],
  [12, 4974, 0.843199553816, 0.834168685811, 0.851783320693],
  [24, 3927, 0.788736398371, 0.77831295553, 0.798735202136],
  [36, 3051, 0.748545414876, 0.737078562121, 0.759597031294],
  [48, 2303, 0.708840184346, 0.696245083071, 0.72102273321],
  [60, 1483, 0.664403914375, 0.650226792853, 0.678156779187],
  [70, 651, 0.609656826178, 0.59200898575, 0.626798229878],
  [72, 362, 0.592790152052, 0.573062891004, 0.611936209193]
];
const R_MONTHLY: [number, number, number, number, number][] = [
  [1, 3875, 0.901935483871, 0.892138057629, 0.910887955508],
  [12, 1967, 0.703096636349, 0.687259357621, 0.71830407543],
  [35, 723, 0.497691057045, 0.477256612528, 0.517768616195],
  [60, 127, 0.29715813466, 0.26934476654, 0.325438817848]
];

function expectMatchesR(km: KaplanMeierResult, reference: typeof R_ALL): void {
  for (const [t, nRisk, surv, lower, upper] of reference) {
    const i = km.time.indexOf(t);
    expect(km.atRisk[i]).toBe(nRisk);
    const at = survivalAt(km, t);
    expect(at.survival).toBeCloseTo(surv, 10);
    expect(at.lower).toBeCloseTo(lower, 9);
    expect(at.upper).toBeCloseTo(upper, 9);
  }
}

let telco: TelcoRow[];
beforeAll(() => {
  telco = loadTelco();
});

describe('kaplanMeier on the telco file (vs R survival 3.5.3)', () => {
  it('matches survfit(conf.type = "log-log") for all customers', () => {
    const km = kaplanMeier(
      telco.map((r) => r.tenure),
      telco.map((r) => r.churn)
    );
    expect(telco.length).toBe(7043);
    expectMatchesR(km, R_ALL);
    // Time 0: 11 censored, no events; R gives surv 1 with NA bounds, we give 1 (never NaN).
    expect(km.time[0]).toBe(0);
    expect([km.survival[0], km.lower[0], km.upper[0], km.atRisk[0]]).toEqual([1, 1, 1, 7043]);
    expect(medianSurvival(km)).toBeNull(); // R: median NA
  });

  it('matches R for the month-to-month contracts, median 35', () => {
    const m = telco.filter((r) => r.contract === 'Month-to-month');
    const km = kaplanMeier(
      m.map((r) => r.tenure),
      m.map((r) => r.churn)
    );
    expectMatchesR(km, R_MONTHLY);
    expect(medianSurvival(km)).toBe(35);
  });
});

describe('kaplanMeier small cases', () => {
  it('computes the textbook example and Greenwood bounds', () => {
    const km = kaplanMeier([1, 2, 2, 3], [true, true, false, true]);
    expect(km.time).toEqual([1, 2, 3]);
    expect(km.survival).toEqual([0.75, 0.5, 0]);
    expect(km.atRisk).toEqual([4, 3, 1]);
    // se(ln S) at t=2: sqrt(1/(4·3) + 1/(3·2)) = 0.5; bounds exp(−exp(ln(ln 2) ± 1.96·0.5/ln 2))
    const eta = Math.log(Math.log(2));
    expect(km.lower[1]).toBeCloseTo(Math.exp(-Math.exp(eta + (1.959963984540054 * 0.5) / Math.log(2))), 12);
    expect(km.upper[1]).toBeCloseTo(Math.exp(-Math.exp(eta - (1.959963984540054 * 0.5) / Math.log(2))), 12);
    expect([km.lower[2], km.upper[2]]).toEqual([0, 0]); // all died: no NaN
  });
  it('uses the midpoint when S is exactly 0.5 over an interval (R convention)', () => {
    const km = kaplanMeier([1, 2, 3, 4], [true, true, true, true]);
    expect(medianSurvival(km)).toBe(2.5);
  });
  it('degenerate input: no events, all churned, bad lengths', () => {
    const none = kaplanMeier([1, 2, 3], [false, false, false]);
    expect(none.survival.every((s) => s === 1)).toBe(true);
    expect(() => medianSurvival(none)).toThrow(expect.objectContaining({ code: 'no-events' }));
    const all = kaplanMeier([5, 5, 5], [true, true, true]);
    expect([all.survival[0], all.lower[0], all.upper[0]]).toEqual([0, 0, 0]);
    expect(() => kaplanMeier([1, 2], [true])).toThrow(expect.objectContaining({ code: 'dimension-mismatch' }));
    expect(() => kaplanMeier([], [])).toThrow(expect.objectContaining({ code: 'too-few-rows' }));
    expect(() => kaplanMeier([NaN], [true])).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});
