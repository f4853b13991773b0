/**
 * The files that were open, kept in IndexedDB across a reload: each file's name and, where the
 * browser gives one (Chromium, for dropped files), its FileSystemFileHandle, which can be stored and
 * read again after the reload with the user's permission. Nothing of the files' contents is kept.
 */

/** What Chromium's File System Access API adds to a file handle (not in TypeScript's DOM types). */
export interface FileHandle {
  readonly kind: 'file';
  readonly name: string;
  getFile(): Promise<File>;
  queryPermission?(options: { mode: 'read' }): Promise<PermissionState>;
  requestPermission?(options: { mode: 'read' }): Promise<PermissionState>;
}

export interface KeptFile {
  name: string;
  /** Null where the browser gave no handle (a file chosen in the file dialog, another browser). */
  handle: FileHandle | null;
}

const DB = 'clm-kept-files';
const STORE = 'files';
const KEY = 'open';

/** The kept list in IndexedDB, through one connection so that a write is issued at once. */
export interface KeptFilesStore {
  /** What the last page kept (empty when nothing, or when storage is blocked). */
  read(): Promise<KeptFile[]>;
  /** Replaces the list; the write is issued in the caller's task, so a reload right after keeps it. */
  write(files: KeptFile[]): void;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export async function openKeptFiles(): Promise<KeptFilesStore> {
  let db: IDBDatabase | null = null;
  try {
    const opening = indexedDB.open(DB, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
    db = await request(opening);
  } catch {
    /* storage blocked (private-mode settings): nothing is kept, nothing offered */
  }
  const store = (mode: IDBTransactionMode) => db!.transaction(STORE, mode).objectStore(STORE);
  return {
    async read() {
      if (!db) return [];
      const files = await request<unknown>(store('readonly').get(KEY)).catch(() => null);
      return Array.isArray(files) ? (files as KeptFile[]) : [];
    },
    write(files) {
      if (!db) return;
      const s = store('readwrite');
      if (files.length) s.put(files, KEY);
      else s.delete(KEY);
    }
  };
}
