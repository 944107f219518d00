import { parseJid } from '../shared/jid';
import type { RpcRouter } from '../rpc/server/createRpcRouter';
import { bool, empty, obj, str } from '../rpc/server/validators';
import { SatchelError } from '../shared/SatchelError';
import type { SessionManager } from '../xmpp/createSessionManager';
import { discoverWebsocket } from '../xmpp/discoverWebsocket';

/** The session's RPC methods (src/shared/protocol.ts RpcMethods['session.*']). */
export function registerSessionMethods(
  router: RpcRouter,
  deps: { session: SessionManager; fetch: typeof fetch; ownOrigin: string },
): void {
  const { session } = deps;
  router.handle('session.state', empty, () => Promise.resolve(session.state()));
  router.handle(
    'session.signIn',
    obj({
      jid: str(3071),
      password: str(1024),
      websocketUrl: str(2048),
      staySignedIn: bool,
      allowPlain: bool,
    }),
    (params) => session.signIn(params),
  );
  router.handle('session.signOut', empty, () => session.signOut());
  router.handle('session.reconnectNow', empty, async () => {
    await session.reconnectNow();
    return session.state();
  });
  router.handle('session.discover', obj({ jid: str(3071) }), async ({ jid }) => {
    const parsed = parseJid(jid);
    if (!parsed) throw new SatchelError('invalid-jid');
    const origins = [`https://${parsed.domain}`];
    // The local demo serves the app and the host-meta of its "localhost" domain from one origin.
    if (new URL(deps.ownOrigin).hostname === parsed.domain) origins.unshift(deps.ownOrigin);
    return { websocketUrl: await discoverWebsocket({ fetch: deps.fetch, origins }) };
  });
}
