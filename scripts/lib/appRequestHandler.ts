import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, posix, resolve, sep } from 'node:path';
import { hostMetaJson, hostMetaXml } from './hostMeta';
import { cacheControl, mimeType, securityHeaders } from './staticHeaders';

type Found = { path: string; size: number; mtimeMs: number };
type Headers = Record<string, string>;

const PLAIN = 'text/plain; charset=utf-8';

/** The file for `urlPath` inside `root`, or null; never a path outside root (traversal). */
async function findFile(root: string, urlPath: string): Promise<Found | null> {
  // normalize() of an absolute path cannot climb above "/", and realpath catches symlinks.
  let path = resolve(root, `.${posix.normalize(urlPath)}`);
  try {
    let info = await stat(path);
    if (info.isDirectory()) {
      path = join(path, 'index.html');
      info = await stat(path);
    }
    const real = await realpath(path);
    if (!info.isFile() || !real.startsWith(root + sep)) return null;
    return { path: real, size: info.size, mtimeMs: info.mtimeMs };
  } catch {
    return null;
  }
}

function sendText(
  res: ServerResponse,
  status: number,
  body: string,
  type: string,
  headers: Headers,
) {
  res.writeHead(status, {
    ...headers,
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** XEP-0156 section 3 host-meta, readable cross-origin (CORS) as the XEP asks. */
function sendHostMeta(
  res: ServerResponse,
  urlPath: string,
  websocketUrl: string,
  headers: Headers,
) {
  const cors = { ...headers, 'Access-Control-Allow-Origin': '*' };
  if (urlPath.endsWith('.json')) {
    sendText(res, 200, hostMetaJson(websocketUrl), 'application/json', cors);
  } else {
    sendText(res, 200, hostMetaXml(websocketUrl), 'application/xrd+xml; charset=utf-8', cors);
  }
}

/** The request handler of serveApp(): static files from `root` (a real path), SPA fallback. */
export function createAppRequestHandler(root: string, websocketUrl?: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      sendText(res, 400, 'Bad request\n', PLAIN, securityHeaders('/'));
      return;
    }
    // Errors are never cached; files get their own cache policy below.
    const headers: Headers = { ...securityHeaders(urlPath), 'Cache-Control': 'no-cache' };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed\n', PLAIN, { ...headers, Allow: 'GET, HEAD' });
      return;
    }
    if (urlPath.includes('\0')) {
      sendText(res, 400, 'Bad request\n', PLAIN, headers);
      return;
    }
    if (urlPath === '/.well-known/host-meta' || urlPath === '/.well-known/host-meta.json') {
      if (websocketUrl) sendHostMeta(res, urlPath, websocketUrl, headers);
      else sendText(res, 404, 'No XMPP server is advertised here\n', PLAIN, headers);
      return;
    }
    // A path that is not a file is a client-side route when it has no extension, or when a
    // browser navigates to it (node and item ids may contain dots): serve the app shell.
    let servedPath = urlPath;
    let file = await findFile(root, urlPath);
    const navigation =
      req.headers['sec-fetch-mode'] === 'navigate' ||
      (req.headers.accept ?? '').includes('text/html');
    if (!file && (extname(urlPath) === '' || (navigation && !urlPath.startsWith('/assets/')))) {
      servedPath = '/index.html';
      file = await findFile(root, servedPath);
    }
    if (!file) {
      sendText(res, 404, 'Not found\n', PLAIN, headers);
      return;
    }
    const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
    headers.ETag = etag;
    headers['Content-Type'] = mimeType(file.path);
    headers['Cache-Control'] = cacheControl(servedPath);
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': String(file.size) });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file.path)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}
