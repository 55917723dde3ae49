// @vitest-environment happy-dom
/** "Tap to explain" on the options page: on by default where the device has a touch screen, and the reader's choice kept. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Options, type OptionsPorts } from '../../../../components/options/Options';
import { T } from '../../../../components/strings';
import { DEFAULT_SETTINGS, type Settings } from '../../../../lib/settings';

function ports(touch: boolean, stored: Settings = DEFAULT_SETTINGS) {
  const saved: Settings[] = [];
  let settings = stored;
  const value: OptionsPorts = {
    loadSettings: async () => settings,
    watchSettings: () => () => undefined,
    updateSettings: async (change) => {
      settings = change(settings);
      saved.push(settings);
    },
    entityName: (id) => id,
    shortcut: async () => null,
    openShortcutSettings: () => undefined,
    hasTouchScreen: () => touch,
  };
  return { value, saved };
}

afterEach(cleanup);

describe('Tap to explain', () => {
  it('is on by default on a touch screen, and turning it off is kept', async () => {
    const { value, saved } = ports(true);
    render(<Options ports={value} />);
    const box = await screen.findByRole('checkbox', { name: T.tapToExplain });
    expect((box as HTMLInputElement).checked).toBe(true);
    expect(box.getAttribute('aria-describedby')).toBe('tap-hint');
    fireEvent.click(box);
    await waitFor(() => expect(saved.at(-1)?.tapToExplain).toBe(false));
  });

  it('is off by default without a touch screen, and the reader may turn it on', async () => {
    const { value, saved } = ports(false);
    render(<Options ports={value} />);
    const box = await screen.findByRole('checkbox', { name: T.tapToExplain });
    expect((box as HTMLInputElement).checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() => expect(saved.at(-1)?.tapToExplain).toBe(true));
  });

  it('shows the reader’s own choice over the device’s', async () => {
    const { value } = ports(true, { ...DEFAULT_SETTINGS, tapToExplain: false });
    render(<Options ports={value} />);
    expect(((await screen.findByRole('checkbox', { name: T.tapToExplain })) as HTMLInputElement).checked).toBe(false);
  });
});
