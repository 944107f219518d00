import type { AccountRecord, ScramKeys } from '../shared/records';

/** The account the session manager signs in to, and how. */
export interface SessionTarget {
  account: string;
  websocketUrl: string;
  allowPlain: boolean;
  staySignedIn: boolean;
  password?: string;
  keys?: ScramKeys;
}

/** What is stored of a target: never the password; the SCRAM keys only to stay signed in. */
export function accountRecordFor(target: SessionTarget, now: number): AccountRecord {
  return {
    jid: target.account,
    websocketUrl: target.websocketUrl,
    staySignedIn: target.staySignedIn,
    allowPlain: target.allowPlain,
    createdAt: now,
    updatedAt: now,
    ...(target.staySignedIn && target.keys && { scram: target.keys }),
  };
}
