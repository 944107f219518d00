import { signal } from '@preact/signals';
import type { NodeAddress } from '../../shared/protocol';

// Page storage (localStorage), not the cache: which feeds may load images from remote sites.
const KEY = 'satchel.remoteImages';

function load(): Set<string> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return new Set(
      Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [],
    );
  } catch {
    return new Set();
  }
}

/** Feeds (service + node) whose remote images the user allowed. */
export const remoteImageFeeds = signal<ReadonlySet<string>>(load());

export const feedKey = (address: NodeAddress): string => `${address.service}\n${address.node}`;

export function remoteImagesAllowed(address: NodeAddress): boolean {
  return remoteImageFeeds.value.has(feedKey(address));
}

export function setRemoteImages(address: NodeAddress, allowed: boolean): void {
  const next = new Set(remoteImageFeeds.value);
  if (allowed) next.add(feedKey(address));
  else next.delete(feedKey(address));
  remoteImageFeeds.value = next;
  try {
    localStorage.setItem(KEY, JSON.stringify([...next]));
  } catch {
    // Storage may be full or disabled: the choice then lasts for this page only.
  }
}
