/**
 * Content script: runs on every http(s) page, and works only where the page is Vietnamese
 * and the site is enabled (see PageController). Everything it does is contained: an error
 * is reported with the extension's prefix and never reaches the page.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { report } from '../../utils/report';
import { PageController } from './page-controller';
import './highlight.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Frames too (an article embedded in a page); each frame marks and explains its own text.
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    try {
      new PageController(ctx).start();
    } catch (error) {
      report('start', error);
    }
  },
});
