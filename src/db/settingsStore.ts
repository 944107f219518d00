/** Small per-install values by key. */
import { withDbErrors } from './mapDbError';
import type { SatchelDb } from './SatchelDb';

const INSTALL_RESOURCE = 'installResource';

function randomHex(bytes: number): string {
  const buffer = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(buffer, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface SettingsStoreDeps {
  db: SatchelDb;
  /** Source of the install resource's random part (tests pass a fixed one). */
  randomSuffix?: () => string;
}

export function createSettingsStore({ db, randomSuffix = () => randomHex(4) }: SettingsStoreDeps) {
  return {
    /** The stored value; its type is the caller's to know (settings are not validated). */
    get: <T>(key: string) =>
      withDbErrors(
        async (): Promise<T | undefined> => (await db.settings.get(key))?.value as T | undefined,
      ),

    set: (key: string, value: unknown) => withDbErrors(() => db.settings.put({ key, value })),

    /**
     * The XMPP resource of this install, like `satchel-ab12cd34`, created on first use and then
     * stable: two installs with the same resource would kick each other off (RFC 6120 §7.7.2.2,
     * Prosody's default conflict rule). Read and created in one transaction, so two callers
     * racing get the same one.
     */
    installResource: () =>
      withDbErrors(() =>
        db.transaction('rw', db.settings, async (): Promise<string> => {
          const stored = await db.settings.get(INSTALL_RESOURCE);
          if (typeof stored?.value === 'string') return stored.value;
          const resource = `satchel-${randomSuffix()}`;
          await db.settings.put({ key: INSTALL_RESOURCE, value: resource });
          return resource;
        }),
      ),
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
