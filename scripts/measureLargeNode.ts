/**
 * Measures the sync of one very large node in Chromium (issue 15, "50,000 items on one node";
 * docs/reliability.md), too long for the test suite (test/integration/largeNode.test.ts proves
 * the cheap part). A private Prosody gets the node straight into its SQL archive
 * (lib/seedPubsubArchive.ts), the bench's 1 to 3 KB XEP-0277 posts; the built app (run
 * `npm run build` first) syncs it through a pass-through fault proxy that reads the frames.
 * Prints: time and items/s, the largest server stanza and the listing's size and wait, the
 * worker's answer time to a `session.state` request every 2 s during the sync, and its heap.
 *
 *   npx tsx scripts/measureLargeNode.ts [--count 50000] [--timeout-s 3600]
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { serviceWorkerReady } from '../test/support/browser';
import { pageRpc } from '../test/support/pageRpc';
import { signIn } from '../test/support/signIn';
import { benchEntry, benchItemId } from './bench/lib/benchItems';
import { launchBenchBrowser } from './bench/lib/benchBrowser';
import { createWireRecorder } from './bench/lib/wireFrames';
import { workerHeap } from './bench/lib/workerHeap';
import { startFaultProxy } from './lib/faultProxy';
import { startProsody } from './lib/prosody';
import { seedPubsubArchive } from './lib/seedPubsubArchive';
import { serveApp } from './serveApp';
import { connectPeer } from './lib/xmppPeer';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '50000' },
    'timeout-s': { type: 'string', default: '3600' },
  },
});
const COUNT = Number(values.count);
const TIMEOUT_MS = Number(values['timeout-s']) * 1000;
const NODE = `scale-${COUNT}`;
const POLL_MS = 2_000;

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

const prosody = await startProsody({ pubsubMaxItems: COUNT + 1_000 });
const cleanups: (() => Promise<void>)[] = [() => prosody.stop()];
try {
  const publisherJid = await prosody.register('pub', 'pw-pub');
  const reader = { jid: await prosody.register('reader', 'pw-reader'), password: 'pw-reader' };
  const publisher = await connectPeer({
    wsUrl: prosody.wsUrl,
    jid: publisherJid,
    password: 'pw-pub',
  });
  cleanups.push(() => publisher.stop());
  const service = prosody.pubsubService;
  await publisher.createNode(service, NODE, {
    'pubsub#max_items': String(COUNT + 1_000),
    'pubsub#access_model': 'open',
  });
  const options = { count: COUNT, endMs: Date.now(), authorJid: publisherJid };
  const item = (i: number) => ({ id: benchItemId(i), payload: benchEntry(i, options) });
  const [, seedMs] = await timed(async () => {
    await publisher.publish(service, NODE, item(0).id, item(0).payload);
    await seedPubsubArchive(prosody, {
      node: NODE,
      from: 1,
      count: COUNT,
      item,
      publisher: publisherJid,
    });
  });
  console.log(`seeded ${COUNT} posts in ${(seedMs / 1000).toFixed(1)} s`);

  const wire = createWireRecorder();
  const proxy = await startFaultProxy({
    target: { host: '127.0.0.1', port: prosody.httpPort },
    onChunk: (chunk) => wire.onChunk(chunk),
  });
  cleanups.push(() => proxy.close());
  const wsUrl = proxy.wsUrlFor(prosody.wsUrl);
  const app = await serveApp({ dir: 'dist', websocketUrl: wsUrl });
  cleanups.push(() => app.close());
  const browser = await launchBenchBrowser();
  cleanups.push(() => browser.close());
  const page: Page = await browser.context.newPage();
  // tsx (esbuild, keepNames) wraps functions in __name(), which page.evaluate carries along.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.goto(app.url);
  await serviceWorkerReady(page);
  await signIn(page, reader, wsUrl);
  const heapBefore = await workerHeap(browser.cdp);
  wire.take();

  const address = { service, node: NODE };
  const started = performance.now();
  await pageRpc(page, 'cache.follow', address, 120_000);
  let largest = { bytes: 0, text: '' };
  let toClientBytes = 0;
  let heapPeak = 0;
  const answerMs: number[] = [];
  let state = '';
  let polls = 0;
  for (;;) {
    const [, ms] = await timed(() => pageRpc(page, 'session.state', {}, 60_000));
    answerMs.push(ms);
    const node = (await pageRpc(page, 'cache.getNode', address, 60_000)).node;
    for (const frame of wire.take()) {
      if (frame.direction !== 'toClient' || frame.kind !== 'text') continue;
      toClientBytes += frame.wireBytes;
      if (frame.wireBytes > largest.bytes)
        largest = { bytes: frame.wireBytes, text: frame.text.slice(0, 120) };
    }
    if (polls++ % 10 === 0)
      heapPeak = Math.max(heapPeak, (await workerHeap(browser.cdp, false)).usedBytes);
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    const line = `${seconds} s: ${node?.syncState} ${node?.progress?.done ?? '-'}/${node?.progress?.total ?? '-'} (cached ${node?.itemCount ?? 0}); answer ${ms.toFixed(0)} ms${node?.error ? `; error ${node.error.code}: ${node.error.message}` : ''}`;
    if (line !== state) console.log(line);
    state = line;
    if (node?.syncState === 'completed') break;
    if (performance.now() - started > TIMEOUT_MS)
      throw new Error(`not completed in ${TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const syncMs = performance.now() - started;
  const node = (await pageRpc(page, 'cache.getNode', address)).node;
  const heapAfter = await workerHeap(browser.cdp);
  const sorted = [...answerMs].sort((a, b) => a - b);
  const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  console.log(`\n## ${COUNT} posts on one node, synced in Chromium`);
  console.log(
    `- sync (follow → completed): ${(syncMs / 1000).toFixed(1)} s, ${(COUNT / (syncMs / 1000)).toFixed(1)} items/s; cached ${node?.itemCount}`,
  );
  console.log(
    `- server → worker: ${mb(toClientBytes)} of text frames; largest ${mb(largest.bytes)}: ${largest.text}`,
  );
  console.log(
    `- worker answers (session.state every ${POLL_MS / 1000} s, n=${sorted.length}): p50 ${p(0.5).toFixed(0)} ms, p95 ${p(0.95).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`,
  );
  console.log(
    `- worker heap: ${mb(heapBefore.usedBytes)} before (after GC), peak sampled ${mb(heapPeak)} during, ${mb(heapAfter.usedBytes)} after (after GC)`,
  );
  console.log(`- seeding: ${(seedMs / 1000).toFixed(1)} s`);
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((e: unknown) => console.warn(e));
}
