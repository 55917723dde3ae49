/** The manifest's keyboard commands (wxt.config.ts), named once for the background and the popup. */
export const TOGGLE_SITE_COMMAND = 'toggle-site';
