import { realpath } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createAppRequestHandler } from './lib/appRequestHandler';
import { securityHeaders } from './lib/staticHeaders';

export interface ServeAppOptions {
  /** The built app, normally dist/. */
  dir: string;
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Advertised in /.well-known/host-meta(.json) (XEP-0156) when given. */
  websocketUrl?: string;
}

export interface ServedApp {
  /** http://localhost:PORT/ — localhost, so the origin is a secure context (service workers). */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A small node:http static server for the built app: MIME types, cache policy, security
 * headers and CSP (lib/staticHeaders.ts), SPA fallback and host-meta (lib/appRequestHandler.ts).
 */
export async function serveApp(options: ServeAppOptions): Promise<ServedApp> {
  const root = await realpath(resolve(options.dir));
  const handle = createAppRequestHandler(root, options.websocketUrl);
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('serveApp:', error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(500, { ...securityHeaders('/'), 'Content-Type': 'text/plain' });
      res.end('Internal error\n');
    });
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => {
          resolveClose();
        });
        // Keep-alive sockets (a browser's) would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      ws: { type: 'string' },
    },
  });
  const app = await serveApp({
    dir: values.dir,
    port: Number(values.port),
    host: values.host,
    websocketUrl: values.ws,
  });
  console.log(`Serving ${values.dir} at ${app.url}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
