/**
 * Reloads lose the data (it lives in the engine worker), so: the page warns before unloading while
 * data is loaded (ReopenOffer.svelte), and the files that were open are kept by name, with their
 * file handles where the browser gives them (Chromium, for dropped files), so that after a reload
 * the page offers "reload the files you had open". The handles are read again with the user's
 * permission, asked on that click; files without a handle are named, to be chosen again.
 *
 * Files reach the page through the drop zone and the file dialog, which this does not change: it
 * listens on the document in the capture phase, before their own handlers, and notes each file's
 * name and handle. What is kept is what the workspace then loaded.
 */
import { openKeptFiles, type FileHandle, type KeptFile, type KeptFilesStore } from './keptFiles';

/** Chromium's DataTransferItem.getAsFileSystemHandle (not in TypeScript's DOM types). */
interface DroppedItem {
  getAsFileSystemHandle?(): Promise<{ kind: string } | null>;
}

export class Reopen {
  /** Files of the last page that are not loaded again yet: the offer. */
  offered = $state.raw<KeptFile[]>([]);
  /** Names of offered files that could not be opened on the last try. */
  failed = $state.raw<string[]>([]);
  /** Every file given to this page, by name, with its handle once the browser gave one. */
  private given = new Map<string, FileHandle | null>();
  private loaded: string[] = [];
  /** Null until what the last page kept has been read (nothing is written before that). */
  private store: KeptFilesStore | null = null;

  /** Reads what the last page kept and starts noting the files given to this one; returns a stop. */
  start(): () => void {
    void openKeptFiles().then(async (store) => {
      this.offered = (await store.read()).filter((f) => !this.loaded.includes(f.name));
      this.store = store;
      this.save();
    });
    const onDrop = (e: DragEvent) => {
      for (const item of e.dataTransfer?.items ?? []) {
        const file = item.kind === 'file' ? item.getAsFile() : null;
        if (!file) continue;
        this.given.set(file.name, null);
        // Must be asked during the drop event; the handle itself arrives later.
        void (item as DroppedItem).getAsFileSystemHandle?.().then(
          (h) => {
            if (h?.kind !== 'file') return;
            this.given.set(file.name, h as FileHandle);
            this.save();
          },
          () => {}
        );
      }
    };
    const onChange = (e: Event) => {
      if (e.target instanceof HTMLInputElement && e.target.type === 'file')
        for (const f of e.target.files ?? []) this.given.set(f.name, null);
    };
    document.addEventListener('drop', onDrop, true);
    document.addEventListener('change', onChange, true);
    return () => {
      document.removeEventListener('drop', onDrop, true);
      document.removeEventListener('change', onChange, true);
    };
  }

  /** The loaded files' names changed: keep those given to this page, and what is still offered. */
  sync(names: string[]): void {
    this.loaded = names;
    this.offered = this.offered.filter((f) => !names.includes(f.name));
    this.save();
  }

  /**
   * The offered files, read again for loading; runs in the click, whose user activation the
   * permission request needs.
   */
  async reopen(): Promise<File[]> {
    const offered = this.offered;
    const files = offered.filter((f) => f.handle);
    // Every permission request starts before the first await, while the click still counts.
    const allowed = await Promise.all(files.map((f) => permission(f.handle!)));
    const opened: File[] = [];
    const failed: string[] = [];
    for (const [i, f] of files.entries()) {
      try {
        if (!allowed[i]) throw new Error('not allowed');
        opened.push(await f.handle!.getFile());
        this.given.set(f.name, f.handle);
      } catch {
        failed.push(f.name);
      }
    }
    this.failed = failed;
    return opened;
  }

  /** Drops the offer (the files stay where they are on disk; only the note of them goes). */
  forget(): void {
    this.offered = [];
    this.failed = [];
    this.save();
  }

  private save(): void {
    const kept = this.loaded.filter((name) => this.given.has(name)).map((name) => ({ name, handle: this.given.get(name)! }));
    this.store?.write([...kept, ...this.offered.filter((f) => !this.loaded.includes(f.name))]);
  }
}

async function permission(handle: FileHandle): Promise<boolean> {
  // Browsers without the permission methods decide in getFile().
  if (!handle.queryPermission || !handle.requestPermission) return true;
  if ((await handle.queryPermission({ mode: 'read' })) === 'granted') return true;
  return (await handle.requestPermission({ mode: 'read' })) === 'granted';
}
