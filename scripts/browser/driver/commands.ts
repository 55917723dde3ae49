/**
 * The extension's keyboard commands as the drivers give them. Headless browsers never route a
 * scripted key press in a page to an extension shortcut, so each driver takes the closest path
 * that still ends in the background's own `commands.onCommand` listener.
 */
import type { ExtensionApi } from './types';

/** The chord the browser has bound `command` to now ("Alt+Shift+J"); an error if none. */
export async function shortcutOf(
  inExtension: <R>(fn: (api: ExtensionApi) => R | Promise<R>) => Promise<R>,
  command: string,
): Promise<string> {
  const all = await inExtension((api) => api.commands.getAll());
  const shortcut = all.find((c) => c.name === command)?.shortcut?.replace(/\s/g, '');
  if (!shortcut) throw new Error(`the command "${command}" has no shortcut (commands: ${JSON.stringify(all)})`);
  return shortcut;
}

/** A key as Firefox's TextInputProcessor takes it. */
interface KeySpec {
  key: string;
  code: string;
  keyCode: number;
}

const MODIFIERS: Record<string, KeySpec> = {
  Alt: { key: 'Alt', code: 'AltLeft', keyCode: 18 },
  Shift: { key: 'Shift', code: 'ShiftLeft', keyCode: 16 },
  Ctrl: { key: 'Control', code: 'ControlLeft', keyCode: 17 },
  MacCtrl: { key: 'Control', code: 'ControlLeft', keyCode: 17 },
  Command: { key: 'Meta', code: 'MetaLeft', keyCode: 224 },
};

/** The keys of a chord as the manifest writes it, modifiers first. */
function chordKeys(chord: string): KeySpec[] {
  const parts = chord.split('+');
  const last = parts.pop()!;
  if (!/^[A-Z0-9]$/.test(last)) throw new Error(`the shortcut "${chord}" ends in a key this driver does not press (a letter or a digit)`);
  const key: KeySpec = { key: last, code: /\d/.test(last) ? `Digit${last}` : `Key${last}`, keyCode: last.charCodeAt(0) };
  return [
    ...parts.map((name) => {
      const modifier = MODIFIERS[name];
      if (!modifier) throw new Error(`the shortcut "${chord}" has a modifier this driver does not press: ${name}`);
      return modifier;
    }),
    key,
  ];
}

/**
 * Firefox: a script for the browser window (privileged scope) that presses `chord` as a trusted
 * key press while the tab showing `url` is selected. The page gets the keys first, then
 * Firefox's own shortcut handling fires `commands.onCommand`, as for a reader's key press.
 * It answers "pressed", or why it did not press.
 */
export function firefoxKeyPressSource(chord: string, url: string): string {
  const keys = chordKeys(chord);
  return `(() => {
    const keys = ${JSON.stringify(keys)};
    const url = ${JSON.stringify(url)};
    const selected = gBrowser.selectedBrowser.currentURI.spec;
    if (selected !== url) return 'the selected tab shows ' + selected;
    const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
    if (!tip.beginInputTransactionForTests(window)) return 'no key input for this window';
    const event = (k) => new KeyboardEvent('', k);
    for (const k of keys) tip.keydown(event(k));
    for (const k of [...keys].reverse()) tip.keyup(event(k));
    return 'pressed';
  })()`;
}

/** What the Chromium service worker offers for a command: the event itself, which can dispatch. */
interface CommandEventApi {
  tabs: { get(tabId: number): Promise<unknown> };
  commands: { onCommand: { dispatch(command: string, tab: unknown): void; hasListeners(): boolean } };
}

/**
 * Chromium, in the service worker: the `commands.onCommand` event dispatched with the command
 * and the tab, as the browser does on a key press; false if no listener is registered.
 */
export async function dispatchCommandInWorker(api: CommandEventApi, [command, tabId]: readonly [string, number]): Promise<boolean> {
  if (!api.commands.onCommand.hasListeners()) return false;
  api.commands.onCommand.dispatch(command, await api.tabs.get(tabId));
  return true;
}
