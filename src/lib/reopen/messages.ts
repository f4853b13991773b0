/** Strings of the offer to reopen files after a reload, in English and Chinese. */
import { dictionary } from '$lib/i18n/i18n.svelte';

export const m = dictionary(
  {
    hadOpen: 'Files you had open last time: {files}.',
    reopen: 'Reload the files you had open',
    chooseAgain: 'Choose again (this browser gives no lasting access to them): {files}.',
    forget: 'Forget them',
    notReopened: 'Could not open {files} again (moved, deleted, or access not allowed); choose them again.'
  },
  {
    hadOpen: '上次打开的文件：{files}。',
    reopen: '重新载入之前打开的文件',
    chooseAgain: '以下文件需要重新选择（浏览器未提供持续访问权限）：{files}。',
    forget: '不再提示',
    notReopened: '无法再次打开 {files}（已移动、删除或未获允许），请重新选择。'
  }
);
