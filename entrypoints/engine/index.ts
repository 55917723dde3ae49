/**
 * The engine, built as a script of its own: the gate imports it when a page is to be read
 * (content/built-scripts.ts), and it hands over its start function in the content script's
 * isolated world. See content/engine/engine.ts.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ENGINE_SCRIPT, handOver } from '../../content/built-scripts';
import { startEngine } from '../../content/engine/engine';

export default defineUnlistedScript(() => handOver(ENGINE_SCRIPT, { startEngine }));
