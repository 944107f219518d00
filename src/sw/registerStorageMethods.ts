import type { RpcRouter } from '../rpc/server/createRpcRouter';
import { empty } from '../rpc/server/validators';
import type { StorageState } from '../shared/protocol';
import type { DatabaseHolder } from './createDatabaseHolder';

/**
 * Recovery methods for a database that failed to open or upgrade, or was closed under the
 * engine, and "try again" once the reader freed space after writes failed on a full disk.
 */
export function registerStorageMethods(
  router: RpcRouter,
  databases: DatabaseHolder,
  hooks: { afterReopen: () => Promise<void>; retryWrites: () => Promise<void> },
): void {
  const ok: StorageState = { status: 'ok' };
  router.handle('storage.retry', empty, async () => {
    // An open database had writes refused (storage full): run them again, do not reopen it
    // under the syncs that use it.
    if (await databases.isOpen()) {
      await hooks.retryWrites();
      return ok;
    }
    await databases.retry();
    await hooks.afterReopen();
    return ok;
  });
  router.handle('storage.exportRaw', empty, async () => ({ json: await databases.exportRaw() }));
  router.handle('storage.reset', empty, async () => {
    await databases.reset();
    return ok;
  });
}
