/**
 * The gate: where it leaves a page dormant, none of the engine's work appears on it (no
 * marks, no slice on the page's timeline); frames too small or hidden to hold an article
 * stay dormant until they grow, and then read their text like any other.
 */
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_NAME, SLICE_MEASURE } from '../../lib/constants';
import { inEachBrowser, mentionsWhen, openPage, pageWhen } from './helpers';

/** Per frame of the page (by id): its marks, and the slices of our work on its timeline. */
function frameWork([highlight, slice]: [string, string]): Record<string, { marks: number; slices: number }> {
  const out: Record<string, { marks: number; slices: number }> = {};
  for (const frame of document.querySelectorAll('iframe')) {
    const win = frame.contentWindow as (Window & typeof globalThis) | null;
    const loaded = win?.document.readyState === 'complete' && win.document.body?.childElementCount > 0;
    out[frame.id] = loaded
      ? { marks: win.CSS.highlights.get(highlight)?.size ?? 0, slices: win.performance.getEntriesByName(slice).length }
      : { marks: -1, slices: -1 };
  }
  return out;
}

inEachBrowser((suite) => {
  describe('pages the gate leaves dormant', () => {
    it('an English page: no engine work at all, and the popup is told why', async () => {
      const { page, tabId } = await openPage(suite.browser, `${suite.server.url}/english.html`);
      const response = await mentionsWhen(suite.browser, tabId, (r) => !r.active);
      expect(response).toEqual({ active: false, reason: 'not-vietnamese', mentions: [] });
      // The engine's first act is building the matcher, measured as a slice: there is none.
      expect(await page.evaluate((name) => performance.getEntriesByName(name).length, SLICE_MEASURE)).toBe(0);
      expect(await page.evaluate((name) => CSS.highlights.has(name), HIGHLIGHT_NAME)).toBe(false);
    });
  });

  describe('frames', () => {
    it('reads a frame big enough for an article, and leaves a small or hidden one dormant until it grows', async () => {
      const { page } = await openPage(suite.browser, `${suite.server.url}/frames-gate.html`);
      const probe = [HIGHLIGHT_NAME, SLICE_MEASURE] as [string, string];
      const loaded = await pageWhen(
        page,
        'the big frame marked, the others loaded',
        frameWork,
        probe,
        (w) => Object.values(w).every((f) => f.marks >= 0) && (w.big?.marks ?? 0) >= 3,
      );
      expect(loaded.big).toEqual({ marks: 3, slices: expect.any(Number) });
      // A frame added after the others had loaded, read in full: by then the small and hidden
      // frames' gates had long decided (their load came first), so what they show is final.
      await page.evaluate(() => {
        const late = document.createElement('iframe');
        late.id = 'late';
        late.src = '/dark.html';
        late.style.cssText = 'width:560px;height:260px';
        document.body.append(late);
      });
      const read = await pageWhen(page, 'the frame added later marked', frameWork, probe, (w) => (w.late?.marks ?? 0) >= 3);
      // The same article, in an advertisement-sized frame and a hidden one: nothing done there.
      expect(read.small).toEqual({ marks: 0, slices: 0 });
      expect(read.hidden).toEqual({ marks: 0, slices: 0 });

      await page.evaluate(() => {
        document.querySelector<HTMLElement>('#small')!.style.cssText = 'width:560px;height:260px';
        document.querySelector<HTMLElement>('#hidden')!.style.display = 'block';
      });
      const grown = await pageWhen(page, 'the grown frames marked', frameWork, probe, (w) => w.small?.marks === 3 && w.hidden?.marks === 3);
      expect(grown.small!.slices).toBeGreaterThan(0);
      expect(grown.hidden!.slices).toBeGreaterThan(0);
    });
  });
});
