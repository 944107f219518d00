import { createContext } from 'preact';

/** Accepts a waiting update (see watchForUpdates). */
export const UpdateContext = createContext<() => void>(() => undefined);
