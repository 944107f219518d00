import type { AccountRecord, ResumptionRecord } from '../shared/records';

/**
 * What the session needs to survive a worker restart (the worker dies after ~30 s idle). The
 * service worker implements it over IndexedDB (src/db); tests pass an in-memory fake.
 */
export interface SessionPersistence {
  loadAccount(): Promise<AccountRecord | undefined>;
  saveAccount(account: AccountRecord): Promise<void>;
  /** Erases the account's credentials and resumption state (sign out). */
  forgetAccount(jid: string): Promise<void>;
  loadResumption(account: string): Promise<ResumptionRecord | undefined>;
  saveResumption(record: ResumptionRecord): Promise<void>;
  deleteResumption(account: string): Promise<void>;
  /** A resource fixed per install, so two browsers of one user do not replace each other. */
  installResource(): Promise<string>;
}
