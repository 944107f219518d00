import { createAccountStore } from '../db/accountStore';
import { createResumptionStore } from '../db/resumptionStore';
import type { SatchelDb } from '../db/SatchelDb';
import { createSettingsStore } from '../db/settingsStore';
import type { SessionPersistence } from '../xmpp/SessionPersistence';
import { perDatabase } from './perDatabase';

/** The session's persistence over IndexedDB, on whatever database is current. */
export function createSessionPersistence(database: () => Promise<SatchelDb>): SessionPersistence {
  const stores = perDatabase(database, (db) => ({
    accounts: createAccountStore({ db }),
    resumption: createResumptionStore({ db }),
    settings: createSettingsStore({ db }),
  }));
  return {
    // One account per browser profile for now: the first stored one is the signed-in account.
    loadAccount: async () => (await (await stores()).accounts.list())[0],
    saveAccount: async (account) => {
      await (await stores()).accounts.put(account);
    },
    forgetAccount: async (jid) => {
      const s = await stores();
      await s.accounts.delete(jid);
      await s.resumption.delete(jid);
    },
    loadResumption: async (account) => (await stores()).resumption.get(account),
    saveResumption: async (record) => {
      await (await stores()).resumption.put(record);
    },
    deleteResumption: async (account) => (await stores()).resumption.delete(account),
    installResource: async () => (await stores()).settings.installResource(),
  };
}
