import { installPrompt, promptInstall } from './installPrompt';

/** "Install" where the browser offers installation (beforeinstallprompt), nowhere else. */
export function InstallButton() {
  if (!installPrompt.value) return null;
  return (
    <button type="button" class="install-button" onClick={() => void promptInstall()}>
      Install
    </button>
  );
}
