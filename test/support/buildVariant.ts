import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Builds "the next deployment" of Satchel: the same sources plus one more schema version
 * (a new table, filled by its upgrade), with its own build id. Update and upgrade tests serve
 * it after the current build, as a real deployment would arrive. Nothing of this enters the
 * product: the copy lives in a temporary folder.
 */
export async function buildNextDeployment(options: {
  buildId: string;
  failingUpgrade?: boolean;
}): Promise<{ outDir: string; schemaVersion: number; cleanup: () => void }> {
  const work = mkdtempSync(join(tmpdir(), 'satchel-next-'));
  for (const entry of [
    'src',
    'public',
    'index.html',
    'vite.config.ts',
    'package.json',
    'tsconfig.json',
    'tsconfig.base.json',
    'tsconfig.app.json',
    'tsconfig.sw.json',
    'tsconfig.node.json',
  ])
    cpSync(join(ROOT, entry), join(work, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'));
  const indexPath = join(work, 'src/db/versions/index.ts');
  const index = readFileSync(indexPath, 'utf8');
  const current = [...index.matchAll(/\bv(\d+)[A-Z]\w*/gu)].reduce(
    (max, m) => Math.max(max, Number(m[1])),
    0,
  );
  const next = current + 1;
  writeFileSync(
    join(work, `src/db/versions/v${next}NextDeployment.ts`),
    `import type { SchemaVersion } from './SchemaVersion';
export const v${next}NextDeployment: SchemaVersion = {
  version: ${next},
  name: 'nextDeployment',
  stores: { deploymentMarks: '&key' },
  upgrade: async (tx) => {
    ${options.failingUpgrade ? "throw new Error('upgrade failed on purpose');" : `await tx.table('deploymentMarks').put({ key: 'upgraded', items: await tx.table('items').count() });`}
  },
};
`,
  );
  const patched = index
    .replace(
      /(import type \{ SchemaVersion \} from '\.\/SchemaVersion';)/u,
      `$1\nimport { v${next}NextDeployment } from './v${next}NextDeployment';`,
    )
    .replace(
      /(export const schemaVersions[^=]*=\s*\[)([^\]]*)\]/su,
      (_m, head: string, list: string) =>
        `${head}${list.trim().replace(/,$/u, '')}, v${next}NextDeployment]`,
    );
  if (patched === index)
    throw new Error('could not append a schema version to src/db/versions/index.ts');
  writeFileSync(indexPath, patched);
  const outDir = join(work, 'dist');
  await run('npx', ['vite', 'build'], {
    cwd: work,
    env: {
      ...process.env,
      NODE_ENV: 'production', // not Vitest's 'test': the production build, as deployed
      SATCHEL_OUT_DIR: outDir,
      SATCHEL_BUILD_ID: options.buildId,
    },
    timeout: 120_000,
  });
  return {
    outDir,
    schemaVersion: next,
    cleanup: () => rmSync(work, { recursive: true, force: true }),
  };
}

/** Replaces what a folder served by serveApp contains (its path stays the same). */
export function deploy(fromDir: string, liveDir: string): void {
  rmSync(liveDir, { recursive: true, force: true });
  cpSync(fromDir, liveDir, { recursive: true });
}
