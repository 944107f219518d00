import { xml } from '@xmpp/xml';
import { describe, expect, it } from 'vitest';
import { iqRequest } from '../../../src/pubsub/iqRequest';
import { SatchelError } from '../../../src/shared/SatchelError';
import { errorIq, fakeIq, result } from './fakeIq';

const ping = () => xml('iq', { type: 'get', to: 'pubsub.example' });

describe('iqRequest', () => {
  it('resolves with the result iq and passes the timeout to the caller', async () => {
    const fake = fakeIq(() => result());
    const reply = await iqRequest(fake.iq, ping(), 1234);
    expect(reply.attrs.type).toBe('result');
    expect(fake.timeouts).toEqual([1234]);
  });

  it('defaults to a 30 s timeout', async () => {
    const fake = fakeIq(() => result());
    await iqRequest(fake.iq, ping());
    expect(fake.timeouts).toEqual([30_000]);
  });

  it('rejects with a mapped SatchelError when the caller rejects with an error iq', async () => {
    const fake = fakeIq(() => {
      throw Object.assign(new Error('raw'), { condition: 'forbidden' });
    });
    await expect(iqRequest(fake.iq, ping())).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('rejects when the caller resolves with an error iq instead', async () => {
    const fake = fakeIq(() => errorIq('item-not-found'));
    const failure = iqRequest(fake.iq, ping());
    await expect(failure).rejects.toBeInstanceOf(SatchelError);
    await expect(failure).rejects.toMatchObject({ code: 'item-not-found' });
  });

  it('times out by itself when the caller never answers', async () => {
    const fake = fakeIq(() => new Promise<string>(() => undefined));
    await expect(iqRequest(fake.iq, ping(), 20)).rejects.toMatchObject({ code: 'timeout' });
  });
});
