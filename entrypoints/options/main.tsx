/** Options entry: wires settings storage and the entity names to the options page, and renders. */
import { render } from 'preact';
import { Options, type OptionsPorts } from '../../components/options/Options';
import '../../components/card.css';
import '../../components/controls.css';
import matcherData from '../../generated/matcher.json';
import type { MatcherData } from '../../lib/artifacts';
import { T } from '../../components/strings';
import { openShortcutSettings, siteShortcut } from '../../utils/commands';
import { loadSettings, updateSettings, watchSettings } from '../../utils/settings-store';
import './options.css';
import { report } from '../../utils/report';

// Names only (the matcher's small table), for the list of hidden entities.
const names = new Map((matcherData as MatcherData).entities.map((e) => [e.id, e.name]));

const ports: OptionsPorts = {
  loadSettings,
  watchSettings,
  updateSettings,
  entityName: (id) => names.get(id) ?? id,
  shortcut: siteShortcut,
  openShortcutSettings: () => void openShortcutSettings(),
};

document.title = T.optionsTitle;
document.documentElement.lang = T.lang;
render(<Options ports={ports} />, document.getElementById('app')!);

// Errors of this page are ours: said with the prefix, never left unnamed.
window.addEventListener('unhandledrejection', (event) => report('options', event.reason));
window.addEventListener('error', (event) => report('options', event.error ?? event.message));
