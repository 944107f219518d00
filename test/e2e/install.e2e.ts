import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { registerAccount } from '../support/accounts';
import { launchBrowser, serviceWorkerReady, type LaunchedBrowser } from '../support/browser';
import { signIn } from '../support/signIn';

// Issue 6 "Install": Chromium's own installability check, the Install control, the xmpp:
// protocol handler's target, and the manifest's standalone display and shortcuts.
const appUrl = inject('appUrl');
const wsUrl = inject('wsUrl');
let browser: LaunchedBrowser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('installable app', () => {
  it('passes Chromium installability checks with a valid manifest', async () => {
    const page = await browser.context.newPage();
    await page.goto(appUrl);
    await serviceWorkerReady(page);
    const cdp = await browser.context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: Array<{ errorId: string }>;
    };
    expect(installabilityErrors).toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as {
      errors: unknown[];
      data?: string;
    };
    expect(manifest.errors).toEqual([]);
    const data = JSON.parse(manifest.data ?? '{}') as {
      display?: string;
      shortcuts?: unknown[];
      protocol_handlers?: Array<{ protocol: string; url: string }>;
    };
    expect(data.display).toBe('standalone');
    expect(data.shortcuts?.length).toBeGreaterThan(0);
    expect(data.protocol_handlers).toContainEqual({ protocol: 'xmpp', url: '/open?uri=%s' });
    await cdp.detach();
    await page.close();
  });

  it('shows an Install control when the browser offers installation, and uses its prompt', async () => {
    const page = await browser.context.newPage();
    // Chromium offers installation by itself (the app is installable), at a moment of its own:
    // its event arriving after the test's would replace it, and the click would use the real
    // prompt. Only the test's event (untrusted) reaches the app.
    await page.addInitScript(() => {
      window.addEventListener(
        'beforeinstallprompt',
        (event) => {
          if (event.isTrusted) event.stopImmediatePropagation();
        },
        { capture: true },
      );
    });
    await page.goto(appUrl);
    await serviceWorkerReady(page);
    // Play the browser's part with an event whose prompt() we can observe.
    await page.evaluate(() => {
      const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
        prompt: () => {
          (window as unknown as { prompted: boolean }).prompted = true;
          return Promise.resolve();
        },
        userChoice: Promise.resolve({ outcome: 'accepted' }),
      });
      window.dispatchEvent(event);
    });
    await page.getByRole('button', { name: 'Install' }).click();
    expect(await page.evaluate(() => (window as unknown as { prompted?: boolean }).prompted)).toBe(
      true,
    );
    await expect(page.getByRole('button', { name: 'Install' }).count()).resolves.toBe(0);
    await page.close();
  });

  it('opens xmpp: links given to the protocol handler as the node or microblog they name', async () => {
    const account = await registerAccount('open');
    const page = await browser.context.newPage();
    await page.goto(appUrl);
    await serviceWorkerReady(page);
    await signIn(page, account, wsUrl);
    const uri = encodeURIComponent('xmpp:pubsub.localhost?;node=news/satchel');
    await page.goto(`${appUrl}open?uri=${uri}`);
    await page.waitForURL(/\/feed\/pubsub\.localhost\/news%2Fsatchel$/u);
    await page.goto(`${appUrl}open?uri=${encodeURIComponent(`xmpp:${account.jid}`)}`);
    await page.waitForURL(
      new RegExp(`/feed/${account.jid.replace(/[.]/gu, '\\.')}/urn:xmpp:microblog:0$`, 'u'),
    );
    await page.goto(`${appUrl}open?uri=${encodeURIComponent('mailto:nobody')}`);
    await page.getByRole('heading', { name: 'Cannot open this link' }).waitFor();
    await page.getByRole('button', { name: /Sign out/u }).click();
    await page.close();
  });
});
