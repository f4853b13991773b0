/**
 * What every view reaches through context instead of props threaded through each panel: the
 * engine, the workspace (loaded data), the saved segments (which narrow what is analysed) and the
 * feature states. The getters throw when no provider (App) is above the component.
 */
import { createContext } from 'svelte';
import type { EngineClient } from '$lib/engine/client.svelte';
import type { Workspace } from '$lib/workspace/workspace.svelte';
import type { SavedSegments } from '$lib/features/segments/saved.svelte';
import type { FeatureStates } from '$lib/features/states.svelte';

export interface Workbench {
  engine: EngineClient;
  workspace: Workspace;
  segments: SavedSegments;
  features: FeatureStates;
}

const [getWorkbench, setWorkbench] = createContext<Workbench>();

export { getWorkbench };
/** Provides the workbench to every component below (App does this once). */
export const provideWorkbench = setWorkbench;
export const getEngine = (): EngineClient => getWorkbench().engine;
export const getWorkspace = (): Workspace => getWorkbench().workspace;
export const getSavedSegments = (): SavedSegments => getWorkbench().segments;
