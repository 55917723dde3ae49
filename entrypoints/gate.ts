/**
 * The gate: the only script injected into every page and frame (wxt.config.ts lists it by
 * hand). It decides whether the page is to be read and imports the engine only then; see
 * content/gate/session.ts. Everything it does is contained: an error is reported with the
 * extension's prefix and never reaches the page.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PageSession } from '../content/gate/session';
import { report } from '../utils/report';

export default defineUnlistedScript(() => {
  try {
    new PageSession().start();
  } catch (error) {
    report('start', error);
  }
});
