/** The reserved slot of a row whose page is still loading: same height, no text. */
export function SkeletonRow({ index }: { index: number }) {
  return (
    <div class="feed-row skeleton" style={{ '--i': String(index) }} aria-hidden="true">
      <span class="skeleton-line wide" />
      <span class="skeleton-line" />
      <span class="skeleton-line short" />
    </div>
  );
}
