import TimeoutError from '@xmpp/events/lib/TimeoutError.js';
import StanzaError from '@xmpp/middleware/lib/StanzaError.js';
import parse from 'ltx/lib/parse.js';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../src/shared/errorCodes';
import { SatchelError } from '../../../src/shared/SatchelError';
import { pubsubError } from '../../../src/pubsub/pubsubErrors';
import { errorIq } from './fakeIq';

const app = (name: string, attrs = ''): string =>
  `<${name} xmlns='http://jabber.org/protocol/pubsub#errors'${attrs}/>`;

/** The stanza condition, the pubsub#errors child if any, and the code Satchel must report. */
const cases: [condition: string, application: string | undefined, code: ErrorCode][] = [
  ['item-not-found', undefined, 'item-not-found'],
  ['gone', undefined, 'item-not-found'],
  ['forbidden', undefined, 'forbidden'],
  ['not-allowed', app('closed-node'), 'forbidden'],
  ['not-authorized', undefined, 'not-authorized'],
  ['not-authorized', app('presence-subscription-required'), 'not-authorized'],
  ['not-authorized', app('not-in-roster-group'), 'not-authorized'],
  [
    'feature-not-implemented',
    app('unsupported', " feature='retrieve-items'"),
    'feature-not-implemented',
  ],
  ['service-unavailable', undefined, 'service-unavailable'],
  ['remote-server-timeout', undefined, 'timeout'],
  ['conflict', undefined, 'conflict-node-exists'],
  ['conflict', app('precondition-not-met'), 'not-acceptable'],
  ['not-acceptable', undefined, 'not-acceptable'],
  ['not-acceptable', app('payload-too-big'), 'bad-payload'],
  ['bad-request', app('invalid-payload'), 'bad-payload'],
  ['bad-request', app('item-forbidden'), 'bad-payload'],
  ['bad-request', app('payload-required'), 'bad-payload'],
  ['bad-request', app('nodeid-required'), 'bad-request'],
  ['bad-request', undefined, 'bad-request'],
  ['unexpected-request', app('not-subscribed'), 'bad-request'],
  ['internal-server-error', undefined, 'remote-error'],
  ['undefined-condition', undefined, 'remote-error'],
];

describe('pubsubError', () => {
  it.each(cases)('maps a raw <iq type=error/> %s %s to %s', (condition, application, code) => {
    const error = pubsubError(parse(errorIq(condition, { application })));
    expect(error).toBeInstanceOf(SatchelError);
    expect(error.code).toBe(code);
    expect(error.detail).toContain(condition);
  });

  it.each(cases)('maps @xmpp/iq StanzaError %s %s to %s', (condition, application, code) => {
    const iq = parse(errorIq(condition, { application, text: 'Nope' }));
    const thrown = StanzaError.fromElement(iq.getChild('error')!);
    expect(thrown.condition).toBe(condition);
    expect(pubsubError(thrown).code).toBe(code);
  });

  it('keeps condition, application condition, feature and text in detail', () => {
    const iq = errorIq('feature-not-implemented', {
      application: app('unsupported', " feature='purge-nodes'"),
      text: 'Purging is disabled',
    });
    const error = pubsubError(parse(iq));
    expect(error.detail).toBe(
      'feature-not-implemented/unsupported feature=purge-nodes: Purging is disabled',
    );
    expect(error.cause).toBeDefined();
  });

  it('reads the <error/> element itself, and a bare object with only a condition', () => {
    const element = parse(errorIq('forbidden')).getChild('error')!;
    expect(pubsubError(element).code).toBe('forbidden');
    expect(pubsubError({ condition: 'item-not-found', text: 'gone' })).toMatchObject({
      code: 'item-not-found',
      detail: 'item-not-found: gone',
    });
  });

  it('reports an error without any condition as a remote error', () => {
    expect(pubsubError(parse("<iq type='error'><error type='cancel'/></iq>")).code).toBe(
      'remote-error',
    );
  });

  it('turns @xmpp/events TimeoutError into timeout', () => {
    expect(pubsubError(new TimeoutError()).code).toBe('timeout');
  });

  it('lets a SatchelError through unchanged and wraps anything else as internal', () => {
    const original = new SatchelError('not-signed-in');
    expect(pubsubError(original)).toBe(original);
    expect(pubsubError(new Error('socket closed')).code).toBe('internal');
    expect(pubsubError('weird').code).toBe('internal');
  });
});
