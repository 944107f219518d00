import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Client } from '@xmpp/client-core';
import { guardIncomingData } from '../../../src/xmpp/guardIncomingData';

function fakeEntity(parse: (data: string) => void) {
  const entity = Object.assign(new EventEmitter(), {
    parser: {},
    disconnects: 0,
    _onData: (data: unknown) => parse(String(data)),
    disconnect: () => {
      entity.disconnects++;
      return Promise.resolve();
    },
  });
  return entity;
}

describe('guardIncomingData', () => {
  it('passes well-formed data to the parser', () => {
    const seen: string[] = [];
    const entity = fakeEntity((d) => seen.push(d));
    const reasons: string[] = [];
    guardIncomingData(entity as unknown as Client, (r) => reasons.push(r));
    entity._onData('<message/>');
    expect(seen).toEqual(['<message/>']);
    expect(reasons).toEqual([]);
  });

  it('catches a parser that throws, reports it and disconnects, instead of an uncaught error', () => {
    const entity = fakeEntity(() => {
      throw new Error('unknown entity &foo;');
    });
    const reasons: string[] = [];
    guardIncomingData(entity as unknown as Client, (r) => reasons.push(r));
    expect(() => entity._onData('<message>&foo;</message>')).not.toThrow();
    expect(reasons).toEqual(['unknown entity &foo;']);
    expect(entity.disconnects).toBe(1);
    entity._onData('<more/>'); // after a failure nothing more is parsed or reported
    expect(reasons).toHaveLength(1);
  });

  it('refuses DTDs and entity declarations in the stream (RFC 6120 §11.1)', () => {
    const seen: string[] = [];
    const entity = fakeEntity((d) => seen.push(d));
    const reasons: string[] = [];
    guardIncomingData(entity as unknown as Client, (r) => reasons.push(r));
    entity._onData('<!DOCTYPE x [<!ENTITY a "b">]><message/>');
    expect(seen).toEqual([]);
    expect(reasons[0]).toMatch(/DTD/u);
    expect(entity.disconnects).toBe(1);
  });

  it('ignores data that arrives after the library detached its parser', () => {
    const entity = fakeEntity(() => {
      throw new Error('should not parse');
    });
    Object.assign(entity, { parser: null }); // as @xmpp/connection leaves it after an error
    const reasons: string[] = [];
    guardIncomingData(entity as unknown as Client, (r) => reasons.push(r));
    expect(() => entity._onData('<x/>')).not.toThrow();
    expect(reasons).toEqual([]);
  });
});
