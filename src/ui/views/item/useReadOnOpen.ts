import { useEffect, useRef } from 'preact/hooks';
import type { ItemView } from '../../../shared/protocol';

/**
 * Marks an item read when a visit opens it: once per visit (one mount of the item view for one
 * item id; RouteView keys the view by its address), decided when the item first arrives, read
 * or not. A later change of its read state (the user's toggle, a live update) is someone's
 * choice and never triggers it again: otherwise "Mark as unread" on a post that was already
 * read when opened would be undone at once (issue 19).
 */
export function useReadOnOpen(
  id: string,
  item: ItemView | undefined,
  markRead: () => Promise<void>,
): void {
  const decidedFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    // `item` may still be the previous id's until this id's answer arrives.
    if (!item || item.id !== id || decidedFor.current === id) return;
    decidedFor.current = id;
    // Only cached items have a read state (undefined otherwise): nothing to mark.
    if (item.read === false) void markRead().catch(() => undefined);
  });
}
