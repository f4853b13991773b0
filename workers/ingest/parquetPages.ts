/**
 * Flat Parquet columns decoded page by page straight into Arrow buffers. hyparquet's own column
 * reader returns a JavaScript array with one boxed value per cell for every nullable column (all of
 * them, as DuckDB and pandas write Parquet), which cost ~3 µs a cell; here its page primitives
 * (header, decompression, levels, plain and dictionary values) fill typed arrays and a validity
 * bitmap directly. Columns of another shape (nested, timestamps, decimals, delta encodings) return
 * null and are read by hyparquet's general reader.
 */
import { makeData, makeVector, Bool, DateDay, Dictionary, Float64, Int32, Int64, Utf8, type Vector } from 'apache-arrow';
import type { ColumnChunk, ParquetType, SchemaTree } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { decompressPage, readDataPage, readDataPageV2 } from 'hyparquet/src/datapage.js';
import { readPlain } from 'hyparquet/src/plain.js';
import { getMaxDefinitionLevel, isFlatColumn } from 'hyparquet/src/schema.js';

/** How a column is handed to DuckDB. */
export type Stored = 'double' | 'int64' | 'bool' | 'date' | 'timestamp' | 'text';

type Values = ArrayLike<unknown>;

/**
 * The output buffers of one column and the copy of one page into them. `copy` takes the page's
 * values (or dictionary indices with `dict`), its definition levels (empty: no nulls) and the row
 * it starts at; specialised per type so the loop allocates nothing per cell.
 */
interface Builder {
  copy(
    values: Values,
    dict: Values | null,
    levels: ArrayLike<number> | undefined,
    maxDef: number,
    row: number,
    count: number,
    bitmap: Uint8Array
  ): number;
  finish(rows: number, bitmap: Uint8Array | undefined, nulls: number): Vector;
}

/**
 * For each cell of a page, the index of its value among the page's values, or -1 for a null (and
 * the validity bit set for present cells); null for a page without nulls, whose cells are its
 * values in order (the loops below copy those without a lookup).
 */
function positions(
  levels: ArrayLike<number> | undefined,
  maxDef: number,
  row: number,
  count: number,
  bitmap: Uint8Array
): Int32Array | null {
  if (!levels?.length) {
    for (let r = row; r < row + count; r++) bitmap[r >> 3] |= 1 << (r & 7);
    return null;
  }
  const at = new Int32Array(count);
  let v = 0;
  for (let i = 0, r = row; i < count; i++, r++) {
    if (levels[i] === maxDef) {
      at[i] = v++;
      bitmap[r >> 3] |= 1 << (r & 7);
    } else at[i] = -1;
  }
  return at;
}

function countNulls(at: Int32Array | null): number {
  if (!at) return 0;
  let n = 0;
  for (let i = 0; i < at.length; i++) if (at[i] < 0) n++;
  return n;
}

function makeVectorOf(
  type: Parameters<typeof makeData>[0]['type'],
  rows: number,
  bitmap: Uint8Array | undefined,
  nulls: number,
  props: Record<string, unknown>
): Vector {
  return makeVector(makeData({ type, length: rows, nullCount: nulls, nullBitmap: bitmap, ...props } as Parameters<typeof makeData>[0]));
}

/**
 * `n` byte strings (`cell(i)`, undefined for none) as an Arrow UTF-8 vector, with the validity
 * bitmap and null count of the column. Short cells are copied byte by byte (set() costs more there).
 */
export function utf8Vector(n: number, cell: (i: number) => Uint8Array | undefined, bitmap?: Uint8Array, nulls = 0): Vector {
  const offsets = new Int32Array(n + 1);
  let size = 0;
  for (let i = 0; i < n; i++) offsets[i + 1] = size += cell(i)?.length ?? 0;
  const bytes = new Uint8Array(size);
  for (let i = 0; i < n; i++) {
    const c = cell(i);
    if (!c) continue;
    const o = offsets[i];
    if (c.length > 64) bytes.set(c, o);
    else for (let k = 0; k < c.length; k++) bytes[o + k] = c[k];
  }
  return makeVectorOf(new Utf8(), n, bitmap, nulls, { valueOffsets: offsets, data: bytes });
}

/** Where a column chunk's pages lie in the file (the dictionary page first, when there is one): [start, end). */
export function chunkRange(meta: NonNullable<ColumnChunk['meta_data']>): [number, number] {
  const data = Number(meta.data_page_offset);
  const start = meta.dictionary_page_offset ? Math.min(data, Number(meta.dictionary_page_offset)) : data;
  return [start, start + Number(meta.total_compressed_size)];
}

