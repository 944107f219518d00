import type { Enclosure } from '../../../shared/microblogTypes';
import { formatBytes } from '../../format/count';

function fileName(href: string): string {
  try {
    return decodeURIComponent(new URL(href).pathname.split('/').pop() ?? '') || href;
  } catch {
    return href;
  }
}

/** RFC 4287 rel="enclosure" links: what the file is, its type and size, and a safe link. */
export function Enclosures({ enclosures }: { enclosures: Enclosure[] }) {
  if (enclosures.length === 0) return null;
  return (
    <section class="attachments" aria-labelledby="attachments-title">
      <h2 id="attachments-title">Attachments</h2>
      <ul>
        {enclosures.map((enclosure) => {
          const safe = /^https?:\/\//iu.test(enclosure.href);
          const name = enclosure.title ?? fileName(enclosure.href);
          const details = [
            enclosure.type,
            enclosure.length !== undefined ? formatBytes(enclosure.length) : undefined,
          ]
            .filter(Boolean)
            .join(', ');
          return (
            <li key={enclosure.href} class="attachment">
              <span class="attachment-icon" aria-hidden="true">
                {enclosure.type?.startsWith('audio/')
                  ? '♪'
                  : enclosure.type?.startsWith('image/')
                    ? '▣'
                    : '⎘'}
              </span>
              {safe ? (
                <a
                  href={enclosure.href}
                  target="_blank"
                  rel="noopener noreferrer nofollow"
                  referrerpolicy="no-referrer"
                >
                  {name}
                </a>
              ) : (
                <span>{name}</span>
              )}
              {details ? <span class="muted"> ({details})</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
