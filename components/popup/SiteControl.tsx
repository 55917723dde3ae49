/**
 * Where Bối cảnh runs, from the popup: the current site's switch (and why a page is left
 * alone, with a way to turn it on anyway), the global pause, the site's shortcut, and the
 * names hidden here with "not this". Every change is written to settings, which every open
 * tab applies at once.
 */
import type { InactiveReason } from '../../lib/messages';
import {
  isEntityHidden,
  isSiteEnabled,
  isSiteForced,
  patternsFor,
  withEntityHidden,
  withSiteEnabled,
  withSiteForced,
  type Settings,
} from '../../lib/settings';
import { REASONS, T } from '../strings';
import { PauseSwitch } from '../PauseSwitch';
import { useUndo, UndoNotice } from '../UndoNotice';

interface Props {
  /** The current page's host; null where Bối cảnh cannot run (a browser page): only the pause is shown. */
  host: string | null;
  settings: Settings;
  /** Why the page is inactive, as its content script says. */
  reason?: InactiveReason | undefined;
  /** The keys of the site shortcut, when one is set. */
  shortcut: string | null;
  /** Opens the browser's page for extension shortcuts. */
  onSetShortcut: () => void;
  entityName: (entityId: string) => string;
  update: (change: (settings: Settings) => Settings) => void;
}

export function SiteControl({ host, settings, reason, shortcut, onSetShortcut, entityName, update }: Props) {
  const undo = useUndo();
  const pause = (
    <>
      <PauseSwitch settings={settings} update={update} />
      {settings.paused && <p class="muted reason">{REASONS.paused}</p>}
    </>
  );
  if (host === null) {
    return (
      <section class="site-control" aria-label={T.siteControl}>
        {pause}
      </section>
    );
  }

  const enabled = isSiteEnabled(settings, host);
  const forced = isSiteForced(settings, host);
  const patterns = patternsFor(settings, host).filter((p) => p !== host);
  const hidden = settings.hiddenEntities[host] ?? [];
  return (
    <section class="site-control" aria-label={T.siteControl}>
      <label class="switch-row">
        <input
          type="checkbox"
          role="switch"
          aria-checked={enabled}
          checked={enabled}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            update((s) => withSiteEnabled(s, host, on));
          }}
        />
        <span>{T.siteSwitch(host)}</span>
      </label>
      {!enabled && patterns.length > 0 && <p class="muted reason">{T.offByPattern(patterns.join(', '))}</p>}
      {enabled && !settings.paused && reason === 'not-vietnamese' && !forced && (
        <p class="muted reason">
          {REASONS['not-vietnamese']}{' '}
          <button type="button" class="bc-link" onClick={() => update((s) => withSiteForced(s, host, true))}>
            {T.turnOnAnyway}
          </button>
        </p>
      )}
      {enabled && forced && (
        <p class="muted reason">
          {T.forcedOn}{' '}
          <button type="button" class="bc-link" onClick={() => update((s) => withSiteForced(s, host, false))}>
            {T.onlyVietnamese}
          </button>
        </p>
      )}
      {enabled && !settings.paused && reason && reason !== 'not-vietnamese' && reason !== 'site-disabled' && reason !== 'paused' && (
        <p class="muted reason">{REASONS[reason]}</p>
      )}
      {pause}
      {shortcut ? (
        <p class="muted shortcut">{T.shortcut(shortcut)}</p>
      ) : (
        <p class="muted shortcut">
          <button type="button" class="bc-link" onClick={onSetShortcut}>
            {T.setShortcut}
          </button>
        </p>
      )}
      {hidden.length > 0 && (
        <div class="hidden-here">
          <h2 id="hidden-heading">{T.hiddenHere}</h2>
          <ul aria-labelledby="hidden-heading">
            {hidden.map((id) => (
              <li key={id}>
                <span>{entityName(id)}</span>
                <button
                  type="button"
                  class="bc-link"
                  aria-label={T.showAgainLabel(entityName(id))}
                  onClick={() => {
                    update((s) => withEntityHidden(s, host, id, false));
                    undo.offer(T.removed(entityName(id)), () =>
                      update((s) => (isEntityHidden(s, host, id) ? s : withEntityHidden(s, host, id, true))),
                    );
                  }}
                >
                  {T.showAgain}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <UndoNotice undo={undo} />
    </section>
  );
}
