import type { LiveSession } from './connectOnce';
import type { SessionPersistence } from './SessionPersistence';

const SAVE_DEBOUNCE_MS = 100;

/**
 * Persists XEP-0198 state (§5: the stream id and the count of handled stanzas 'h') as it
 * changes, so that a worker restarted by the browser resumes instead of starting over. The
 * count is saved after the library has counted the stanza (a later tick), otherwise the server
 * would replay it; replays are harmless anyway because every cache write is idempotent.
 * Resolves once the current state is written: report the session online only then, since the
 * browser may stop the worker at any moment after.
 */
export function trackResumption(args: {
  session: LiveSession;
  account: string;
  persistence: SessionPersistence;
  now: () => number;
  log: (message: string, detail?: unknown) => void;
}): Promise<void> {
  const { session, account, persistence, now, log } = args;
  const { entity, streamManagement: sm } = session.client;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSaved = '';
  let lastWrite: Promise<void> = Promise.resolve();

  /** Saves the state with `inbound` handled stanzas; resolves once it is written. `lost`: the
   * stream just broke, and @xmpp/stream-management has already cleared `enabled` (it keeps
   * `id`), yet the server holds the session for its resumption window (XEP-0198 §5). */
  const save = (inbound = sm.inbound, lost = false): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (!sm.id || !(sm.enabled || lost)) {
      lastSaved = '';
      lastWrite = persistence
        .deleteResumption(account)
        .catch((e: unknown) => log('resumption delete failed', e));
      return lastWrite;
    }
    const key = `${sm.id}:${inbound}`;
    if (key === lastSaved) return lastWrite; // the same state, maybe still being written
    lastSaved = key;
    const maxSeconds = Number(sm.max);
    lastWrite = persistence
      .saveResumption({
        account,
        smId: sm.id,
        inbound,
        fullJid: session.boundJid,
        savedAt: now(),
        ...(Number.isFinite(maxSeconds) && maxSeconds > 0 && { maxSeconds }),
      })
      .catch((e: unknown) => log('resumption save failed', e));
    return lastWrite;
  };
  const schedule = (): void => {
    timer ??= setTimeout(() => void save(), SAVE_DEBOUNCE_MS);
  };
  // connectOnce resolves after <enabled/> (whenEnableAnswered.ts), and the save below writes it:
  // what arrives from here on only moves the count.
  entity.on('element', schedule);
  // Once we acknowledged 'h' to the server, resuming with a lower count is an error that makes
  // Prosody drop the session (XEP-0198 §4): the count is saved before each <a/> goes out.
  session.client.ackPersistence.persist = (h) => save(h);
  // A stream that broke (a dead network, a frame the browser refused: RFC 6455 §7.1.7) is
  // resumed; one closed cleanly (our stop(), the server's close) is over: forget it.
  entity.on('disconnect', (info?: unknown) => {
    const clean = (info as { clean?: boolean } | undefined)?.clean === true;
    void save(sm.inbound, !clean);
  });
  // The first state is saved at once, not debounced.
  return save();
}
