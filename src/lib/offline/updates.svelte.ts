/**
 * The page's side of updates (see src/service-worker.ts): a new version installs in the
 * background and waits; `ready` turns true and the header offers "reload to update"; `apply()` lets
 * the new version take over and reloads this tab. Nothing is swapped under the user: another tab
 * that updated leaves this one running its own version (its files stay cached), with the offer.
 *
 * The page also tells the service worker which version it runs, so that version's files are kept
 * while this tab is open.
 */
import { version } from '$app/environment';

class Updates {
  /** A newer version is installed (waiting, or already active after another tab updated). */
  ready = $state(false);
  private registration: ServiceWorkerRegistration | null = null;
  private applying = false;

  init(): void {
    if (!('serviceWorker' in navigator)) return;
    const container = navigator.serviceWorker;
    container.addEventListener('message', (e) => {
      if ((e.data as { type?: string } | null)?.type === 'clm:version?') e.ports[0]?.postMessage({ version });
    });
    container.startMessages();
    let controlled = container.controller !== null;
    container.addEventListener('controllerchange', () => {
      if (this.applying) location.reload();
      // The first version taking this tab is not an update; a later change is another tab's update.
      else if (controlled) this.ready = true;
      controlled = true;
    });
    container.controller?.postMessage({ type: 'clm:hello' });
    void container.ready.then((registration) => this.watch(registration));
  }

  private watch(registration: ServiceWorkerRegistration): void {
    this.registration = registration;
    const waiting = () => {
      if (registration.waiting && navigator.serviceWorker.controller) this.ready = true;
    };
    waiting();
    registration.addEventListener('updatefound', () => {
      const installing = registration.installing;
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'installed') waiting();
      });
    });
    // A tab left open for days still hears of a deploy (browsers check on navigation only).
    setInterval(() => void registration.update().catch(() => {}), 60 * 60 * 1000);
  }

  /** Lets the waiting version take over, then reloads (or just reloads if it already has). */
  apply(): void {
    const waiting = this.registration?.waiting;
    if (!waiting) return location.reload();
    this.applying = true;
    waiting.postMessage({ type: 'clm:skip-waiting' });
  }
}

export const updates = new Updates();
