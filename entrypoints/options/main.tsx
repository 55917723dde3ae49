/** Options entry: wires settings storage and the entity names to the options page, and renders. */
import { render } from 'preact';
import { Options, type OptionsPorts } from '../../components/options/Options';
import '../../components/card.css';
import '../../components/controls.css';
import type { EntitySummary } from '../../lib/artifacts';
import { DATA_FILES } from '../../lib/constants';
import { T } from '../../components/strings';
import { openShortcutSettings, siteShortcut } from '../../utils/commands';
import { loadSettings, updateSettings, watchSettings } from '../../utils/settings-store';
import './options.css';
import { readDataFile } from '../../utils/dataset-files';
import { report } from '../../utils/report';
import { hasTouchScreen } from '../../utils/touch-screen';

function start(names: Record<string, EntitySummary>): void {
  const ports: OptionsPorts = {
    loadSettings,
    watchSettings,
    updateSettings,
    entityName: (id) => names[id]?.name ?? id,
    shortcut: siteShortcut,
    openShortcutSettings: () => void openShortcutSettings(),
    hasTouchScreen,
  };
  render(<Options ports={ports} />, document.getElementById('app')!);
}

document.title = T.optionsTitle;
document.documentElement.lang = T.lang;
// The entities' names (a small file of the dataset), for the list of hidden entities; without them, their ids.
readDataFile<Record<string, EntitySummary>>(DATA_FILES.entities).then(start, (error: unknown) => {
  report('options', error);
  start({});
});

// Errors of this page are ours: said with the prefix, never left unnamed.
window.addEventListener('unhandledrejection', (event) => report('options', event.reason));
window.addEventListener('error', (event) => report('options', event.error ?? event.message));
