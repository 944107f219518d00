import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { NodeAddress } from '../../../shared/protocol';
import { sanitizeHtml } from '../../safety/sanitizeHtml';
import { remoteImagesAllowed, setRemoteImages } from '../../storage/remoteImages';

/** Puts remote images back (allowed) or replaces each by a labelled placeholder (not allowed). */
function placeImages(root: DocumentFragment, allowed: boolean): number {
  const images = Array.from(root.querySelectorAll('img'));
  for (const img of images) {
    const src = img.getAttribute('data-remote-src');
    img.removeAttribute('data-remote-src');
    if (allowed && src) {
      img.referrerPolicy = 'no-referrer';
      img.loading = 'lazy';
      img.decoding = 'async';
      img.src = src;
      continue;
    }
    const placeholder = document.createElement('span');
    placeholder.className = 'image-placeholder';
    placeholder.textContent = img.alt ? `Image: ${img.alt}` : 'Image not loaded';
    img.replaceWith(placeholder);
  }
  return images.length;
}

/**
 * Untrusted HTML or XHTML, sanitized here at render (see sanitizeHtml) and inserted as nodes,
 * not as a string: what DOMPurify checked is exactly what the page gets (no re-parse).
 * Images from remote sites wait for the user's per-feed permission.
 */
export function SafeHtml({
  markup,
  feed,
  lang,
}: {
  markup: string;
  feed: NodeAddress;
  lang?: string | undefined;
}) {
  const host = useRef<HTMLDivElement>(null);
  const sanitized = useMemo(() => sanitizeHtml(markup), [markup]);
  const allowed = remoteImagesAllowed(feed);
  const hasImages = useMemo(
    () => sanitized.querySelector('img[data-remote-src]') !== null,
    [sanitized],
  );

  useLayoutEffect(() => {
    const copy = sanitized.cloneNode(true) as DocumentFragment;
    placeImages(copy, allowed);
    host.current?.replaceChildren(copy);
  }, [sanitized, allowed]);

  return (
    <>
      {hasImages && !allowed ? (
        <p class="images-blocked">
          <span class="muted">
            Images from remote sites are not loaded, so they cannot track you.
          </span>
          <button
            type="button"
            class="quiet"
            onClick={() => {
              setRemoteImages(feed, true);
            }}
          >
            Load images from remote sites
          </button>
        </p>
      ) : null}
      <div class="rich-content" ref={host} lang={lang} />
    </>
  );
}
