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

/** An account stored to stay signed in, with SCRAM keys (placeholders: nothing connects). */
export function storedAccount(jid = 'alice@example.org'): AccountRecord {
  return {
    jid,
    websocketUrl: 'ws://127.0.0.1:1/xmpp-websocket',
    staySignedIn: true,
    allowPlain: false,
    scram: { salt: 'c2FsdA==', iterations: 4096, clientKey: 'a2V5', serverKey: 'a2V5' },
    createdAt: 1,
    updatedAt: 1,
  };
}
