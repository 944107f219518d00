import { storage } from '../state/appState';

const TEXT: Record<string, string> = {
  full: 'Storage is full: nothing more can be cached until space is freed.',
  versionChanged: 'Satchel was updated in another tab. Reload this page to continue.',
  blocked: 'Satchel is waiting for an older tab to close before it can upgrade its database.',
  upgradeFailed: 'The local database could not be upgraded. Your previous data is untouched.',
  error: 'The local database failed.',
};

/** Database states the user must know about (issue 3: versionchange, blocked, quota, upgrade). */
export function StorageBanner() {
  const state = storage.value;
  if (state.status === 'ok') return null;
  return (
    <div class="banner banner-warning" role="alert" data-storage={state.status}>
      <p>{TEXT[state.status] ?? state.error?.message}</p>
      {state.status === 'versionChanged' || state.status === 'upgradeFailed' ? (
        <button
          type="button"
          onClick={() => {
            location.reload();
          }}
        >
          Reload
        </button>
      ) : null}
    </div>
  );
}
