import type { NodeAddress } from '../../../src/shared/protocol';
import { startFaultProxy, type FaultProxy } from '../../lib/faultProxy';
import { FETCH, LISTING, tallyStanzas, type Bytes, type StanzaTally } from './tallyStanzas';
import { createWireRecorder } from './wireFrames';

/** What crossed the proxy over one measured stretch. */
export interface WireStretch {
  /** Every byte, both ways (the proxy's counters). */
  bytes: Bytes;
  iqsSent: StanzaTally['iqsSent'];
  idsFetched: number;
  /** The node's listing and fetches by id: how many, and their requests and answers. */
  nodeIqs: number;
  nodeBytes: Bytes;
  /** The time the client waited for the server's answers to them (tallyStanzas.ts). */
  nodeWaitMs: { listing: number; fetch: number };
  bytesByKind: StanzaTally['bytes'];
}

export interface CountingProxy {
  proxy: FaultProxy;
  /** Forgets the bytes and frames so far: a stretch starts. */
  startStretch(): void;
  /** The stretch since `startStretch()`, its IQs classified against `address`. */
  endStretch(address: NodeAddress): WireStretch;
}

/** A fault proxy (scripts/lib/faultProxy.ts) to `target` that counts bytes and reads frames. */
export async function startCountingProxy(target: {
  host: string;
  port: number;
}): Promise<CountingProxy> {
  const wire = createWireRecorder();
  const proxy = await startFaultProxy({ target, onChunk: (chunk) => wire.onChunk(chunk) });
  return {
    proxy,
    startStretch() {
      wire.take();
      proxy.resetCounters();
    },
    endStretch(address) {
      const bytes = proxy.bytes;
      const tally = tallyStanzas(wire.take(), address);
      const pick = (kind: string): Bytes => tally.bytes[kind] ?? { toServer: 0, toClient: 0 };
      return {
        bytes,
        iqsSent: tally.iqsSent,
        idsFetched: tally.idsFetched,
        nodeIqs: (tally.iqsSent[LISTING] ?? 0) + (tally.iqsSent[FETCH] ?? 0),
        nodeBytes: {
          toServer: pick(LISTING).toServer + pick(FETCH).toServer,
          toClient: pick(LISTING).toClient + pick(FETCH).toClient,
        },
        nodeWaitMs: {
          listing: Math.round(tally.waitMs[LISTING] ?? 0),
          fetch: Math.round(tally.waitMs[FETCH] ?? 0),
        },
        bytesByKind: tally.bytes,
      };
    },
  };
}
