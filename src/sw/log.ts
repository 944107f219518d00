/** Worker log: one prefix so the DevTools console of the worker can be filtered. */
export function log(message: string, detail?: unknown): void {
  if (detail === undefined) console.info(`[satchel] ${message}`);
  else console.warn(`[satchel] ${message}`, detail);
}
