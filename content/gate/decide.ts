/**
 * Whether a page is to be read, from the cheapest signals first: the reader's settings
 * (paused, the site's switch, "turn on anyway"), then the page's language, which reads a
 * text sample only when `lang` does not say, and last what the browser can do (the first
 * look at `CSS.highlights` costs a page more than all the rest).
 */
import type { LanguageVerdict } from '../../lib/language';
import type { InactiveReason } from '../../lib/messages';
import { isSiteEnabled, type Settings } from '../../lib/settings';

export type Decision = { active: true; reason?: undefined } | { active: false; reason: InactiveReason };

export function decide(settings: Settings, host: string, language: () => LanguageVerdict): Decision {
  if (settings.paused) return { active: false, reason: 'paused' };
  if (!isSiteEnabled(settings, host)) return { active: false, reason: 'site-disabled' };
  // "Turn on anyway": the reader decided this site is worth reading whatever its language.
  if (!settings.enabledSites.includes(host) && !language().vietnamese) return { active: false, reason: 'not-vietnamese' };
  if (document.designMode === 'on') return { active: false, reason: 'editable-page' };
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function') {
    return { active: false, reason: 'no-highlight-api' };
  }
  return { active: true };
}
