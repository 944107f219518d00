import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'satchel-layers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the project's layer rule (.dependency-cruiser.cjs) on a small tree written here. */
async function cruise(files: Record<string, string>): Promise<{ ok: boolean; output: string }> {
  const dir = mkdtempSync(join(work, 'tree-'));
  for (const f of ['tsconfig.base.json', 'tsconfig.sw.json', '.dependency-cruiser.cjs'])
    cpSync(join(ROOT, f), join(dir, f));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  try {
    const { stdout } = await run(
      join(ROOT, 'node_modules/.bin/depcruise'),
      ['src', '--config', '.dependency-cruiser.cjs'],
      { cwd: dir },
    );
    return { ok: true, output: stdout };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: string }).stdout ?? error) };
  }
}

describe('the layer rule', () => {
  it('accepts imports that go down the layers', async () => {
    const result = await cruise({
      'src/shared/types.ts': 'export type A = 1;\n',
      'src/db/store.ts': "import type { A } from '../shared/types';\nexport const a: A = 1;\n",
      'src/sw/engine.ts': "import { a } from '../db/store';\nexport const b = a;\n",
    });
    expect(result).toMatchObject({ ok: true });
  });

  it('fails on a page importing the database layer, and on shared importing anything', async () => {
    const result = await cruise({
      'src/db/store.ts': 'export const a = 1;\n',
      'src/ui/view.ts': "import { a } from '../db/store';\nexport const b = a;\n",
      'src/shared/leaf.ts': "import { b } from '../ui/view';\nexport const c = b;\n",
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('layer-ui');
    expect(result.output).toContain('layer-shared');
  }, 30_000);

  it('fails on a schema version importing live code (a migration must not change with it)', async () => {
    const result = await cruise({
      'src/search/tokenize.ts': 'export const tokenize = (t: string) => t.split(" ");\n',
      'src/db/versions/v3Index.ts':
        "import { tokenize } from '../../search/tokenize';\nexport const v = tokenize('a b');\n",
      'src/db/versions/v4Frozen.ts':
        "import { words } from './frozen/v4/words';\nexport const w = words;\n",
      'src/db/versions/frozen/v4/words.ts': 'export const words = 1;\n',
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('frozen-migrations');
    expect(result.output).toContain('v3Index.ts');
    expect(result.output).not.toContain('v4Frozen.ts');
  }, 30_000);

  it('fails on reaching into src/db/search or src/db/query past their index.ts', async () => {
    const result = await cruise({
      'src/db/search/index.ts': "export { plan } from './plan';\n",
      'src/db/search/plan.ts': 'export const plan = 1;\n',
      'src/db/query/index.ts': "export { op } from './operators';\n",
      'src/db/query/operators.ts': 'export const op = 2;\n',
      'src/db/store.ts': "import { plan } from './search/plan';\nexport const a = plan;\n",
      'src/db/other.ts':
        "import { op } from './query/operators';\nimport { plan } from './search';\nexport const b = op + plan;\n",
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('search-through-its-index');
    expect(result.output).toContain('query-through-its-index');
  }, 30_000);
});
