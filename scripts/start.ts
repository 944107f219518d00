// `npm start`: build the app, start a demo Prosody with demo content (when Prosody is installed
// or installable), serve dist/ on PORT (default 8080), and stop everything on Ctrl-C.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, startDemoServer } from './lib/demoServer';
import type { ProsodyServer } from './lib/prosody';
import { serveApp, type ServedApp } from './serveApp';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => {
      resolve(code ?? 1);
    });
  });
}

async function serveOnPreferredPort(websocketUrl?: string): Promise<ServedApp> {
  const dir = `${ROOT}dist`;
  const port = Number(process.env.PORT ?? 8080);
  try {
    return await serveApp({ dir, port, websocketUrl });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.info(`Port ${port} is taken; using a free one.`);
    return serveApp({ dir, port: 0, websocketUrl });
  }
}

async function main(): Promise<void> {
  const buildStatus = await run('npx', ['vite', 'build']);
  if (buildStatus !== 0) process.exit(buildStatus);

  // Installs Prosody as root; otherwise prints the one-line apt-get hint and we go on without.
  const packagesStatus = await run('bash', [
    'scripts/ensureSystemPackages.sh',
    '--prosody-only',
    '--optional',
  ]);
  let prosody: ProsodyServer | undefined;
  let jid: string | undefined;
  if (packagesStatus === 0) {
    const demo = await startDemoServer(`${ROOT}.demo/prosody`);
    prosody = demo.server;
    jid = demo.jid;
    if (demo.seeded) console.info('Published the demo content.');
  }
  const app = await serveOnPreferredPort(prosody?.wsUrl);

  console.info('');
  console.info(`Satchel:        ${app.url}`);
  if (prosody && jid) {
    console.info(`Demo account:   ${jid}`);
    console.info(`Password:       ${DEMO_PASSWORD}`);
    console.info(`WebSocket:      ${prosody.wsUrl}`);
  } else {
    console.info('No demo XMPP server (Prosody is not installed); the app is served alone.');
  }
  console.info('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    Promise.all([app.close(), prosody?.stop()])
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
