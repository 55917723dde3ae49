/** The global pause, the same switch in the popup and on the options page. */
import { withPaused, type Settings } from '../lib/settings';
import { T } from './strings';

interface Props {
  settings: Settings;
  update: (change: (settings: Settings) => Settings) => unknown;
}

export function PauseSwitch({ settings, update }: Props) {
  return (
    <label class="switch-row">
      <input
        type="checkbox"
        role="switch"
        aria-checked={settings.paused}
        checked={settings.paused}
        onChange={(e) => {
          // Read now: the event is gone by the time the change is applied.
          const paused = e.currentTarget.checked;
          update((s) => withPaused(s, paused));
        }}
      />
      <span>{T.pauseAll}</span>
    </label>
  );
}
