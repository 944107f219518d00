import { deleteSatchelDb } from '../db/deleteSatchelDb';
import { exportRawDatabase } from '../db/exportRawDatabase';
import type { SatchelDb } from '../db/SatchelDb';
import type { StorageState } from '../shared/protocol';
import { SatchelError } from '../shared/SatchelError';

/**
 * Holds the engine's database: opened at start, and opened again on request after a failure
 * (retry), or after deleting it (reset). Users of the database ask for the current one each
 * time, so a retry reaches them all.
 */
export function createDatabaseHolder(deps: {
  open: () => Promise<SatchelDb>;
  onState: (state: StorageState) => void;
  log: (message: string, detail?: unknown) => void;
}) {
  let current: Promise<SatchelDb>;

  function openNow(): Promise<SatchelDb> {
    current = deps.open();
    current.then(
      () => deps.onState({ status: 'ok' }),
      (error: unknown) => {
        const e = SatchelError.from(error, 'storage-error');
        deps.log('database failed to open', e);
        const status =
          e.code === 'storage-upgrade-failed'
            ? 'upgradeFailed'
            : e.code === 'storage-full'
              ? 'full'
              : 'error';
        deps.onState({ status, error: e.toData() });
      },
    );
    return current;
  }
  void openNow(); // its failure is reported by the handler above

  async function closeCurrent(): Promise<void> {
    const db = await current.catch(() => undefined);
    db?.close();
  }

  return {
    get: (): Promise<SatchelDb> => current,
    /** Whether the database opened and is still open (a write failed, not the database). */
    isOpen: async (): Promise<boolean> => (await current.catch(() => undefined))?.isOpen() ?? false,
    async retry(): Promise<void> {
      await closeCurrent();
      await openNow();
    },
    /** Erases every local record and starts with an empty database. */
    async reset(): Promise<void> {
      await closeCurrent();
      await deleteSatchelDb();
      await openNow();
    },
    exportRaw: (): Promise<string> => exportRawDatabase(),
  };
}

export type DatabaseHolder = ReturnType<typeof createDatabaseHolder>;
