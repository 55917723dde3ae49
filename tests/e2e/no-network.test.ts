/**
 * Bối cảnh makes no network request, ever. The browser sends every request of every context
 * (pages, service worker or background page, extension pages), loopback included, through a
 * recording proxy; a whole reading session (pages read and marked, cards opened, the popup
 * searched, the options page changed, a site switched off and on) must add nothing but the
 * pages the test itself opened. (Proxies see HTTP and HTTPS; the extension has no WebRTC or
 * WebSocket or beacon code anywhere in the build: `manifest.test.ts` checks that.)
 */
import { describe, expect, it } from 'vitest';
import { hoverCard, inEachBrowser, mentionsWhen, openPage, openPopup, type BrowserName } from './helpers';
import { recordingProxy } from './recording-proxy';

/**
 * What each browser asks of its own services, whatever extension is loaded (Chromium: sign-in
 * and component updates; Firefox: remote settings). The proxy cannot tell who asked, so
 * these exact requests are set aside; Bối cảnh's code names no host at all, and a request to
 * any other host (another Google or Mozilla one included) fails the test.
 */
const BROWSER_SERVICES: Record<BrowserName, RegExp[]> = {
  chromium: [/^CONNECT accounts\.google\.com:443$/, /^CONNECT update\.googleapis\.com:443$/, /^POST http:\/\/update\.googleapis\.com\/service\/update2\/json\?/],
  firefox: [/^CONNECT firefox\.settings\.services\.mozilla\.com:443$/],
};

inEachBrowser(
  (suite) => {
    describe('the network', () => {
      it('is never used by the extension during a full session', async () => {
        const proxy = await recordingProxy(suite.server.url);
        const browserOwn = (line: string) => BROWSER_SERVICES[suite.name].some((pattern) => pattern.test(line));
        const browser = await suite.launch({ proxy: proxy.address });
        try {
          // The recorder sees what an extension context fetches: a control request, made on purpose.
          const control = `${suite.server.url}/control-from-the-test`;
          await browser.inExtension((_api, url) => fetch(url).then(() => undefined, () => undefined), control);
          expect(proxy.seen).toContain(`GET ${control}`);

          // A session: pages read, cards opened, the popup and the options page used.
          const pages = ['demo.html', 'dark.html', 'news-layout.html'].map((file) => `${suite.server.url}/${file}`);
          for (const url of pages) {
            const { tabId } = await openPage(browser, url);
            await mentionsWhen(browser, tabId, (r) => r.active && r.mentions.length > 0);
          }
          const { page, tabId } = await openPage(browser, `${suite.server.url}/dark.html`);
          const card = await hoverCard(page, 'Dmitry Peskov', 'Dmitry Peskov');
          await card.getByRole('button', { name: /Xem đầy đủ/ }).click();
          const popup = await openPopup(browser, tabId);
          await popup.getByRole('searchbox').fill('hiep uoc inf');
          await popup.getByRole('list', { name: 'Kết quả tìm kiếm' }).waitFor();
          await popup.getByRole('switch', { name: 'Bật trên 127.0.0.1' }).click();
          await mentionsWhen(browser, tabId, (r) => !r.active);
          await popup.getByRole('switch', { name: 'Bật trên 127.0.0.1' }).click();
          await mentionsWhen(browser, tabId, (r) => r.active);
          const options = await browser.openExtensionPage('options.html');
          await options.getByRole('radio', { name: 'Chỉ lần đầu mỗi tên trong một bài' }).check();
          await options.getByRole('radio', { name: 'Mọi lần một tên xuất hiện' }).check();
          await page.waitForTimeout(500);

          // Everything recorded is what the test itself asked for: the control, the pages, their icon.
          const expected = new Set([`GET ${control}`, ...pages.map((url) => `GET ${url}`), `GET ${suite.server.url}/favicon.ico`]);
          expect(proxy.seen.filter((line) => !expected.has(line) && !browserOwn(line))).toEqual([]);
          expect(proxy.seen.filter((line) => pages.some((url) => line === `GET ${url}`)).length).toBeGreaterThanOrEqual(pages.length);
          const own = proxy.seen.filter(browserOwn).length;
          console.log(`No-network check (${suite.name}): ${proxy.seen.length} requests through the proxy: ${proxy.seen.length - own} made by the test, ${own} by the browser for its own services, none by the extension.`);
        } finally {
          await browser.close();
          await proxy.close();
        }
      });
    });
  },
  { shared: false },
);
