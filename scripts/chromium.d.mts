/** Where Debian's `chromium` package puts the browser. */
export declare const chromiumPath: string
/** Flags for a quiet, offline headless run (no sandbox: CI runs as root). */
export declare const chromiumArgs: readonly string[]