/** 64-bit integers as pairs of 32-bit words: reading a BigInt64Array element would allocate a BigInt. */
const words = (a: Values) => new Int32Array((a as BigInt64Array).buffer, (a as BigInt64Array).byteOffset, a.length * 2);

/** 64-bit integers as numbers (exact below 2^53, like DuckDB's cast to DOUBLE), without a BigInt each. */
export function int64Doubles(a: Values): Float64Array {
  const w = words(a);
  const out = new Float64Array(a.length);
  for (let i = 0; i < out.length; i++) out[i] = w[2 * i + 1] * 4294967296 + (w[2 * i] >>> 0);
  return out;
}

function builder(stored: Stored, rows: number): Builder | null {
  switch (stored) {
    case 'double':
    case 'date': {
      const out = stored === 'double' ? new Float64Array(rows) : new Int32Array(rows);
      return {
        copy: (values, dict, levels, maxDef, row, count, bitmap) => {
          const at = positions(levels, maxDef, row, count, bitmap);
          const vals = values as ArrayLike<number>;
          const d = dict as ArrayLike<number> | null;
          if (!at) {
            if (d) for (let i = 0; i < count; i++) out[row + i] = d[vals[i]];
            else for (let i = 0; i < count; i++) out[row + i] = vals[i];
          } else if (d) {
            for (let i = 0; i < count; i++) if (at[i] >= 0) out[row + i] = d[vals[at[i]]];
          } else {
            for (let i = 0; i < count; i++) if (at[i] >= 0) out[row + i] = vals[at[i]];
          }
          return count - countNulls(at);
        },
        finish: (n, b, z) => makeVectorOf(stored === 'double' ? new Float64() : new DateDay(), n, b, z, { data: out })
      };
    }
    case 'int64': {
      const out = new Int32Array(rows * 2);
      return {
        copy: (values, dict, levels, maxDef, row, count, bitmap) => {
          const at = positions(levels, maxDef, row, count, bitmap);
          if (dict) {
            const idx = values as ArrayLike<number>;
            const d = words(dict);
            for (let i = 0; i < count; i++) {
              const j = at ? at[i] : i;
              if (j < 0) continue;
              const k = 2 * idx[j];
              out[2 * (row + i)] = d[k];
              out[2 * (row + i) + 1] = d[k + 1];
            }
          } else if (!at) out.set(words(values), 2 * row);
          else {
            const w = words(values);
            for (let i = 0; i < count; i++) {
              if (at[i] < 0) continue;
              out[2 * (row + i)] = w[2 * at[i]];
              out[2 * (row + i) + 1] = w[2 * at[i] + 1];
            }
          }
          return count - countNulls(at);
        },
        finish: (n, b, z) => makeVectorOf(new Int64(), n, b, z, { data: new BigInt64Array(out.buffer) })
      };
    }
    case 'bool': {
      const out = new Uint8Array((rows + 7) >> 3);
      return {
        copy: (values, _dict, levels, maxDef, row, count, bitmap) => {
          const at = positions(levels, maxDef, row, count, bitmap);
          for (let i = 0; i < count; i++) {
            const j = at ? at[i] : i;
            if (j >= 0 && values[j]) out[(row + i) >> 3] |= 1 << ((row + i) & 7);
          }
          return count - countNulls(at);
        },
        finish: (n, b, z) => makeVectorOf(new Bool(), n, b, z, { data: out })
      };
    }
    case 'text': {
      // A dictionary-coded cell is its index in the chunk's dictionary (one per chunk; -1: none), a
      // plain page's cell its bytes.
      const coded = new Int32Array(rows).fill(-1);
      let cells: (Uint8Array | undefined)[] | null = null;
      let dictionary: Uint8Array[] = [];
      return {
        copy: (values, dict, levels, maxDef, row, count, bitmap) => {
          const at = positions(levels, maxDef, row, count, bitmap);
          if (dict) {
            dictionary = dict as Uint8Array[];
            const idx = values as ArrayLike<number>;
            if (!at) for (let i = 0; i < count; i++) coded[row + i] = idx[i];
            else for (let i = 0; i < count; i++) if (at[i] >= 0) coded[row + i] = idx[at[i]];
          } else {
            cells ??= new Array(rows);
            const vals = values as ArrayLike<Uint8Array>;
            for (let i = 0; i < count; i++) {
              const j = at ? at[i] : i;
              if (j >= 0) cells[row + i] = vals[j];
            }
          }
          return count - countNulls(at);
        },
        finish: (n, b, z) => {
          // All cells from the dictionary: handed over as Arrow's dictionary type, which DuckDB reads
          // as VARCHAR, so no cell's bytes are copied here nor read back there.
          if (!cells) {
            for (let i = 0; i < n; i++) if (coded[i] < 0) coded[i] = 0;
            return makeVectorOf(new Dictionary(new Utf8(), new Int32()), n, b, z, {
              data: coded,
              dictionary: utf8Vector(dictionary.length, (i) => dictionary[i])
            });
          }
          return utf8Vector(n, (i) => (coded[i] >= 0 ? dictionary[coded[i]] : cells?.[i]), b, z);
        }
      };
    }
    default:
      return null;
  }
}

