/**
 * XEP-0198 resumption state by account (§5), written after the library updates its inbound
 * counter so a restarted worker resumes instead of having the server replay stanzas.
 */
import type { ResumptionRecord } from '../shared/records';
import { withDbErrors } from './mapDbError';
import type { SatchelDb } from './SatchelDb';

export function createResumptionStore({ db }: { db: SatchelDb }) {
  return {
    get: (account: string) => withDbErrors(() => db.resumption.get(account)),
    put: (record: ResumptionRecord) => withDbErrors(() => db.resumption.put(record)),
    delete: (account: string) => withDbErrors(() => db.resumption.delete(account)),
  };
}

export type ResumptionStore = ReturnType<typeof createResumptionStore>;
