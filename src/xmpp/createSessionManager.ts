import type { Element } from '@xmpp/xml';
import type { ErrorCode } from '../shared/errorCodes';
import { failureMeaning } from '../shared/failureMeaning';
import { checkWebsocketUrl, parseAccountJid } from '../shared/jid';
import type { ConnectionState, ConnectionStatus, SignInParams } from '../shared/protocol';
import { SatchelError } from '../shared/SatchelError';
import { accountRecordFor, type SessionTarget } from './accountRecordFor';
import type { ConnectRequest, LiveSession } from './connectOnce';
import type { LivenessProbe } from './createLivenessProbe';
import { failureInfo } from './failureInfo';
import { probeSession } from './probeSession';
import { reconnectDelay, type BackoffPolicy } from './reconnectDelay';
import { trackResumption } from './trackResumption';
import type { SessionPersistence } from './SessionPersistence';

export interface SessionManagerDeps {
  persistence: SessionPersistence;
  connect: (request: ConnectRequest) => Promise<LiveSession>;
  onState: (state: ConnectionState) => void;
  /** A session became usable; `resumed` tells whether missed stanzas were replayed (XEP-0198). */
  onSessionStarted: (live: LiveSession, info: { resumed: boolean }) => void;
  onStanza: (stanza: Element) => void;
  isBrowserOnline: () => boolean;
  now: () => number;
  random: () => number;
  backoff: BackoffPolicy;
  connectTimeoutMs: number;
  log: (message: string, detail?: unknown) => void;
}

/** Failures before any stream was opened. */
const UNREACHED: ReadonlySet<ErrorCode> = new Set([
  'server-unreachable',
  'no-websocket',
  'browser-offline',
  'timeout',
]);

/** While the network is known dead, tries stay this close: it is our route that failed, not a
 * server to spare, and the user is waiting to be back within seconds of the network. */
const UNANSWERED_MAX_DELAY_MS = 4_000;

/** Errors after which retrying cannot help: the user must sign in again. */
const FATAL: ReadonlySet<ErrorCode> = new Set(['auth-failed', 'plain-refused', 'no-mechanism']);

/**
 * The one XMPP session of this browser profile, held by the service worker. A state machine:
 * signedOut → connecting → online ⇄ reconnecting/offline → signedOut. "Offline" is no network or
 * no server answering; "reconnecting" a dropped connection or a failure the user should see. It
 * owns retries (back-off with jitter), resumption (XEP-0198, persisted so a restarted worker
 * resumes) and the persisted credentials (SCRAM keys, never the password).
 */
