import { describe, expect, it } from 'vitest';
import viewsSource from '../../views.ts?raw';
import { WALKTHROUGHS, clampStep } from './walkthroughs';

/** View ids registered in src/lib/views.ts (read from its source: the components need a browser). */
const viewIds = [...viewsSource.matchAll(/\{\s*id:\s*'([\w-]+)'/g)].map((x) => x[1]);

describe('walkthroughs', () => {
  it('cover the five concepts of issue 8', () => {
    expect(WALKTHROUGHS.map((w) => w.id)).toEqual(['lifecycle', 'ltv', 'churn', 'value', 'campaign']);
    expect(new Set(WALKTHROUGHS.map((w) => w.id)).size).toBe(WALKTHROUGHS.length);
  });

  it('point every step at a registered view and a selector, with zh and en text', () => {
    expect(viewIds).toContain('data');
    expect(viewIds).toContain('teaching');
    for (const w of WALKTHROUGHS) {
      expect(w.title.en.length && w.title.zh.length).toBeTruthy();
      expect(w.steps.length).toBeGreaterThanOrEqual(3);
      for (const s of w.steps) {
        expect(viewIds, `${w.id}: ${s.title.en}`).toContain(s.view);
        expect(s.view).not.toBe('teaching');
        expect(s.target).toMatch(/^(#[\w-]+|\[data-testid="[\w-]+"\]|[a-z]+\.[\w-]+)$/);
        for (const t of [s.title, s.body]) {
          expect(t.en.trim().length).toBeGreaterThan(0);
          expect(t.zh).toMatch(/[\u4e00-\u9fff]/);
          expect(t.en).not.toMatch(/[\u4e00-\u9fff]/);
        }
      }
    }
  });

  it('clamps step indices from the URL', () => {
    const w = WALKTHROUGHS[0];
    expect(clampStep(w, 2)).toBe(2);
    expect(clampStep(w, -3)).toBe(0);
    expect(clampStep(w, 99)).toBe(w.steps.length - 1);
    expect(clampStep(w, NaN)).toBe(0);
  });
});
