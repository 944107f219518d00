import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startProsody } from '../../scripts/lib/prosody';
import { registerAccount as prosodyctlRegister } from '../../scripts/lib/prosodyctl';
import { connectPeer } from '../../scripts/lib/xmppPeer';
import { publishScaleNode } from './scaleNode';
import { serveApp } from '../../scripts/serveApp';

// Vitest globalSetup for the e2e project: system packages, one build of the app, one shared
// Prosody, one static server. Test files read the addresses with inject() (provided.d.ts).

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILD_TIMEOUT_MS = 300_000;

/** Runs a command in the repo root; rejects with the tail of its output if it fails. */
function runQuietly(command: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      // Vitest sets NODE_ENV=test, which builds would inherit (development code in the bundles):
      // the e2e tests and the size check after them must see the production build.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-8_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${code ?? signal}):\n${output}`));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await runQuietly('bash', ['scripts/ensureSystemPackages.sh'], BUILD_TIMEOUT_MS);
  // vite.config.ts reads SATCHEL_OUT_DIR too, so both agree on where the build is.
  const outDir = process.env.SATCHEL_OUT_DIR ?? 'dist';
  if (process.env.SATCHEL_SKIP_BUILD !== '1') {
    await runQuietly('npx', ['vite', 'build'], BUILD_TIMEOUT_MS);
  }
  const prosody = await startProsody();
  let app;
  try {
    app = await serveApp({ dir: `${ROOT}${outDir}`, websocketUrl: prosody.wsUrl });
  } catch (error) {
    await prosody.stop();
    throw error;
  }
  // The 5,000-item node that the scale tests read: published once, not once per file.
  const started = performance.now();
  const owner = await prosodyctlRegister(
    prosody.configPath,
    'scale-owner',
    prosody.domain,
    'scale-owner-pw',
  );
  try {
    const peer = await connectPeer({
      wsUrl: prosody.wsUrl,
      jid: owner,
      password: 'scale-owner-pw',
    });
    await publishScaleNode(peer, prosody.pubsubService).finally(() => peer.stop());
  } catch (error) {
    await app.close();
    await prosody.stop();
    throw error;
  }
  console.info(`e2e setup: 5,000 items published in ${Math.round(performance.now() - started)} ms`);
  project.provide('appUrl', app.url);
  project.provide('wsUrl', prosody.wsUrl);
  project.provide('domain', prosody.domain);
  project.provide('pubsubService', prosody.pubsubService);
  project.provide('prosodyConfigDir', prosody.dataDir);
  project.provide('prosodyConfigPath', prosody.configPath);

  return async () => {
    await app.close();
    await prosody.stop();
  };
}
