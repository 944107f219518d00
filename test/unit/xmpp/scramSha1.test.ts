import { describe, expect, it } from 'vitest';
import { createScramSha1 } from '../../../src/xmpp/scramSha1';

// RFC 5802 §5 example: user "user", password "pencil".
const NONCE = 'fyko+d2lbbFgONRv9qkxdawL';
const SERVER_FIRST = 'r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096';
const CLIENT_FINAL =
  'c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=';
const SERVER_FINAL = 'v=rmF9pqV8S7suAoZWja4dJRkFsKQ=';

describe('SCRAM-SHA-1', () => {
  it('computes the RFC 5802 example exchange from the password', async () => {
    const scram = createScramSha1('user', { password: 'pencil' }, NONCE);
    expect(scram.clientFirst()).toBe(`n,,n=user,r=${NONCE}`);
    expect(await scram.clientFinal(SERVER_FIRST)).toBe(CLIENT_FINAL);
    await expect(scram.verifyServerFinal(SERVER_FINAL)).resolves.toBeUndefined();
    expect(scram.keys()).toMatchObject({ salt: 'QSXCR+Q6sek8bf92', iterations: 4096 });
  });

  it('authenticates again from the saved keys alone, without the password', async () => {
    const first = createScramSha1('user', { password: 'pencil' }, NONCE);
    await first.clientFinal(SERVER_FIRST);
    const keys = first.keys()!;
    const again = createScramSha1('user', { keys }, NONCE);
    expect(await again.clientFinal(SERVER_FIRST)).toBe(CLIENT_FINAL);
    await again.verifyServerFinal(SERVER_FINAL);
  });

  it('refuses a server that cannot prove it knows the password', async () => {
    const scram = createScramSha1('user', { password: 'pencil' }, NONCE);
    await scram.clientFinal(SERVER_FIRST);
    await expect(scram.verifyServerFinal('v=AAAAAAAAAAAAAAAAAAAAAAAAAAA=')).rejects.toMatchObject({
      code: 'auth-failed',
    });
  });

  it('refuses a server nonce that does not extend ours, and a changed salt without password', async () => {
    const scram = createScramSha1('user', { password: 'pencil' }, NONCE);
    await expect(scram.clientFinal('r=other,s=QSXCR+Q6sek8bf92,i=4096')).rejects.toMatchObject({
      code: 'auth-failed',
    });
    const keysOnly = createScramSha1(
      'user',
      { keys: { salt: 'AAAA', iterations: 4096, clientKey: 'AA==', serverKey: 'AA==' } },
      NONCE,
    );
    await expect(keysOnly.clientFinal(SERVER_FIRST)).rejects.toMatchObject({ code: 'auth-failed' });
  });

  it('escapes , and = in the user name and encodes non-Latin-1 passwords', async () => {
    const scram = createScramSha1('a,b=c', { password: 'пароль🔑' }, NONCE);
    expect(scram.clientFirst()).toBe(`n,,n=a=2Cb=3Dc,r=${NONCE}`);
    await expect(scram.clientFinal(SERVER_FIRST)).resolves.toMatch(/,p=/u);
  });
});
