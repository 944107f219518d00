import type { NodeAddress } from '../../../shared/protocol';
import { remoteImagesAllowed, setRemoteImages } from '../../storage/remoteImages';

/** The feed's remote-images choice, which the placeholders' button also sets; it can be undone. */
export function RemoteImagesToggle({ address }: { address: NodeAddress }) {
  const allowed = remoteImagesAllowed(address);
  return (
    <label class="check small">
      <input
        type="checkbox"
        checked={allowed}
        onChange={(e) => {
          setRemoteImages(address, e.currentTarget.checked);
        }}
      />
      Load images from remote sites
    </label>
  );
}
