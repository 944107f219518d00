import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { registerAccount as prosodyctlRegister } from '../../scripts/lib/prosodyctl';
import { connectPeer, type XmppPeer } from '../../scripts/lib/xmppPeer';

export interface TestAccount {
  /** Bare JID. */
  jid: string;
  username: string;
  password: string;
}

/** Which Prosody: by default the e2e project's shared one (e2eGlobalSetup.ts). */
export interface AccountServer {
  configPath: string;
  domain: string;
  wsUrl: string;
}

function sharedServer(): AccountServer {
  return {
    configPath: inject('prosodyConfigPath'),
    domain: inject('domain'),
    wsUrl: inject('wsUrl'),
  };
}

let counter = 0;

/**
 * Registers a fresh account whose name starts with `prefix`, unique across test files running
 * in parallel (pid, counter and random bytes), so tests never share server-side state.
 */
export async function registerAccount(
  prefix = 'user',
  server: AccountServer = sharedServer(),
): Promise<TestAccount> {
  const safePrefix =
    prefix
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-')
      .slice(0, 24) || 'user';
  counter += 1;
  const username = `${safePrefix}-${process.pid}-${counter}-${randomBytes(3).toString('hex')}`;
  const password = randomBytes(12).toString('base64url');
  const jid = await prosodyctlRegister(server.configPath, username, server.domain, password);
  return { jid, username, password };
}

/** A Node XMPP peer logged in as `account` (to publish what the browser should see). */
export function connectAccount(
  account: TestAccount,
  server: AccountServer = sharedServer(),
): Promise<XmppPeer> {
  return connectPeer({ wsUrl: server.wsUrl, jid: account.jid, password: account.password });
}
