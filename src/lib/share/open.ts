/**
 * Opening a settings file applies its settings to the page as it is: the loaded data stays loaded
 * (it used to be unloaded by a page reload, without warning). The file is refused whole if it is
 * too large, too deep or not settings; otherwise its fields pass the same checks as a link's.
 */
import type { Workbench } from '$lib/context';
import { checkLinkedSettings } from './links';
import { parseSettings, settings, SETTINGS_LIMITS, type SettingsProblem } from './settings.svelte';

/** Reads and applies a settings file; null when applied, else why it was refused. */
export async function openSettings(file: File, wb: Workbench): Promise<SettingsProblem | null> {
  // UTF-8 takes at most 3 bytes a character: a bigger file cannot be within the limit (not read at all).
  if (file.size > SETTINGS_LIMITS.chars * 3) return 'too-large';
  const parsed = parseSettings(await file.text());
  if ('problem' in parsed) return parsed.problem;
  settings.replace(parsed.values, parsed.removed);
  checkLinkedSettings();
  // Every tab reads its settings again; the data is typed and segmented as the settings say.
  wb.features.clear();
  await wb.workspace.applyLinkedRoles();
  await wb.segments.reload(wb.workspace.datasets);
  return null;
}
