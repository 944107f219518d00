import parse from 'ltx/lib/parse.js';
import { describe, expect, it, vi } from 'vitest';
import {
  createAnalyserRegistry,
  type AnalyserFailure,
} from '../../../src/analysers/analyserRegistry';
import type {
  AnalyserDefinition,
  AnalysisResult,
  NodeAnalysisInput,
} from '../../../src/analysers/analyserTypes';
import { SatchelError } from '../../../src/shared/SatchelError';

const atom = parse("<entry xmlns='http://www.w3.org/2005/Atom'><title>t</title></entry>");
const tune = parse("<tune xmlns='http://jabber.org/protocol/tune'/>");

function input(node: string, firstPayload?: typeof atom): NodeAnalysisInput {
  return firstPayload === undefined
    ? { service: 'pubsub.example.org', node }
    : { service: 'pubsub.example.org', node, firstPayload };
}

function registryWith(...defs: AnalyserDefinition[]) {
  const failures: AnalyserFailure[] = [];
  const registry = createAnalyserRegistry({ onError: (failure) => failures.push(failure) });
  for (const def of defs) registry.registerAnalyser(def);
  return { registry, failures };
}

describe('analyser registry', () => {
  it('matches by node-name prefix', () => {
    const { registry } = registryWith({
      name: 'blog',
      node: 'urn:blog',
      type: 'blog',
      toSync: true,
    });
    expect(registry.analyse(input('urn:blog:comments/1'))).toEqual({
      analyser: 'blog',
      type: 'blog',
      toSync: true,
    });
    expect(registry.analyse(input('other'))).toBeNull();
  });

  it('matches by the namespace of the first payload', () => {
    const { registry } = registryWith({
      name: 'atom',
      namespace: 'http://www.w3.org/2005/Atom',
      type: 'blog',
      subtype: 'feed',
      toSync: true,
    });
    expect(registry.analyse(input('any-name', atom))).toEqual({
      analyser: 'atom',
      type: 'blog',
      subtype: 'feed',
      toSync: true,
    });
    expect(registry.analyse(input('any-name', tune))).toBeNull();
    expect(registry.analyse(input('any-name'))).toBeNull();
  });

  it('tries analysers in registration order and the first match wins', () => {
    const first = { name: 'first', node: 'urn:x', type: 'one', toSync: false };
    const second = { name: 'second', node: 'urn:x:y', type: 'two', toSync: true };
    expect(registryWith(first, second).registry.analyse(input('urn:x:y:z'))?.analyser).toBe(
      'first',
    );
    expect(registryWith(second, first).registry.analyse(input('urn:x:y:z'))?.analyser).toBe(
      'second',
    );
  });

  it('lets an earlier namespace analyser win over a later prefix analyser', () => {
    const byNamespace = {
      name: 'ns',
      namespace: 'http://www.w3.org/2005/Atom',
      type: 'a',
      toSync: true,
    };
    const byPrefix = { name: 'prefix', node: 'urn:x', type: 'b', toSync: true };
    const { registry } = registryWith(byNamespace, byPrefix);
    expect(registry.analyse(input('urn:x', atom))?.analyser).toBe('ns');
    expect(registry.analyse(input('urn:x', tune))?.analyser).toBe('prefix');
  });

  it('matches an analyser with both a prefix and a namespace on either', () => {
    const { registry } = registryWith({
      name: 'both',
      node: 'urn:x',
      namespace: 'http://www.w3.org/2005/Atom',
      type: 'blog',
      toSync: true,
    });
    expect(registry.analyse(input('urn:x', tune))?.analyser).toBe('both');
    expect(registry.analyse(input('elsewhere', atom))?.analyser).toBe('both');
    expect(registry.analyse(input('elsewhere', tune))).toBeNull();
  });

  it('tests the prefix before the namespace within one analyser', () => {
    const payload = parse("<entry xmlns='http://www.w3.org/2005/Atom'/>");
    const getNS = vi.spyOn(payload, 'getNS');
    const { registry } = registryWith({
      name: 'both',
      node: 'urn:x',
      namespace: 'http://www.w3.org/2005/Atom',
      type: 'blog',
      toSync: true,
    });
    expect(registry.analyse(input('urn:x', payload))?.analyser).toBe('both');
    expect(getNS).not.toHaveBeenCalled();
    expect(registry.analyse(input('elsewhere', payload))?.analyser).toBe('both');
    expect(getNS).toHaveBeenCalled();
  });

  it('lets match refine the subtype and type, but not the analyser name', () => {
    const { registry } = registryWith({
      name: 'blog',
      node: 'urn:blog',
      type: 'blog',
      toSync: true,
      match: (node, result) =>
        node.node.includes(':comments/')
          ? { ...result, analyser: 'someone-else', type: 'blog', subtype: 'comment' }
          : result,
    });
    expect(registry.analyse(input('urn:blog:comments/1'))).toEqual({
      analyser: 'blog',
      type: 'blog',
      subtype: 'comment',
      toSync: true,
    });
    expect(registry.analyse(input('urn:blog'))?.subtype).toBeUndefined();
  });

  it('moves on to the next analyser when match rejects', () => {
    const picky = { name: 'picky', node: 'urn:x', type: 'a', toSync: true, match: () => null };
    const generic = { name: 'generic', node: 'urn:', type: 'b', toSync: false };
    const { registry } = registryWith(picky, generic);
    expect(registry.analyse(input('urn:x'))).toEqual({
      analyser: 'generic',
      type: 'b',
      toSync: false,
    });
  });

  it('gives null, reports, and never throws when match throws (the node is never synced)', () => {
    const boom = new Error('boom');
    const broken: AnalyserDefinition = {
      name: 'broken',
      node: 'urn:x',
      type: 'a',
      toSync: true,
      match: () => {
        throw boom;
      },
    };
    const later = { name: 'later', node: 'urn:', type: 'b', toSync: true };
    const { registry, failures } = registryWith(broken, later);
    expect(() => registry.analyse(input('urn:x'))).not.toThrow();
    expect(registry.analyse(input('urn:x'))).toBeNull();
    expect(failures[0]).toEqual({
      analyser: 'broken',
      service: 'pubsub.example.org',
      node: 'urn:x',
      error: boom,
    });
  });

  it('treats a malformed match result as an error', () => {
    const { registry, failures } = registryWith({
      name: 'sloppy',
      node: 'urn:x',
      type: 'a',
      toSync: true,
      // A plugin written in JavaScript may return garbage the types cannot stop.
      match: () => ({ analyser: 'sloppy', type: 3 }) as unknown as AnalysisResult,
    });
    expect(registry.analyse(input('urn:x'))).toBeNull();
    expect(failures).toHaveLength(1);
  });

  it('reports toSync false as given', () => {
    const { registry } = registryWith({
      name: 'avatar',
      node: 'urn:xmpp:avatar:',
      type: 'avatar',
      toSync: false,
    });
    expect(registry.analyse(input('urn:xmpp:avatar:data'))?.toSync).toBe(false);
  });

  it('rejects duplicate names and definitions that can never match', () => {
    const { registry } = registryWith({ name: 'a', node: 'x', type: 't', toSync: true });
    expect(() => {
      registry.registerAnalyser({ name: 'a', node: 'y', type: 't', toSync: true });
    }).toThrow(SatchelError);
    expect(() => {
      registry.registerAnalyser({ name: 'b', type: 't', toSync: true });
    }).toThrow(/neither/);
    expect(() => {
      registry.registerAnalyser({ name: '', node: 'x', type: 't', toSync: true });
    }).toThrow(SatchelError);
  });

  it('gets and lists definitions in registration order', () => {
    const a = { name: 'a', node: 'x', type: 't', toSync: true };
    const b = { name: 'b', node: 'y', type: 't', toSync: false };
    const { registry } = registryWith(b, a);
    expect(registry.get('a')).toBe(a);
    expect(registry.get('missing')).toBeUndefined();
    expect(registry.list().map((def) => def.name)).toEqual(['b', 'a']);
  });

  it('warns on the console by default when an analyser fails', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const registry = createAnalyserRegistry();
    registry.registerAnalyser({
      name: 'broken',
      node: 'x',
      type: 't',
      toSync: true,
      match: () => {
        throw new Error('nope');
      },
    });
    expect(registry.analyse(input('x'))).toBeNull();
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
