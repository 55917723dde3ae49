/** The manifest's keyboard commands (wxt.config.ts): their names, their keys, where to change them. */
import { browser } from 'wxt/browser';
import { COMMANDS } from '../lib/constants';

/** The keys of the site shortcut, or null when the browser has none set for it. */
export async function siteShortcut(): Promise<string | null> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((c) => c.name === COMMANDS.toggleSite)?.shortcut || null;
  } catch {
    return null;
  }
}

/** Firefox opens its own shortcut page; Chrome's is an ordinary tab any extension may open. */
export async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
  if (commands.openShortcutSettings) await commands.openShortcutSettings();
  else await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
