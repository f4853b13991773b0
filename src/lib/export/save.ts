/**
 * Saving a file the page made (a CSV, a chart, the settings): one implementation for every download.
 * The data goes to the browser's download through a temporary blob: URL; nothing is sent anywhere.
 */

/** Saves a blob under a file name. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves text (CSV by default, UTF-8; CSV text comes with its BOM from toCsv or the worker). */
export function saveText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  saveBlob(new Blob([text], { type }), filename);
}
