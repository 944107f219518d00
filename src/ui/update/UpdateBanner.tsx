import { useContext } from 'preact/hooks';
import { workerBuild } from '../state/appState';
import { UpdateContext } from './UpdateContext';
import { updateReady } from './watchForUpdates';

/**
 * "Update ready: reload" when a new deployment waits, and "reload" when this page is older than
 * the engine serving it (an update was accepted in another tab). Such a page can do no harm —
 * it only talks to the engine through the validated RPC — but it should not stay stale.
 */
export function UpdateBanner() {
  const onAccept = useContext(UpdateContext);
  const stale = workerBuild.value !== undefined && workerBuild.value !== __SATCHEL_BUILD__;
  if (stale)
    return (
      <div class="banner banner-info" role="alert" data-update="stale">
        <p>Satchel was updated. Reload this page to use the new version.</p>
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>
      </div>
    );
  if (!updateReady.value) return null;
  return (
    <div class="banner banner-info" role="status" data-update="ready">
      <p>Update ready.</p>
      <button type="button" onClick={onAccept}>
        Reload to update
      </button>
    </div>
  );
}
