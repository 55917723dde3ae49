/**
 * Bối cảnh makes no network request, ever. The browser sends every request of every context
 * (pages, service worker or background page, extension pages), loopback included, through a
 * recording proxy; a whole reading session (pages read and marked, cards opened, the popup
 * searched, the options page changed, a site switched off and on) must add nothing but the
 * pages the test itself opened.
 */
import { describe, expect, it } from 'vitest';
import { hoverCard, inEachBrowser, mentionsWhen, openPage, openPopup } from './helpers';
import { recordingProxy } from './recording-proxy';

/**
 * The browsers' own services, which they call whatever extension is loaded (updates, sign-in,
 * remote settings): the proxy cannot tell who asked, so these hosts are set aside by name.
 * Bối cảnh's code names no host at all.
 */
const BROWSER_SERVICES = /^(?:CONNECT |[A-Z]+ https?:\/\/)(?:[\w-]+\.)*(?:google\.com|googleapis\.com|gvt1\.com|mozilla\.(?:com|net|org)|firefox\.com)(?::\d+)?(?:\/|$)/;

inEachBrowser(
  (suite) => {
    describe('the network', () => {
      it('is never used by the extension during a full session', async () => {
        const proxy = await recordingProxy(suite.server.url);
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
          expect(proxy.seen.filter((line) => !expected.has(line) && !BROWSER_SERVICES.test(line))).toEqual([]);
          expect(proxy.seen.filter((line) => pages.some((url) => line === `GET ${url}`)).length).toBeGreaterThanOrEqual(pages.length);
          const own = proxy.seen.filter((line) => BROWSER_SERVICES.test(line)).length;
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
