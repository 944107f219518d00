import { describe, expect, it } from 'vitest';
import { createRpcRouter } from '../../../src/rpc/server/createRpcRouter';
import { bool, obj, str } from '../../../src/rpc/server/validators';
import { SatchelError } from '../../../src/shared/SatchelError';

function router() {
  const r = createRpcRouter();
  r.handle(
    'session.signIn',
    obj({
      jid: str(100),
      password: str(100),
      websocketUrl: str(100),
      staySignedIn: bool,
      allowPlain: bool,
    }),
    (p) => Promise.resolve({ status: 'online', since: 1, account: p.jid }),
  );
  r.handle('session.signOut', obj({}), () => Promise.reject(new SatchelError('not-signed-in')));
  r.handle('session.state', obj({}), () => Promise.reject(new Error('boom')));
  return r;
}

/** An object nested `depth` levels deep. */
function nest(depth: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = { value };
  return value;
}

const ok = {
  jid: 'a@b',
  password: 'p',
  websocketUrl: 'wss://b/ws',
  staySignedIn: true,
  allowPlain: false,
};

describe('RPC router', () => {
  it('answers a valid request with its result and id', async () => {
    await expect(
      router().dispatch({ kind: 'request', id: 7, method: 'session.signIn', params: ok }),
    ).resolves.toEqual({
      kind: 'response',
      id: 7,
      ok: true,
      result: { status: 'online', since: 1, account: 'a@b' },
    });
  });

  it('turns every malformed message into a typed error, never a throw', async () => {
    const r = router();
    const cases: Array<[unknown, string | null]> = [
      [null, null],
      ['hello', null],
      [{ kind: 'request', method: 'session.state', params: {} }, null], // no id: nothing to answer
      [{ kind: 'request', id: 1, method: 'nope', params: {} }, 'unknown-method'],
      [
        { kind: 'request', id: 2, method: 'session.signIn', params: { ...ok, jid: 5 } },
        'bad-request',
      ],
      [
        { kind: 'request', id: 3, method: 'session.signIn', params: { ...ok, extra: 1 } },
        'bad-request',
      ],
      [{ kind: 'request', id: 4, method: 'session.signIn' }, 'bad-request'],
      [{ kind: 'response', id: 5, method: 'session.state', params: {} }, 'bad-request'],
      [
        {
          kind: 'request',
          id: 6,
          method: 'session.signIn',
          params: { ...ok, password: 'x'.repeat(101) },
        },
        'too-large', // issue 15: oversized is told apart from malformed
      ],
      [{ kind: 'request', id: 7, method: 'x'.repeat(101), params: {} }, 'too-large'],
      [
        { kind: 'request', id: 8, method: 'session.state', params: { deep: nest(10_000) } },
        'bad-request',
      ],
      [{ kind: 'request', id: 9, method: '__proto__', params: {} }, 'unknown-method'],
      [{ kind: 'request', id: 10, method: 'constructor', params: {} }, 'unknown-method'],
      [{ kind: 'request', id: -1, method: 'session.state', params: {} }, 'bad-request'],
    ];
    for (const [message, code] of cases) {
      const response = await r.dispatch(message);
      if (code === null) expect(response).toBeNull();
      else expect(response).toMatchObject({ kind: 'response', ok: false, error: { code } });
    }
  });

  it('passes SatchelError codes through and wraps anything else as internal', async () => {
    const r = router();
    await expect(
      r.dispatch({ kind: 'request', id: 1, method: 'session.signOut', params: {} }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    await expect(
      r.dispatch({ kind: 'request', id: 2, method: 'session.state', params: {} }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'internal', detail: 'boom' } });
  });

  it('drops junk without an id and keeps serving (issue 15)', async () => {
    const r = router();
    for (const junk of [undefined, 42, [], new ArrayBuffer(8), { kind: 'request', id: 'x' }])
      await expect(r.dispatch(junk)).resolves.toBeNull();
    await expect(
      r.dispatch({ kind: 'request', id: 11, method: 'session.signIn', params: ok }),
    ).resolves.toMatchObject({ ok: true, id: 11 });
  });

  it('refuses to register a method twice', () => {
    const r = router();
    expect(() =>
      r.handle('session.state', obj({}), () => Promise.resolve({ status: 'signedOut', since: 0 })),
    ).toThrow(/twice/u);
  });
});
