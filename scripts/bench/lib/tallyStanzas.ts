import parse from 'ltx/lib/parse.js';
import type { NodeAddress } from '../../../src/shared/protocol';
import type { WireFrame } from './wireFrames';

const NS_DISCO_ITEMS = 'http://jabber.org/protocol/disco#items';
const NS_PUBSUB = 'http://jabber.org/protocol/pubsub';

/** The node's id listing (XEP-0060 §5.5) and its items fetched by id (§6.5.8). */
export const LISTING = 'listing';
export const FETCH = 'fetch by id';
/** What is not an IQ: the upgrade, stream, SASL, XEP-0198, presence, messages, control frames. */
const SESSION = 'session (not IQ)';

export interface Bytes {
  toServer: number;
  toClient: number;
}

/** What the client said on the wire, from frames read by the proxy (wireFrames.ts). */
export interface StanzaTally {
  /** IQs of type get or set the client sent, by kind: `listing`, `fetch by id` (both on the
   * measured node), or the payload's namespace (`ping`, `xmpp-bind`, `pubsub subscriptions`…). */
  iqsSent: Record<string, number>;
  /** Item ids asked for in the `fetch by id` IQs. */
  idsFetched: number;
  /** Wire bytes by the same kinds: an IQ's kind counts its request and its answer. */
  bytes: Record<string, Bytes>;
  /** By kind, the sum of the times from a request crossing the proxy to its answer crossing
   * it: what the client waited for the server (IQs in flight together count apart). */
  waitMs: Record<string, number>;
  total: Bytes;
}

const lastSegment = (ns: string | undefined): string =>
  (ns ?? '?').split(/[/:]/u).filter(Boolean).at(-1) ?? '?';

/** The kind of a client IQ of type get/set, and the ids it fetches from `address`. */
function iqKind(text: string, address: NodeAddress): { kind: string; ids: number } {
  const iq = parse(text);
  const payload = iq.getChildElements()[0];
  if (!payload) return { kind: 'empty', ids: 0 };
  const ns = payload.getNS();
  const onNode = (element: { attrs: Record<string, string | undefined> }) =>
    iq.attrs.to === address.service && element.attrs.node === address.node;
  if (payload.name === 'query' && ns === NS_DISCO_ITEMS && onNode(payload))
    return { kind: LISTING, ids: 0 };
  if (ns === NS_PUBSUB) {
    const action = payload.getChildElements()[0];
    if (action?.name === 'items' && onNode(action))
      return { kind: FETCH, ids: action.getChildren('item').length };
    return { kind: `pubsub ${action?.name ?? '?'}`, ids: 0 };
  }
  return { kind: lastSegment(ns), ids: 0 };
}

/** The opening tag's attribute `name`, read without parsing the (possibly huge) stanza. */
function openingAttr(text: string, name: string): string | undefined {
  const head = text.slice(0, text.indexOf('>') + 1);
  const match = new RegExp(`\\s${name}=(['"])(.*?)\\1`, 'u').exec(head);
  return match?.[2];
}

/**
 * Counts the IQs a client sent and the bytes each kind of exchange cost, both ways. An answer
 * is matched to its request by connection and id (RFC 6120 §8.2.3).
 */
export function tallyStanzas(frames: readonly WireFrame[], address: NodeAddress): StanzaTally {
  const tally: StanzaTally = {
    iqsSent: {},
    idsFetched: 0,
    bytes: {},
    waitMs: {},
    total: { toServer: 0, toClient: 0 },
  };
  const requests = new Map<string, { kind: string; at: number }>();
  const add = (kind: string, frame: WireFrame): void => {
    const bytes = (tally.bytes[kind] ??= { toServer: 0, toClient: 0 });
    bytes[frame.direction] += frame.wireBytes;
    tally.total[frame.direction] += frame.wireBytes;
  };
  for (const frame of frames) {
    const isIq = frame.kind === 'text' && frame.text.startsWith('<iq');
    const type = isIq ? openingAttr(frame.text, 'type') : undefined;
    const id = isIq ? openingAttr(frame.text, 'id') : undefined;
    const key = `${frame.connection} ${id ?? ''}`;
    if (frame.direction === 'toServer' && (type === 'get' || type === 'set')) {
      const { kind, ids } = iqKind(frame.text, address);
      tally.iqsSent[kind] = (tally.iqsSent[kind] ?? 0) + 1;
      tally.idsFetched += ids;
      if (id !== undefined) requests.set(key, { kind, at: frame.at });
      add(kind, frame);
    } else if (frame.direction === 'toClient' && (type === 'result' || type === 'error')) {
      const request = requests.get(key);
      if (request)
        tally.waitMs[request.kind] = (tally.waitMs[request.kind] ?? 0) + frame.at - request.at;
      add(request?.kind ?? 'iq answers to no request seen', frame);
    } else {
      add(isIq ? `iq ${type ?? '?'}` : SESSION, frame);
    }
  }
  return tally;
}
