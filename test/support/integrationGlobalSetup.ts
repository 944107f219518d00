import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Vitest globalSetup for the integration project: Prosody (and its SQL storage) must be there
// before the first test starts one, so `npm run test:integration` works on a fresh machine too.
// As root the script installs what is missing; otherwise it prints the one apt-get line.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const INSTALL_TIMEOUT_MS = 300_000;

export default function setup(): void {
  const result = spawnSync('bash', ['scripts/ensureSystemPackages.sh', '--prosody-only'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: INSTALL_TIMEOUT_MS,
  });
  if (result.status === 0) return;
  const said = `${result.stdout}${result.stderr}`.trim().split('\n').slice(-3).join('\n');
  throw new Error(said || `ensureSystemPackages.sh failed (${result.status ?? result.signal})`);
}
