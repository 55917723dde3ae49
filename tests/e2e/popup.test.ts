/** The toolbar popup, opened as a page on a given tab (popup.html?tabId=N). */
import { describe, expect, it } from 'vitest';
import { extensionSuite, openPage, openPopup } from './helpers';

const suite = extensionSuite();

describe('popup search', () => {
  it('finds the Open Skies Treaty for "bau troi mo" and the INF Treaty for "hiep uoc inf"', async () => {
    const { tabId } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
    const popup = await openPopup(suite.browser, tabId);
    const box = popup.getByRole('searchbox');
    const results = popup.getByRole('list', { name: 'Kết quả tìm kiếm' }).getByRole('listitem');

    await box.fill('bau troi mo');
    await expect.poll(() => results.first().textContent()).toContain('Hiệp ước Bầu trời mở');
    await box.fill('hiep uoc inf');
    await expect.poll(() => results.first().textContent()).toContain('Hiệp ước Lực lượng Hạt nhân Tầm trung (INF)');
    await box.fill('Stoltenbreg');
    await expect.poll(() => results.first().textContent()).toContain('Jens Stoltenberg');
  });

  it('is driven by the keyboard: arrows to a result, Enter to open it, Escape to clear', async () => {
    const { tabId } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
    const popup = await openPopup(suite.browser, tabId);
    const box = popup.getByRole('searchbox');
    await box.fill('peskov');
    await popup.getByRole('list', { name: 'Kết quả tìm kiếm' }).waitFor();
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Enter');
    const heading = popup.getByRole('heading', { level: 2, name: 'Dmitry Peskov' });
    await heading.waitFor();
    expect(await popup.locator('blockquote').count()).toBe(2);

    await box.focus();
    await box.fill('putin');
    await popup.keyboard.press('Escape');
    expect(await box.inputValue()).toBe('');
  });
});

describe('on this page', () => {
  it('lists the entities found with their counts, and jumps to one on the page', async () => {
    const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/demo.html`);
    const popup = await openPopup(suite.browser, tabId);
    const item = popup.getByRole('button', { name: /Dmitry Peskov/ });
    await item.waitFor();
    expect(await item.textContent()).toContain('2 lần');

    await item.click();
    await page.getByRole('dialog', { name: 'Dmitry Peskov' }).waitFor({ state: 'visible' });
  });
});
