/** Turns Bối cảnh on or off for the current site; the change reaches every open tab at once. */
import type { InactiveReason } from '../../lib/messages';
import { REASONS, T } from '../strings';

interface Props {
  host: string;
  enabled: boolean;
  /** Why the page is inactive although the site is enabled (e.g. not Vietnamese). */
  reason?: InactiveReason | undefined;
  onChange: (enabled: boolean) => void;
}

export function SiteSwitch({ host, enabled, reason, onChange }: Props) {
  return (
    <div class="site-switch">
      <label>
        <input type="checkbox" role="switch" checked={enabled} onChange={(e) => onChange(e.currentTarget.checked)} />
        <span>{T.siteSwitch(host)}</span>
      </label>
      {enabled && reason && reason !== 'site-disabled' && <p class="muted">{REASONS[reason]}</p>}
    </div>
  );
}
