import { describe, expect, it } from 'vitest';
import { decodeSettings, encodeSettings } from './settings.svelte';

describe('settings in the URL', () => {
  it('round-trips Chinese headers and nested parameters through a URL-safe string', () => {
    const s = { roles: { 'clm.roles.用户id␟账期': ['customerId', 'month'] }, lifecycle: { ruleSet: 'clm', params: { n: 3, up: 0.15 } }, view: 'lifecycle' };
    const text = encodeSettings(s);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSettings(text)).toEqual(s);
  });
  it('rejects garbage and non-objects', () => {
    expect(decodeSettings('%%%')).toBeNull();
    expect(decodeSettings(encodeSettings([1, 2] as unknown as Record<string, unknown>))).toBeNull();
  });
});
