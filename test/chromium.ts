/**
 * How every test, benchmark and soak launches Debian's Chromium: Playwright's own browser
 * download is not reachable from studio build machines, and without the networking flags
 * Chromium keeps dialling Google's hosts on a closed network.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--no-default-browser-check',
];
