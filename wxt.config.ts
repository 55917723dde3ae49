import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Imports are written out: a newcomer can follow every name to its file.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Bối cảnh',
    description: 'Bối cảnh đằng sau những cái tên trong tin tức tiếng Việt: hiệp ước, quan chức, sự kiện.',
    // Settings only. Content scripts reach pages through their match patterns; nothing else is asked.
    permissions: ['storage'],
    action: { default_title: 'Bối cảnh' },
    // A shortcut for the current site's switch; readers can change it in the browser's shortcut settings.
    commands: {
      'toggle-site': { suggested_key: { default: 'Alt+Shift+B' }, description: 'Bật/tắt Bối cảnh trên trang này' },
    },
    // Firefox paints CSS Custom Highlights from version 140.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'boi-canh@boicanh', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
  zip: { excludeSources: ['**/*.log', 'test-results/**', '.ci/results.json'] },
});
