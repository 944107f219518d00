import type { RpcRouter } from '../rpc/server/createRpcRouter';
import { empty } from '../rpc/server/validators';
import type { StorageState } from '../shared/protocol';
import type { DatabaseHolder } from './createDatabaseHolder';

/** Recovery methods for a database that failed to open or upgrade. */
export function registerStorageMethods(
  router: RpcRouter,
  databases: DatabaseHolder,
  afterReopen: () => Promise<void>,
): void {
  const ok: StorageState = { status: 'ok' };
  router.handle('storage.retry', empty, async () => {
    await databases.retry();
    await afterReopen();
    return ok;
  });
  router.handle('storage.exportRaw', empty, async () => ({ json: await databases.exportRaw() }));
  router.handle('storage.reset', empty, async () => {
    await databases.reset();
    return ok;
  });
}
