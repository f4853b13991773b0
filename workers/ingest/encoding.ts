/**
 * Transcoding for files DuckDB cannot read as they are. DuckDB's CSV reader decodes UTF-8 only
 * here (its encodings extension cannot be fetched offline), so a GB18030 (or UTF-16) upload is
 * decoded in the worker chunk by chunk and the caller registers `new Blob(parts)` (a Blob stores
 * strings as UTF-8) in place of the file.
 */
import type { Encoding } from '../contract.ts';

/** Reads `length` bytes at `offset` (e.g. `file.slice(o, o + n).arrayBuffer()` wrapped in a Uint8Array). */
export type ReadBytes = (offset: number, length: number) => Promise<Uint8Array>;

export interface TranscodeOptions {
  /** Called after each chunk with bytes done and total. */
  onProgress?: (done: number, total: number) => void;
  /** Bytes per read (default 8 MiB: large enough to be fast, small enough for a 32-bit wasm heap). */
  chunkSize?: number;
  /** Called for each line holding bytes the encoding cannot decode (at most `examples` times). */
  onUndecodable?: (line: UndecodableLine) => void;
  examples?: number;
}

/** A line with undecodable bytes: as decoded (with U+FFFD) and as the other candidate reads it. */
export interface UndecodableLine {
  asChosen: string;
  asAlternative: string;
}

/** The text of the line around `at` in `text`. */
function lineAround(text: string, at: number): { from: number; to: number } {
  const from = text.lastIndexOf('\n', at) + 1;
  const to = text.indexOf('\n', at);
  return { from, to: to < 0 ? text.length : to };
}

/** Bytes between the k-th and (k+1)-th line feed of `bytes` (k = 0: from the start). */
function byteLine(bytes: Uint8Array, k: number): Uint8Array {
  let from = 0;
  for (let j = 0; j < k && from >= 0; j++) from = bytes.indexOf(10, from) + 1 || -1;
  if (from < 0) return new Uint8Array();
  const to = bytes.indexOf(10, from);
  return bytes.subarray(from, to < 0 ? bytes.length : to);
}

/** The WHATWG label for our encoding names; `utf-8-bom` decodes as UTF-8 (the BOM is removed). */
export function decoderLabel(encoding: Encoding): string {
  return encoding === 'utf-8-bom' ? 'utf-8' : encoding;
}

/**
 * Decodes `size` bytes read through `read` into UTF-16 string parts. `decode(chunk, { stream: true })`
 * carries a character split across two chunks over to the next call, and the final `decode()`
 * flushes it, so chunk boundaries never produce U+FFFD. A leading BOM is dropped (the decoder
 * removes it; a second guard covers a U+FEFF that survived).
 * @throws whatever `read` throws; a missing GB18030 decoder throws a RangeError from TextDecoder.
 */
export async function transcodeToUtf8Chunks(
  read: ReadBytes,
  size: number,
  encoding: Encoding,
  options: TranscodeOptions = {}
): Promise<string[]> {
  const { onProgress, chunkSize = 8 * 1024 * 1024 } = options;
  if (!(chunkSize > 0)) throw new RangeError('chunkSize must be positive');
  const decoder = new TextDecoder(decoderLabel(encoding));
  const alternative = new TextDecoder(encoding === 'gb18030' ? 'utf-8' : 'gb18030');
  const parts: string[] = [];
  let examples = options.examples ?? 5;
  for (let offset = 0; offset < size;) {
    const length = Math.min(chunkSize, size - offset);
    const bytes = await read(offset, length);
    if (bytes.length === 0) throw new Error(`read returned no bytes at offset ${offset} of ${size}`);
    const text = decoder.decode(bytes, { stream: true });
    // Undecodable bytes become U+FFFD; the loader rejects the rows holding one. Line feeds are never
    // part of a GB18030 character, so the k-th line of the decoded chunk is the k-th line of its bytes.
    for (let at = text.indexOf('\uFFFD'); at >= 0 && examples > 0 && options.onUndecodable; at = text.indexOf('\uFFFD', at + 1)) {
      const { from, to } = lineAround(text, at);
      const k = text.slice(0, from).split('\n').length - 1;
      options.onUndecodable({
        asChosen: text.slice(from, to).replace(/\r$/, ''),
        asAlternative: alternative.decode(byteLine(bytes, k)).replace(/\r$/, '')
      });
      examples--;
      at = to;
    }
    if (text) parts.push(text);
    offset += bytes.length;
    onProgress?.(offset, size);
  }
  const tail = decoder.decode();
  if (tail) parts.push(tail);
  if (parts.length > 0 && parts[0].startsWith('\uFEFF')) parts[0] = parts[0].slice(1);
  return parts;
}