/**
 * A version-1 data page of a flat column: definition levels and values (dictionary indices for a
 * dictionary-encoded page) decoded into typed arrays — hyparquet's readDataPage fills plain arrays.
 */
function readPageV1(
  page: Uint8Array,
  count: number,
  encoding: string,
  maxDef: number,
  type: ParquetType,
  typeLength: number | undefined
): { levels: Int32Array | undefined; values: Values } | null {
  const reader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 };
  let levels: Int32Array | undefined;
  let nulls = 0;
  if (maxDef) {
    const length = reader.view.getUint32(0, true);
    if (!allPresent(page, 4, 4 + length, count, maxDef)) {
      levels = new Int32Array(count);
      readHybrid(page, 4, 4 + length, 32 - Math.clz32(maxDef), levels);
      for (let i = 0; i < count; i++) if (levels[i] !== maxDef) nulls++;
      if (nulls === 0) levels = undefined;
    }
    reader.offset = 4 + length;
  }
  const n = count - nulls;
  if (encoding === 'PLAIN') return { levels, values: readPlain(reader, type, n, typeLength) };
  if (encoding === 'PLAIN_DICTIONARY' || encoding === 'RLE_DICTIONARY') {
    const width = page[reader.offset];
    const values = new Int32Array(n);
    if (width) readHybrid(page, reader.offset + 1, page.byteLength, width, values);
    return { levels, values };
  }
  return null;
}

