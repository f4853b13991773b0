/**
 * The parameters of each analysis, read from the settings file the site saves (Save settings): each
 * tab's keys, defaults and field checks are the ones its link reads (common/<tab>Settings.ts),
 * merged by the same `mergeLinked` (common/settings.ts). A field that fails its check falls back to
 * its default and is named on stderr, as the page names it in a note.
 */
import { readFile } from 'node:fs/promises';
import { mergeLinked, parseSettings, SETTINGS_LIMITS, type Settings, type TabSettings } from '../../common/settings.ts';
import { linkedRolesWith, signatureOf } from '../../common/headers.ts';
import { BTYD_SETTINGS, type BtydSettings } from '../../common/ltvSettings.ts';
import { LIFECYCLE_SETTINGS, ruleFromSettings } from '../../common/lifecycleSettings.ts';
import type { ColumnRole } from '../../workers/contract.ts';
import type { RuleSetInfo } from '../../workers/lifecycle/contract.ts';
import type { PurchaseModelId } from '../../workers/ltv/contract.ts';
import { ROLE_KIND } from '../../workers/engine/typed.ts';
import { CliError } from './errors.ts';

/** The Lifetime value tab's BTYD panel, key 'ltv' field 'btyd' (its other panels are teaching tools of the page). */
export const LTV_SETTINGS: TabSettings<{ btyd: BtydSettings & { model: PurchaseModelId } }> = {
  key: 'ltv',
  // Any saved model id is passed on: the worker scores with the anchor model when it is not one.
  defaults: { btyd: BTYD_SETTINGS.defaults as BtydSettings & { model: PurchaseModelId } },
  checks: { btyd: BTYD_SETTINGS.checks }
};

/** A settings file as the site saves it, with the fields it dropped (shown on stderr). */
export class SiteSettings {
  readonly dropped: string[];

  private constructor(
    readonly values: Settings,
    removed: string[]
  ) {
    this.dropped = [...removed];
  }

  /** Records a field that failed its check (once). */
  private drop(field: string): void {
    if (!this.dropped.includes(field)) this.dropped.push(field);
  }

  static empty(): SiteSettings {
    return new SiteSettings({}, []);
  }

  /** Settings already parsed (tests; a page's `settings.values`). */
  static of(values: Settings): SiteSettings {
    return new SiteSettings(values, []);
  }

  /** Reads and checks a settings file (or, for `--roles`, an array of roles); anything else is a usage error. */
  static async read(file: string, rolesArray = false): Promise<SiteSettings> {
    let text: string;
    try {
      text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
    } catch (e) {
      throw new CliError('usage', `Cannot read the settings file ${file}: ${(e as Error).message}`);
    }
    if (rolesArray && /^\s*\[/.test(text) && text.length <= SETTINGS_LIMITS.chars) {
      let roles: unknown;
      try {
        roles = JSON.parse(text);
      } catch {
        throw new CliError('usage', `${file} is not JSON.`);
      }
      const bad = (roles as unknown[]).find((r) => typeof r !== 'string' || !Object.hasOwn(ROLE_KIND, r));
      if (bad !== undefined)
        throw new CliError('usage', `${file}: ${JSON.stringify(bad)} is not a column role (${Object.keys(ROLE_KIND).join(', ')}).`);
      const out = SiteSettings.empty();
      out.columnRoles = roles as ColumnRole[];
      return out;
    }
    const r = parseSettings(text);
    if ('problem' in r) throw new CliError('usage', `${file} is not a settings file saved by the site (${r.problem}).`);
    return new SiteSettings(r.values, r.removed);
  }

  /** Roles by position from a `--roles` file holding a JSON array (as `clm load --json` prints them). */
  columnRoles: ColumnRole[] | null = null;

  /**
   * Reads `--roles`: a JSON array of roles, one per column, or a settings file whose "roles" (per
   * header) are taken over those of `--settings`.
   */
  async addRoles(file: string): Promise<void> {
    const other = await SiteSettings.read(file, true);
    if (other.columnRoles) {
      this.columnRoles = other.columnRoles;
      return;
    }
    const mine = Object.hasOwn(this.values, 'roles') && this.values.roles && typeof this.values.roles === 'object' ? this.values.roles : {};
    const theirs =
      Object.hasOwn(other.values, 'roles') && other.values.roles && typeof other.values.roles === 'object' ? other.values.roles : {};
    this.values.roles = { ...mine, ...theirs };
    for (const d of other.dropped) this.drop(d);
  }

  /** One tab's settings over its defaults, checked field by field. */
  tab<T extends object>(spec: TabSettings<T>): T {
    const raw = Object.hasOwn(this.values, spec.key) ? this.values[spec.key] : undefined;
    return mergeLinked(raw, spec.defaults, spec.checks, (p) => this.drop(`${spec.key}.${p}`));
  }

  /** Roles by header signature (the ingest's `rolesByHeader`), from the settings' `roles`. */
  rolesByHeader(): Record<string, ColumnRole[]> {
    const raw = Object.hasOwn(this.values, 'roles') ? this.values.roles : undefined;
    const byKey = linkedRolesWith<ColumnRole>(
      raw,
      (r) => Object.hasOwn(ROLE_KIND, r),
      (k) => this.drop(`roles.${signatureOf(k)}`)
    );
    return Object.fromEntries(Object.entries(byKey).map(([k, roles]) => [signatureOf(k), roles]));
  }

  /** The lifecycle rule set and its parameters, checked against the rule sets offered (as the page's `ruleFromLink`). */
  lifecycleRule(ruleSets: RuleSetInfo[]): { rule: RuleSetInfo; values: Record<string, number>; cuts: string } {
    const saved = this.tab(LIFECYCLE_SETTINGS);
    return { ...ruleFromSettings(saved, ruleSets, (path) => this.drop(path)), cuts: saved.cuts };
  }
}