export function createSessionManager(deps: SessionManagerDeps) {
  // Until restore() has read the stored account, 'signedOut' is only a guess (protocol.ts).
  let state: ConnectionState = { status: 'signedOut', since: deps.now(), restoring: true };
  let target: SessionTarget | undefined;
  let live: LiveSession | undefined;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let connecting: Promise<void> | undefined;
  let generation = 0; // bumps on sign-in/out so stale attempts drop their results
  let probe: LivenessProbe | undefined;
  // The last session died unanswered (the network is gone): "offline" until one works again,
  // whatever navigator.onLine says (it lags, and knows nothing of a dead route).
  let unanswered = false;

  function setState(status: ConnectionStatus, patch: Partial<ConnectionState> = {}): void {
    const { nextAttemptAt: _n, boundJid: _b, resumed: _r, restoring: _s, ...kept } = state;
    state = {
      ...kept,
      ...patch,
      status,
      since: status === state.status ? state.since : deps.now(),
    };
    if (target) state.account = target.account;
    if (status === 'signedOut' && !target) delete state.account;
    deps.onState(state);
  }

  const failure = (error: SatchelError) => failureInfo(error, deps.now());

  function handleStanza(stanza: Element): void {
    probe?.heard();
    try {
      deps.onStanza(stanza);
    } catch (error) {
      deps.log('stanza handler failed', error); // one bad stanza must not take the session down
    }
  }

  /** `force`: a page asked (it saw the network return); the worker's navigator.onLine may lag. */
  async function attemptConnect(first: boolean, force = false): Promise<void> {
    if (!target) return;
    const current = target;
    const myGeneration = generation;
    clearTimeout(retryTimer);
    if (!force && !deps.isBrowserOnline()) {
      scheduleRetry(new SatchelError('browser-offline'));
      return;
    }
    // Offline, a background attempt changes nothing the reader sees: the status stays offline
    // rather than flipping to "reconnecting" and back with every try.
    setState(first ? 'connecting' : state.status === 'offline' ? 'offline' : 'reconnecting');
    const resource = await deps.persistence.installResource();
    const saved = await deps.persistence.loadResumption(current.account);
    const fresh = saved && deps.now() - saved.savedAt < (saved.maxSeconds ?? 300) * 1000;
    deps.log(
      `connecting (${first ? 'sign-in' : 'again'}; resumption ${saved ? (fresh ? 'fresh' : 'stale') : 'none'})`,
    );
    try {
      const session = await deps.connect({
        account: current.account,
        websocketUrl: current.websocketUrl,
        resource,
        allowPlain: current.allowPlain,
        timeoutMs: deps.connectTimeoutMs,
        onStanza: handleStanza,
        ...(current.password !== undefined && { password: current.password }),
        ...(current.keys && { keys: current.keys }),
        ...(fresh && {
          resumption: { smId: saved.smId, inbound: saved.inbound, fullJid: saved.fullJid },
        }),
      });
      if (myGeneration !== generation) {
        await session.client.entity.stop().catch(() => undefined);
        return;
      }
      await adopt(current, session);
    } catch (caught) {
      if (myGeneration !== generation) return;
      const error = SatchelError.from(caught, 'connection-lost');
      // A resumption the server refused must not be tried again: fall back to a fresh session
      // next time. Not reaching the server at all says nothing about the resumption: keep it.
      if (fresh && !UNREACHED.has(error.code))
        await deps.persistence.deleteResumption(current.account).catch(() => undefined);
      deps.log(`connect failed: ${error.message}`);
      if (FATAL.has(error.code) || first) throw error;
      scheduleRetry(error);
    }
  }

  async function adopt(current: SessionTarget, session: LiveSession): Promise<void> {
    live = session;
    attempt = 0;
    if (session.auth.keys) current.keys = session.auth.keys;
    // With SCRAM keys in hand the password is no longer needed, not even in memory.
    if (current.keys && session.auth.mechanism === 'SCRAM-SHA-1') delete current.password;
    await deps.persistence.saveAccount(accountRecordFor(current, deps.now()));
    const { entity } = session.client;
    const resumable = trackResumption({
      session,
      account: current.account,
      persistence: deps.persistence,
      now: deps.now,
      log: deps.log,
    });
    entity.on('disconnect', () => onLost(session));
    probe = probeSession(session, current.account, {
      now: deps.now,
      onDead: (reason) => {
        if (live !== session) return;
        deps.log(`no answer from the server (${reason}): the connection is dead`);
        unanswered = true;
        onLost(session);
      },
    });
    // Online only once a restarted worker could resume: the browser may stop it right after.
    await resumable;
    if (live !== session) return; // lost meanwhile: onLost already scheduled a retry
    unanswered = false;
    setState('online', {
      boundJid: session.boundJid,
      resumed: session.resumed,
      staySignedIn: current.staySignedIn,
    });
    deps.onSessionStarted(session, { resumed: session.resumed });
  }

  function onLost(session: LiveSession): void {
    if (live !== session) return;
    live = undefined;
    probe = undefined;
    scheduleRetry(new SatchelError('connection-lost'));
  }

  function scheduleRetry(error: SatchelError): void {
    clearTimeout(retryTimer);
    if (!target) return;
    const backoff = reconnectDelay(attempt++, deps.random, deps.backoff);
    const delay = unanswered ? Math.min(backoff, UNANSWERED_MAX_DELAY_MS) : backoff;
    // Every retry follows a session that worked: no network or no server answering is being
    // offline, not a fault (shared/failureMeaning.ts), and so is a session that stopped
    // answering (the liveness probe). A worker's navigator.onLine lags the network (and may
    // never hear `online`): while it says offline the status says so, but the back-off keeps
    // trying. Waiting for a page to report the network could leave the session offline for good.
    const offline =
      unanswered || !deps.isBrowserOnline() || failureMeaning(error, true) === 'offline';
    const status = offline ? 'offline' : 'reconnecting';
    setState(status, { lastFailure: failure(error), nextAttemptAt: deps.now() + delay });
    retryTimer = setTimeout(() => void run(false, true), delay);
  }

  /** Runs one attempt at a time; a fatal error during a background attempt signs out. */
  function run(first: boolean, force = false): Promise<void> {
    connecting ??= attemptConnect(first, force)
      .catch(async (caught: unknown) => {
        const error = SatchelError.from(caught);
        if (first && !FATAL.has(error.code)) throw error;
        await forget(error);
        if (first) throw error;
      })
      .finally(() => (connecting = undefined));
    return connecting;
  }

  /**
   * An attempt now. One already in flight may have started before the network came back (and
   * will fail on its timeout): then the next starts as soon as it ends, not after a back-off.
   */
  async function runAgain(force: boolean): Promise<void> {
    if (connecting) {
      await connecting;
      if (!target || live) return;
    }
    return run(false, force);
  }

  async function forget(error?: SatchelError): Promise<void> {
    const account = target?.account;
    generation++;
    clearTimeout(retryTimer);
    target = undefined;
    const session = live;
    live = undefined;
    probe = undefined;
    unanswered = false;
    if (session) await session.client.entity.stop().catch(() => undefined);
    if (account) await deps.persistence.forgetAccount(account);
    setState('signedOut', error ? { lastFailure: failure(error) } : {});
  }

  return {
    state: (): ConnectionState => state,
    live: (): LiveSession | undefined => live,

    async signIn(params: SignInParams): Promise<ConnectionState> {
      const account = parseAccountJid(params.jid);
      if (!account) throw new SatchelError('invalid-jid');
      const url = checkWebsocketUrl(params.websocketUrl);
      if (!url) throw new SatchelError('invalid-websocket-url');
      await forget();
      target = {
        account,
        websocketUrl: url.url,
        allowPlain: params.allowPlain,
        staySignedIn: params.staySignedIn,
        password: params.password,
      };
      try {
        await run(true);
      } catch (caught) {
        const error = SatchelError.from(caught);
        target = undefined;
        setState('signedOut', { lastFailure: failure(error) });
        throw error;
      }
      return state;
    },

    async signOut(): Promise<ConnectionState> {
      await forget();
      return state;
    },

    /** On worker start: reconnect (resuming if possible) when the user chose to stay signed in. */
    async restore(): Promise<void> {
      if (target) return;
      const settle = (): void => {
        if (state.restoring && !target) setState('signedOut');
      };
      const account = await deps.persistence.loadAccount().catch((error: unknown) => {
        settle();
        throw error;
      });
      if (!account?.staySignedIn || !account.scram) {
        settle();
        return;
      }
      target = {
        account: account.jid,
        websocketUrl: account.websocketUrl,
        allowPlain: account.allowPlain,
        staySignedIn: true,
        keys: account.scram,
      };
      attempt = 1; // a restore is a reconnection: show "reconnecting", retry on failure
      await run(false);
    },

    reconnectNow(): Promise<void> {
      if (!target || live) return Promise.resolve();
      return runAgain(true);
    },

    /** A page's heartbeat: a quiet session is asked whether it is still there. */
    probe(): Promise<void> {
      return probe?.probe() ?? Promise.resolve();
    },

    networkChanged(online: boolean): void {
      // The network changed under a live session: it may be dead without anyone saying so.
      if (live) void probe?.probe(true);
      if (!target || live) return;
      if (online) void runAgain(false).catch((e: unknown) => deps.log('reconnect failed', e));
      else scheduleRetry(new SatchelError('browser-offline'));
    },

    /** A request on the live session, or a typed error when there is none. */
    iq(stanza: Element, timeoutMs = 30_000): Promise<Element> {
      if (!live)
        return Promise.reject(new SatchelError(target ? 'connection-lost' : 'not-signed-in'));
      return live.iqCaller.request(stanza, timeoutMs);
    },
  };
}

export type SessionManager = ReturnType<typeof createSessionManager>;
