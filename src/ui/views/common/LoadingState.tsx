/** A designed wait: a labelled spinner, announced politely to screen readers. */
export function LoadingState({ label }: { label: string }) {
  return (
    <div class="state state-loading" role="status">
      <span class="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
