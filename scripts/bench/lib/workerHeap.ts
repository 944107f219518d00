import type { CdpClient } from './cdpClient';

export interface HeapUsage {
  /** V8 heap in use (bytes). */
  usedBytes: number;
  totalBytes: number;
  /** Blink objects the worker holds outside V8's heap, where Chromium reports it. */
  embedderBytes?: number;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** The running service worker's DevTools session (a new one each call: the worker may have
 * been restarted since). */
async function attachToWorker(cdp: CdpClient): Promise<string> {
  const { targetInfos } = await cdp.send<{ targetInfos: TargetInfo[] }>('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.endsWith('/sw.js'));
  if (!worker) throw new Error('no service worker target is running');
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', {
    targetId: worker.targetId,
    flatten: true,
  });
  return sessionId;
}

/**
 * The service worker's heap through the DevTools protocol: `Runtime.getHeapUsage` on the
 * worker target, after a full garbage collection when `collectGarbage` (what the worker keeps,
 * not what it allocated on the way).
 */
export async function workerHeap(cdp: CdpClient, collectGarbage = true): Promise<HeapUsage> {
  const sessionId = await attachToWorker(cdp);
  try {
    if (collectGarbage) {
      await cdp.send('HeapProfiler.enable', {}, sessionId);
      await cdp.send('HeapProfiler.collectGarbage', {}, sessionId);
      await cdp.send('HeapProfiler.collectGarbage', {}, sessionId);
    }
    const usage = await cdp.send<{
      usedSize: number;
      totalSize: number;
      embedderHeapUsedSize?: number;
    }>('Runtime.getHeapUsage', {}, sessionId);
    return {
      usedBytes: usage.usedSize,
      totalBytes: usage.totalSize,
      ...(usage.embedderHeapUsedSize !== undefined && {
        embedderBytes: usage.embedderHeapUsedSize,
      }),
    };
  } finally {
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
}
