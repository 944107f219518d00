/**
 * Released schema versions are frozen. schema-snapshot.json is checked in and written by hand:
 * this test never updates it. See docs/schema-versions.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { schemaVersions } from '../../../src/db/versions';

interface Declared {
  version: number;
  name: string;
  stores: Record<string, string | null>;
}

const snapshot = JSON.parse(
  readFileSync(new URL('./schema-snapshot.json', import.meta.url), 'utf8'),
) as Declared[];
const declared: Declared[] = schemaVersions.map(({ version, name, stores }) => ({
  version,
  name,
  stores,
}));

const NEVER_EDIT =
  'A released schema version must never change: revert your edit to it and add a new version ' +
  'instead (docs/schema-versions.md, "How to add a schema version").';

describe('schema versions', () => {
  test.each(snapshot.map((entry, position) => [entry.version, entry.name, position] as const))(
    'released version %i (%s) is still declared, unchanged, in its place',
    (_version, _name, position) => {
      expect(declared[position], NEVER_EDIT).toEqual(snapshot[position]);
    },
  );

  test('every declared version is in the snapshot', () => {
    const unreleased = declared.slice(snapshot.length);
    expect(
      unreleased,
      'New schema version(s) not in test/unit/db/schema-snapshot.json. Once its migration test ' +
        'passes (test/unit/db/migrations.test.ts), append its {version, name, stores} to the ' +
        'END of schema-snapshot.json by hand; never change the entries already there.',
    ).toEqual([]);
  });

  test('versions are consecutive integers from 1 with distinct names', () => {
    expect(declared.map((v) => v.version)).toEqual(declared.map((_, i) => i + 1));
    expect(new Set(declared.map((v) => v.name)).size).toBe(declared.length);
  });

  test('each version lives in its own file, v<version><Name>.ts', () => {
    const files = readdirSync(new URL('../../../src/db/versions/', import.meta.url));
    for (const { version, name } of declared) {
      expect(files).toContain(`v${version}${name[0]?.toUpperCase() ?? ''}${name.slice(1)}.ts`);
    }
  });
});
