import type { ComponentChildren } from 'preact';

/** Nothing to show yet, said plainly, with what the user can do about it. */
export function EmptyState({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="state state-empty">
      <p class="state-title">{title}</p>
      {children}
    </div>
  );
}
