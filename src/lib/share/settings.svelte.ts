/**
 * Analysis settings carried in the URL hash (`#s=<base64url JSON>`), never the data: column roles
 * per file header, the chosen view, rule parameters and model options. Opening such a link and
 * loading the same file (or the sample) reproduces the same screens. The same JSON can be saved to
 * and opened from a local project file.
 */

export type Settings = Record<string, unknown>;

/** base64url of UTF-8 JSON (Chinese headers survive; the hash stays URL-safe). */
export function encodeSettings(s: Settings): string {
  const bytes = new TextEncoder().encode(JSON.stringify(s));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Inverse of encodeSettings; null for anything that is not a settings object. */
export function decodeSettings(text: string): Settings | null {
  try {
    const bin = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    const json = new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Settings) : null;
  } catch {
    return null;
  }
}

class SharedSettings {
  values = $state<Settings>({});
  /** True when the page was opened from a link that carried settings. */
  fromLink = $state(false);

  init(): void {
    const m = /(?:^#|&)s=([A-Za-z0-9_-]+)/.exec(location.hash);
    const decoded = m ? decodeSettings(m[1]) : null;
    if (decoded) {
      this.values = decoded;
      this.fromLink = true;
    }
  }

  get<T>(key: string): T | undefined {
    return this.values[key] as T | undefined;
  }

  set(key: string, value: unknown): void {
    this.values = { ...this.values, [key]: value };
    this.write();
  }

  /** Replaces all settings (opening a project file). */
  replace(values: Settings): void {
    this.values = values;
    this.fromLink = true;
    this.write();
  }

  private write(): void {
    const url = new URL(location.href);
    url.hash = `s=${encodeSettings(this.values)}`;
    history.replaceState(history.state, '', url);
  }
}

export const settings = new SharedSettings();
