import type { AccountStore } from '../db/accountStore';
import type { ResumptionStore } from '../db/resumptionStore';
import type { SettingsStore } from '../db/settingsStore';
import type { SessionPersistence } from '../xmpp/SessionPersistence';

export interface SessionStores {
  accounts: AccountStore;
  resumption: ResumptionStore;
  settings: SettingsStore;
}

/** The session's persistence over IndexedDB: `stores` are those of whatever database is
 * current (built in startEngine.ts). */
export function createSessionPersistence(stores: () => Promise<SessionStores>): SessionPersistence {
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
