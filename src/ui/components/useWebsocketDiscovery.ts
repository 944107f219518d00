import type { RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { parseAccountJid } from '../../shared/jid';
import { useRpc } from '../rpcContext';

/**
 * XEP-0156 discovery of the WebSocket URL, for the sign-in form. A found URL fills the field
 * only while the user is not in it and it is empty or still holds an earlier found URL;
 * otherwise it is offered as a suggestion. Writing into a focused field raced with the user's
 * own editing: a value set between their select-all and their typing got the typed text
 * appended to it ("ws://…/xmpp-websocketws://…/xmpp-websocket").
 */
export function useWebsocketDiscovery(
  input: RefObject<HTMLInputElement | null>,
  setUrl: (url: string) => void,
) {
  const rpc = useRpc();
  const [discovering, setDiscovering] = useState(false);
  const [suggestion, setSuggestion] = useState<string>();
  const filled = useRef<string | undefined>(undefined);

  const discover = async (jid: string): Promise<void> => {
    const account = parseAccountJid(jid);
    if (!account) return;
    setDiscovering(true);
    try {
      const { websocketUrl } = await rpc.call('session.discover', { jid: account });
      const field = input.current;
      if (!websocketUrl || !field) return;
      const untouched = field.value === '' || field.value === filled.current;
      if (untouched && document.activeElement !== field) {
        // Set the DOM now, not at the next render: no moment where the two disagree.
        field.value = websocketUrl;
        filled.current = websocketUrl;
        setUrl(websocketUrl);
        setSuggestion(undefined);
      } else setSuggestion(field.value === websocketUrl ? undefined : websocketUrl);
    } catch {
      // Discovery is a convenience: the user can always type the URL.
    } finally {
      setDiscovering(false);
    }
  };

  const accept = (): void => {
    if (!suggestion) return;
    filled.current = suggestion;
    setUrl(suggestion);
    setSuggestion(undefined);
  };

  return { discovering, suggestion, discover, accept };
}
