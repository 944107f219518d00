/**
 * "N new posts": floats over the list (a zero-height sticky bar), so appearing moves nothing;
 * the new posts come in only when the user asks. The count is announced politely.
 */
export function NewPostsButton({
  count,
  capped,
  onShow,
}: {
  count: number;
  capped: boolean;
  onShow: () => void;
}) {
  const label = `${count.toLocaleString()}${capped ? '+' : ''} new ${count === 1 && !capped ? 'post' : 'posts'}`;
  return (
    <div class="new-posts-bar">
      <div role="status" class="new-posts-status">
        {count > 0 ? (
          <button type="button" class="new-posts" data-testid="new-posts" onClick={onShow}>
            <span aria-hidden="true">↑ </span>
            {label}
          </button>
        ) : null}
      </div>
    </div>
  );
}
