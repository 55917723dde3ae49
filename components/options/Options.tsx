/**
 * The options page: the global pause, the mark mode and "Tap to explain", the sites turned
 * off (remove one, add a pattern), the sites turned on anyway, and the names hidden with
 * "not this". Each removal can be undone; every change reaches open tabs at once through
 * settings storage.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  hiddenList,
  isEntityHidden,
  withEntityHidden,
  withMarkMode,
  withPatternDisabled,
  withPatternRemoved,
  withSiteForced,
  withTapToExplain,
  tapsExplain,
  type MarkMode,
  type Settings,
} from '../../lib/settings';
import { T } from '../strings';
import { PauseSwitch } from '../PauseSwitch';
import { useUndo, UndoNotice } from '../UndoNotice';
import { PatternForm } from './PatternForm';
import { RemovableList } from './RemovableList';

export interface OptionsPorts {
  loadSettings: () => Promise<Settings>;
  watchSettings: (callback: (settings: Settings) => void) => () => void;
  updateSettings: (change: (settings: Settings) => Settings) => Promise<unknown>;
  entityName: (entityId: string) => string;
  shortcut: () => Promise<string | null>;
  openShortcutSettings: () => void;
  /** Whether this device has a touch screen ("Tap to explain" is on by default there). */
  hasTouchScreen: () => boolean;
}

export function Options({ ports }: { ports: OptionsPorts }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [shortcut, setShortcut] = useState<string | null>(null);
  const undo = useUndo();

  useEffect(() => {
    void ports.loadSettings().then(setSettings);
    // The shortcut is changed on the browser's own page: read it again on coming back.
    const readShortcut = () => void ports.shortcut().then(setShortcut);
    readShortcut();
    document.addEventListener('visibilitychange', readShortcut);
    const unwatch = ports.watchSettings(setSettings);
    return () => {
      unwatch();
      document.removeEventListener('visibilitychange', readShortcut);
    };
  }, [ports]);

  const update = (change: (s: Settings) => Settings) => {
    void ports.updateSettings(change);
  };

  if (!settings) return <main class="options bc-theme" aria-busy="true" />;

  const hidden = hiddenList(settings);
  const markModes: Array<[MarkMode, string]> = [
    ['all', T.markAll],
    ['first', T.markFirst],
  ];

  return (
    <main class="options bc-theme">
      <h1>
        <img src="/icon/32.png" alt="" width={24} height={24} /> {T.optionsTitle}
      </h1>
      <p class="muted">{T.savedLive}</p>
      <UndoNotice undo={undo} />

      <section aria-labelledby="general-heading">
        <h2 id="general-heading">{T.general}</h2>
        <PauseSwitch settings={settings} update={update} />
        <fieldset class="mark-mode">
          <legend>{T.markModeLabel}</legend>
          {markModes.map(([mode, label]) => (
            <label key={mode}>
              <input
                type="radio"
                name="mark-mode"
                value={mode}
                checked={settings.markMode === mode}
                onChange={() => update((s) => withMarkMode(s, mode))}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <label class="tap-row">
          <input
            type="checkbox"
            checked={tapsExplain(settings, ports.hasTouchScreen())}
            aria-describedby="tap-hint"
            onChange={(e) => {
              const on = e.currentTarget.checked;
              update((s) => withTapToExplain(s, on));
            }}
          />
          <span>{T.tapToExplain}</span>
        </label>
        <p id="tap-hint" class="muted tap-hint">
          {T.tapToExplainHint}
        </p>
        <p class="shortcut-row">
          {shortcut ? T.shortcut(shortcut) : T.noShortcut}{' '}
          <button type="button" class="bc-link" onClick={ports.openShortcutSettings}>
            {T.changeShortcut}
          </button>
        </p>
      </section>

      <section aria-labelledby="disabled-heading">
        <h2 id="disabled-heading">{T.disabledSites}</h2>
        <RemovableList
          labelledBy="disabled-heading"
          empty={T.noDisabledSites}
          items={settings.disabledSites.map((pattern) => ({ key: pattern, label: pattern }))}
          onRemove={(pattern) => {
            update((s) => withPatternRemoved(s, pattern));
            undo.offer(T.removed(pattern), () => update((s) => withPatternDisabled(s, pattern) ?? s));
          }}
        />
        <PatternForm onAdd={(pattern) => update((s) => withPatternDisabled(s, pattern) ?? s)} />
      </section>

      <section aria-labelledby="enabled-heading">
        <h2 id="enabled-heading">{T.enabledSites}</h2>
        <RemovableList
          labelledBy="enabled-heading"
          empty={T.noEnabledSites}
          items={settings.enabledSites.map((host) => ({ key: host, label: host }))}
          onRemove={(host) => {
            update((s) => withSiteForced(s, host, false));
            undo.offer(T.removed(host), () => update((s) => withSiteForced(s, host, true)));
          }}
        />
      </section>

      <section aria-labelledby="hidden-heading">
        <h2 id="hidden-heading">{T.hiddenEntities}</h2>
        <RemovableList
          labelledBy="hidden-heading"
          empty={T.noHiddenEntities}
          items={hidden.map(({ host, entityId }) => ({ key: `${host} ${entityId}`, label: T.hiddenOn(ports.entityName(entityId), host) }))}
          onRemove={(key) => {
            const [host, entityId] = key.split(' ') as [string, string];
            const label = T.hiddenOn(ports.entityName(entityId), host);
            update((s) => withEntityHidden(s, host, entityId, false));
            undo.offer(T.removed(label), () =>
              update((s) => (isEntityHidden(s, host, entityId) ? s : withEntityHidden(s, host, entityId, true))),
            );
          }}
        />
      </section>
    </main>
  );
}
