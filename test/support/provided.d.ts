// What test/support/e2eGlobalSetup.ts provides to e2e test files through `inject(key)`.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built app, e.g. http://localhost:PORT/ (a secure context). */
    appUrl: string;
    /** The shared Prosody's WebSocket endpoint (RFC 7395). */
    wsUrl: string;
    /** Its XMPP domain, "localhost". */
    domain: string;
    /** Its pubsub component, "pubsub.localhost". */
    pubsubService: string;
    /** Its data directory (config, logs, database). */
    prosodyConfigDir: string;
    /** Its config file, for prosodyctl (registerAccount in accounts.ts). */
    prosodyConfigPath: string;
  }
}
