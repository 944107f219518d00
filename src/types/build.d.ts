/** Replaced at build time by vite.config.ts: the deployment's identifier. */
declare const __SATCHEL_BUILD__: string;
