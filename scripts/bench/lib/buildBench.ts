import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'vite';

const BUILD_TIMEOUT_MS = 300_000;

/** Runs a command in `cwd`; rejects with the tail of its output if it fails or times out. */
export function runQuietly(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, NODE_ENV: 'production', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? BUILD_TIMEOUT_MS,
    });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-16_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} failed (${code ?? signal}):\n${output}`));
    });
  });
}

/**
 * Builds the app into `outDir` (vite.config.ts reads SATCHEL_OUT_DIR), so the bench never
 * overwrites the dist/ other tools use, then the bench's page module into `outDir/bench/`.
 * The module is built after the app, so the worker's precache list does not include it.
 */
export async function buildBench(root: string, outDir: string): Promise<void> {
  await runQuietly('npx', ['vite', 'build'], { cwd: root, env: { SATCHEL_OUT_DIR: outDir } });
  await build({
    configFile: false,
    root,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: join(outDir, 'bench'),
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      lib: {
        entry: join(root, 'scripts/bench/page/benchPage.ts'),
        formats: ['es'],
        fileName: () => 'benchPage.js',
      },
    },
  });
}
