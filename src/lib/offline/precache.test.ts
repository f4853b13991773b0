import { describe, expect, it } from 'vitest';
import { cacheKey, parseManifest, prunePlan, requestPath, type StoredManifest } from './precache';

const scope = 'http://127.0.0.1:4173/clm/';
const wasm = { url: '_app/immutable/workers/assets/duckdb-eh-9ubY-jlA.wasm', hash: 'aaaaaaaaaaaaaaaa', bytes: 34_242_586 };
const page1 = { url: '', hash: '1111111111111111', bytes: 4903 };
const page2 = { url: '', hash: '2222222222222222', bytes: 4903 };
const view1 = { url: '_app/immutable/chunks/TeachingView.old.js', hash: '3333333333333333', bytes: 21_000 };
const view2 = { url: '_app/immutable/chunks/TeachingView.new.js', hash: '4444444444444444', bytes: 21_100 };
const v1: StoredManifest = { version: '1', installed: 1, files: [page1, wasm, view1] };
const v2: StoredManifest = { version: '2', installed: 2, files: [page2, wasm, view2] };
const key = (f: typeof wasm) => cacheKey(f, scope);

describe('cacheKey', () => {
  it('is the URL under the scope with the content hash, so equal bytes are one entry across versions', () => {
    expect(key(wasm)).toBe(`${scope}${wasm.url}?clm-hash=aaaaaaaaaaaaaaaa`);
    expect(key(page1)).toBe(`${scope}?clm-hash=1111111111111111`);
    expect(key(page1)).not.toBe(key(page2));
  });
});

describe('prunePlan', () => {
  it('keeps a version while a tab runs it (the old tab still imports its own views)', () => {
    expect(prunePlan([v1, v2], '2', ['1', '2'], scope)).toEqual({ versions: [], keys: [] });
  });

  it('drops a version no tab runs, but not the entries the current version shares (the wasm)', () => {
    const plan = prunePlan([v1, v2], '2', ['2'], scope);
    expect(plan.versions).toEqual(['1']);
    expect(plan.keys.sort()).toEqual([key(page1), key(view1)].sort());
    expect(plan.keys).not.toContain(key(wasm));
    expect(prunePlan([v1, v2], '2', [], scope).versions).toEqual(['1']);
  });

  it('deletes nothing while a tab does not say its version, or runs a version without a manifest', () => {
    expect(prunePlan([v1, v2], '2', ['2', null], scope)).toEqual({ versions: [], keys: [] });
    expect(prunePlan([v1, v2], '2', ['0'], scope)).toEqual({ versions: [], keys: [] });
  });

  it('leaves a newer version (installing or waiting) to itself', () => {
    expect(prunePlan([v1, v2], '1', ['1'], scope)).toEqual({ versions: [], keys: [] });
  });

  it('deletes nothing without its own manifest', () => {
    expect(prunePlan([v1], '2', [], scope)).toEqual({ versions: [], keys: [] });
  });
});

describe('requestPath', () => {
  it('maps every navigation to the page to the one cached page', () => {
    expect(requestPath(`${scope}?lang=zh&sample=1`, scope, true)).toBe('');
    expect(requestPath(`${scope}index.html`, scope, true)).toBe('');
    expect(requestPath(`${scope}manifest.webmanifest`, scope, true)).toBe('manifest.webmanifest');
  });

  it('gives assets by path and leaves other paths and origins alone', () => {
    expect(requestPath(`${scope}${wasm.url}`, scope, false)).toBe(wasm.url);
    expect(requestPath('http://127.0.0.1:4173/other/', scope, false)).toBeNull();
    expect(requestPath('http://127.0.0.1:4174/clm/x.js', scope, false)).toBeNull();
  });
});

describe('parseManifest', () => {
  it('accepts what scripts/precache-manifest.mjs writes and refuses anything else', () => {
    expect(parseManifest({ version: '1', files: [wasm] }).files).toHaveLength(1);
    expect(() => parseManifest(['index.html'])).toThrow(/not a precache manifest/);
    expect(() => parseManifest({ version: '1', files: [{ url: 'x', hash: 'zz', bytes: 1 }] })).toThrow();
  });
});