/** Reads an unsigned LEB128 integer at `at`: [value, next offset]. */
function varint(bytes: Uint8Array, at: number): [number, number] {
  let value = 0;
  let shift = 0;
  let b: number;
  do {
    b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return [value, at];
}

/** Whether definition levels in [start, end) are one run of `count` present cells (no nulls). */
function allPresent(bytes: Uint8Array, start: number, end: number, count: number, maxDef: number): boolean {
  const [header, at] = varint(bytes, start);
  if (header & 1 || header / 2 < count) return false;
  let value = 0;
  for (let k = 0, width = (32 - Math.clz32(maxDef) + 7) >> 3; k < width; k++) value |= bytes[at + k] << (8 * k);
  return value === maxDef && at <= end;
}

/**
 * The RLE / bit-packed hybrid encoding (definition levels, dictionary indices) of [start, end) into
 * `out`: hyparquet's readRleBitPackedHybrid reads bit-packed runs a bit step at a time through a
 * DataView (and overflows past 24 bits); here a 32-bit accumulator takes whole bytes.
 */
export function readHybrid(bytes: Uint8Array, start: number, end: number, width: number, out: Int32Array): void {
  const mask = width >= 32 ? -1 : (1 << width) - 1;
  const valueBytes = (width + 7) >> 3;
  let seen = 0;
  let at = start;
  while (seen < out.length && at < end) {
    let header: number;
    [header, at] = varint(bytes, at);
    if (header & 1) {
      const groups = header >>> 1;
      const take = Math.min(groups * 8, out.length - seen);
      if (width <= 24) {
        let p = at;
        let buf = 0;
        let bits = 0;
        for (let i = 0; i < take; i++) {
          while (bits < width) {
            buf |= bytes[p++] << bits;
            bits += 8;
          }
          out[seen++] = buf & mask;
          buf >>>= width;
          bits -= width;
        }
      } else {
        // Wider values (more than 16M dictionary entries) bit by bit.
        for (let i = 0; i < take; i++) {
          let v = 0;
          for (let b = 0, q = i * width; b < width; b++, q++) v += ((bytes[at + (q >> 3)] >> (q & 7)) & 1) * 2 ** b;
          out[seen++] = v;
        }
      }
      at += groups * width;
    } else {
      const run = header >>> 1;
      let value = 0;
      for (let k = 0; k < valueBytes; k++) value += bytes[at + k] * 2 ** (8 * k);
      at += valueBytes;
      const stop = Math.min(seen + run, out.length);
      out.fill(value & mask, seen, stop);
      seen = stop;
    }
  }
}

/** The physical shapes handled here for each stored type. */
function handled(stored: Stored, node: SchemaTree): boolean {
  const { type, converted_type: ct, logical_type: lt } = node.element;
  switch (stored) {
    case 'double':
      return (type === 'DOUBLE' || type === 'FLOAT' || type === 'INT32') && !ct && !lt;
    case 'int64':
      return type === 'INT64' && (!ct || ct === 'INT_64') && (!lt || lt.type === 'INTEGER');
    case 'date':
      return type === 'INT32';
    case 'bool':
      return type === 'BOOLEAN';
    case 'text':
      return type === 'BYTE_ARRAY' && (!ct || ct === 'UTF8') && (!lt || lt.type === 'STRING');
    default:
      return false;
  }
}

/**
 * One column chunk of a row group as an Arrow vector, or null when its shape is not handled here.
 * `read` returns the bytes of a range of the file; `asDouble` reads 64-bit integers as DOUBLE.
 */
export async function readFlatColumn(
  read: (start: number, end: number) => Promise<Uint8Array>,
  chunk: ColumnChunk,
  rows: number,
  schemaPath: SchemaTree[],
  stored: Stored,
  asDouble = false
): Promise<Vector | null> {
  const node = schemaPath[schemaPath.length - 1];
  const meta = chunk.meta_data;
  if (!meta || !isFlatColumn(schemaPath) || !handled(stored, node)) return null;
  const doubles = asDouble && stored === 'int64';
  const out = builder(doubles ? 'double' : stored, rows);
  if (!out) return null;
  const bytes = await read(...chunkRange(meta));
  const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
  const decoder = {
    type: meta.type,
    element: node.element,
    schemaPath,
    codec: meta.codec,
    pathInSchema: meta.path_in_schema,
    parsers: {} as never
  };
  const maxDef = getMaxDefinitionLevel(schemaPath);
  const bitmap = new Uint8Array((rows + 7) >> 3);
  let dictionary: Values | null = null;
  let row = 0;
  let present = 0;
  while (reader.offset < bytes.length && row < rows) {
    const header = parquetHeader(reader);
    const compressed = bytes.subarray(reader.offset, reader.offset + header.compressed_page_size);
    reader.offset += header.compressed_page_size;
    if (header.type === 'DICTIONARY_PAGE') {
      const page = decompressPage(compressed, header.uncompressed_page_size, meta.codec, undefined);
      const values = readPlain(
        { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 },
        meta.type,
        header.dictionary_page_header!.num_values,
        node.element.type_length
      );
      dictionary = doubles ? int64Doubles(values) : stored === 'int64' ? new BigInt64Array(values as BigInt64Array) : values;
      continue;
    }
    let levels: ArrayLike<number> | undefined;
    let values: Values;
    let encoding: string;
    let count: number;
    if (header.type === 'DATA_PAGE' && stored !== 'bool') {
      const page = decompressPage(compressed, header.uncompressed_page_size, meta.codec, undefined);
      encoding = header.data_page_header!.encoding;
      count = header.data_page_header!.num_values;
      const decoded = readPageV1(page, count, encoding, maxDef, meta.type, node.element.type_length);
      if (!decoded) return null;
      ({ levels, values } = decoded);
    } else if (header.type === 'DATA_PAGE') {
      const page = decompressPage(compressed, header.uncompressed_page_size, meta.codec, undefined);
      ({ definitionLevels: levels, dataPage: values } = readDataPage(page, header.data_page_header!, decoder));
      encoding = header.data_page_header!.encoding;
      count = header.data_page_header!.num_values;
    } else if (header.type === 'DATA_PAGE_V2') {
      ({ definitionLevels: levels, dataPage: values } = readDataPageV2(compressed, header, decoder));
      encoding = header.data_page_header_v2!.encoding;
      count = header.data_page_header_v2!.num_values;
    } else continue;
    const byIndex = encoding.endsWith('_DICTIONARY');
    if (byIndex && !dictionary) return null;
    if (!byIndex && encoding !== 'PLAIN' && !(stored === 'bool' && encoding === 'RLE')) return null;
    if (row + count > rows) return null;
    if (doubles && !byIndex) values = int64Doubles(values);
    present += out.copy(values, byIndex ? dictionary : null, levels, maxDef, row, count, bitmap);
    row += count;
  }
  if (row !== rows) return null;
  return out.finish(rows, present === rows ? undefined : bitmap, rows - present);
}
