/** Accounts by bare JID. What a restarted worker needs to sign in again lives here. */
import type { AccountRecord } from '../shared/records';
import { withDbErrors } from './mapDbError';
import type { SatchelDb } from './SatchelDb';

export function createAccountStore({ db }: { db: SatchelDb }) {
  return {
    get: (jid: string) => withDbErrors(() => db.accounts.get(jid)),
    put: (record: AccountRecord) => withDbErrors(() => db.accounts.put(record)),
    /** Removes the account row only; its nodes, items and resumption state stay. */
    delete: (jid: string) => withDbErrors(() => db.accounts.delete(jid)),
    list: () => withDbErrors(() => db.accounts.toArray()),
  };
}

export type AccountStore = ReturnType<typeof createAccountStore>;
