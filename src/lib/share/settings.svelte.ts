/**
 * Analysis settings carried in the URL hash (`#s=<base64url JSON>`), never the data: column roles
 * per file header, the chosen view, rule parameters and model options. Opening such a link and
 * loading the same file (or the sample) reproduces the same screens. The same JSON can be saved to
 * and opened from a local project file.
 *
 * A link or a file may be old, hand-edited or hostile. Everything read from one passes the same
 * checks: a size and a nesting limit before it is parsed (a 20,000-deep text would overflow the
 * stack of every later JSON.stringify; a 3 MB file would make a 4,000,000-character URL), keys that
 * reach prototypes (`__proto__`, `constructor`, `prototype`) removed, then each tab's fields checked
 * against their defaults' kinds, enums and ranges (`linked`). What fails is dropped and named in a
 * visible note (`settings.dropped`); nothing from a link can stop the page or a file from loading.
 */

import { untrack } from 'svelte';
import {
  changedFrom,
  copy,
  mergeLinked,
  readSettingsHash,
  encodeSettings,
  type Checks,
  type Settings,
  type SettingsProblem
} from '$common/settings';

export {
  SETTINGS_LIMITS,
  jsonDepth,
  parseSettings,
  encodeSettings,
  readSettingsHash,
  decodeSettings,
  mergeLinked,
  changedFrom
} from '$common/settings';
export type { Settings, SettingsProblem, Checks } from '$common/settings';

class SharedSettings {
  /** Replaced whole, never mutated in place (plain JSON, no deep proxies). */
  values = $state.raw<Settings>({});
  /** True when the page was opened from a link (or a settings file) that carried settings. */
  fromLink = $state(false);
  /** Fields of the link or file that failed their checks and were left at their defaults (`tab.field`). */
  dropped = $state.raw<string[]>([]);
  /** Set when a link's settings were refused whole. */
  problem = $state<SettingsProblem | null>(null);
  /** Every field reported in `dropped` since the settings were read. */
  #reported = new Set<string>();

  init(): void {
    const m = /(?:^#|&)s=([^&]*)/.exec(location.hash);
    if (!m) return;
    const r = readSettingsHash(m[1]);
    if ('values' in r) {
      this.values = r.values;
      this.fromLink = true;
      this.dropped = r.removed;
      this.#reported = new Set(r.removed);
    } else this.problem = r.problem;
  }

  get<T>(key: string): T | undefined {
    return untrack(() => (Object.hasOwn(this.values, key) ? this.values[key] : undefined)) as T | undefined;
  }

  /** Sets one key (undefined removes it). Untracked, so an effect may record what it shows. */
  set(key: string, value: unknown): void {
    untrack(() => {
      const next = { ...this.values };
      if (value === undefined) delete next[key];
      else next[key] = value;
      this.values = next;
      this.write();
    });
  }

  /** Replaces all settings (opening a settings file; the values and the keys removed come from parseSettings). */
  replace(values: Settings, removed: string[] = []): void {
    this.values = values;
    this.fromLink = true;
    this.dropped = removed;
    this.#reported = new Set(removed);
    this.problem = null;
    this.write();
  }

  /**
   * Records that a field of the link failed its check (shown in a note, once, even after the note was
   * dismissed). A link may be read while a view renders, where state must not change: the note
   * follows in a microtask.
   */
  drop(path: string): void {
    if (this.#reported.has(path)) return;
    this.#reported.add(path);
    queueMicrotask(() => (this.dropped = [...this.dropped, path]));
  }

  private write(): void {
    const url = new URL(location.href);
    url.hash = `s=${encodeSettings(this.values)}`;
    history.replaceState(history.state, '', url);
  }
}

export const settings = new SharedSettings();

/** One tab's settings in the link: read validated over the defaults, saved as what differs from them. */
export interface Linked<T extends object> {
  readonly key: string;
  readonly defaults: T;
  /** The stored settings (from the link, or saved earlier this session) merged over the defaults. */
  read(): T;
  /** Records `patch` over the current settings; the link keeps only what differs from the defaults. */
  save(patch: Partial<T>): void;
}

/**
 * A tab's typed handle on its key of the shared settings. Views read it once when they mount (a link
 * opened elsewhere reproduces the screen) and save when the user computes or changes a choice.
 */
export function linked<T extends object>(key: string, defaults: T, checks: Checks<T> = {}): Linked<T> {
  const read = () => mergeLinked(settings.get(key), defaults, checks, (path) => settings.drop(`${key}.${path}`));
  return {
    key,
    defaults,
    read,
    save(patch) {
      const next = copy(patch); // reads the caller's state here, so an effect that saves tracks it
      untrack(() => settings.set(key, changedFrom({ ...read(), ...next } as T, defaults)));
    }
  };
}
