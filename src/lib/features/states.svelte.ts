/**
 * The feature states of the app (one per feature: its form, its tasks and their results). A state
 * is made the first time its view needs it and outlives the view: leaving a tab and coming back shows
 * the last results without running anything again. Each state is made by its own feature's module,
 * which loads with the view, so the page's first script stays small.
 */
export class FeatureStates {
  #states = new Map<string, unknown>();
  /** Bumped when the states are dropped: views keyed on it are built afresh. */
  generation = $state(0);

  /** The state under `key`, made by `make` on first use. */
  get<S>(key: string, make: () => S): S {
    let s = this.#states.get(key) as S | undefined;
    if (s === undefined) this.#states.set(key, (s = make()));
    return s;
  }

  /** Drops every state (new settings were opened: each reads them again); the data stays loaded. */
  clear(): void {
    this.#states.clear();
    this.generation++;
  }
}
