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
});
