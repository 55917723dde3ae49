/**
 * Finds a browser to drive: its environment variable, then the usual install paths. Where
 * none is found and this machine allows it (root, with apt-get), installs the Debian package;
 * otherwise stops with a message saying what to install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface BrowserToFind {
  /** As messages name it: "Chromium", "Firefox". */
  name: string;
  /** The environment variable that names its executable. */
  envVar: string;
  candidates: string[];
  /** The Debian package that provides it. */
  aptPackage: string;
  /** What to install, said when it cannot be installed here. */
  installHint: string;
}

function existing(browser: BrowserToFind): string | null {
  const fromEnv = process.env[browser.envVar];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`${browser.envVar} is set to ${fromEnv}, which does not exist.`);
  }
  return browser.candidates.find((path) => existsSync(path)) ?? null;
}

function canInstall(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

export function findBrowser(browser: BrowserToFind): string {
  const found = existing(browser);
  if (found) return found;
  if (!canInstall()) {
    throw new Error(`No ${browser.name} found. ${browser.installHint}, or set ${browser.envVar} to its executable.`);
  }
  console.log(`No ${browser.name} found: installing Debian’s ${browser.aptPackage} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', browser.aptPackage], { stdio: 'inherit', env });
  const installed = existing(browser);
  if (!installed) throw new Error(`apt-get installed ${browser.aptPackage}, but no executable was found at the usual paths.`);
  return installed;
}
