// Debian's Chromium as the tests drive it: the report's and the CLI's browser
// tests (playwright-core) and the real-VS-Code harness share this one path
// and flag list.

/** Where Debian's `chromium` package puts the browser. */
export const chromiumPath = '/usr/bin/chromium'

/** Flags for a quiet, offline headless run (no sandbox: CI runs as root). */
export const chromiumArgs = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
])
