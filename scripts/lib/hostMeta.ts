// XEP-0156 section 3: host-meta (RFC 6415) advertising the WebSocket endpoint (RFC 7395).
const WEBSOCKET_REL = 'urn:xmpp:alt-connections:websocket';

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The XRD document served at /.well-known/host-meta. */
export function hostMetaXml(websocketUrl: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<XRD xmlns="http://docs.oasis-open.org/ns/xri/xrd-1.0">
  <Link rel="${WEBSOCKET_REL}" href="${escapeAttribute(websocketUrl)}"/>
</XRD>
`;
}

/** The JRD document served at /.well-known/host-meta.json. */
export function hostMetaJson(websocketUrl: string): string {
  return `${JSON.stringify({ links: [{ rel: WEBSOCKET_REL, href: websocketUrl }] }, null, 2)}\n`;
}
