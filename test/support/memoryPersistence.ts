import type { AccountRecord, ResumptionRecord } from '../../src/shared/records';
import type { SessionPersistence } from '../../src/xmpp/SessionPersistence';

/** In-memory SessionPersistence for tests of the session layer without IndexedDB. */
export function memoryPersistence(resource = 'satchel-test'): SessionPersistence & {
  accounts: Map<string, AccountRecord>;
  resumptions: Map<string, ResumptionRecord>;
} {
  const accounts = new Map<string, AccountRecord>();
  const resumptions = new Map<string, ResumptionRecord>();
  return {
    accounts,
    resumptions,
    loadAccount: () => Promise.resolve([...accounts.values()][0]),
    saveAccount: (a) => Promise.resolve(void accounts.set(a.jid, a)),
    forgetAccount: (jid) => Promise.resolve(void (accounts.delete(jid), resumptions.delete(jid))),
    loadResumption: (a) => Promise.resolve(resumptions.get(a)),
    saveResumption: (r) => Promise.resolve(void resumptions.set(r.account, r)),
    deleteResumption: (a) => Promise.resolve(void resumptions.delete(a)),
    installResource: () => Promise.resolve(resource),
  };
}
