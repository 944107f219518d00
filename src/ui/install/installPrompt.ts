import { signal } from '@preact/signals';

/** The deferred install prompt (Chromium's `beforeinstallprompt`), while one is on offer. */
interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export const installPrompt = signal<InstallPromptEvent | null>(null);

/**
 * Listens from the start (the event can fire before the UI renders) and keeps the prompt for the
 * Install control. Browsers without the event (Firefox, Safari) simply never show the control.
 */
export function captureInstallPrompt(): void {
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault(); // our own control, not the browser's mini-infobar
    installPrompt.value = event as InstallPromptEvent;
  });
  window.addEventListener('appinstalled', () => (installPrompt.value = null));
}

export async function promptInstall(): Promise<'accepted' | 'dismissed' | 'unavailable'> {
  const event = installPrompt.value;
  if (!event) return 'unavailable';
  installPrompt.value = null; // a prompt can be shown once
  await event.prompt();
  return (await event.userChoice).outcome;
}
