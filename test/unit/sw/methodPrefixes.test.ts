/**
 * RPC methods are registered by their prefix (issue 18): a `cache.*` method is found in
 * registerCacheMethods.ts, a `search.*` one in registerSearchMethods.ts, and so on. Read from the
 * sources, so a method registered in another file fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SW = resolve(import.meta.dirname, '../../../src/sw');

const registered = readdirSync(SW)
  .filter((f) => /^register\w+Methods\.ts$/u.test(f))
  .flatMap((file) =>
    [...readFileSync(join(SW, file), 'utf8').matchAll(/router\.handle\(\s*'([\w.]+)'/gu)].map(
      (m) => ({ method: m[1] ?? '', file }),
    ),
  );

const fileFor = (method: string): string => {
  const prefix = method.split('.')[0] ?? '';
  return `register${prefix.charAt(0).toUpperCase()}${prefix.slice(1)}Methods.ts`;
};

describe('RPC registration', () => {
  it('finds every method in the file named for its prefix', () => {
    const methods = registered.map((r) => r.method);
    expect(methods).toEqual(
      expect.arrayContaining(['cache.follow', 'cache.stats', 'search.query']),
    );
    const misplaced = registered.filter((r) => r.file !== fileFor(r.method));
    expect(misplaced).toEqual([]);
  });

  it('builds no store outside startEngine.ts, the one wiring file', () => {
    const builders = /\bcreate(\w+Store|CacheManager|PubsubCache)\(/u;
    const others = readdirSync(SW, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && f !== 'startEngine.ts')
      .filter((f) => builders.test(readFileSync(join(SW, f), 'utf8')));
    expect(others).toEqual([]);
  });
});
