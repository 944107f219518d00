import { Dexie } from 'dexie';

/** Deletes the whole database (reset after a failed upgrade, or "clear everything"). */
export async function deleteSatchelDb(name = 'satchel'): Promise<void> {
  await Dexie.delete(name);
}
