/** The update notice's strings in English and Chinese. */
import { dictionary } from '$lib/i18n/i18n.svelte';

export const m = dictionary(
  {
    updateReady: 'A new version of the workbench is ready.',
    reloadToUpdate: 'Reload to update'
  },
  {
    updateReady: '工作台有新版本可用。',
    reloadToUpdate: '重新加载以更新'
  }
);
