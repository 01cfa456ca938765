/** The Debian packages each group of suites needs. */
export declare const debianPackages: Readonly<{ browser: readonly string[]; vscode: readonly string[] }>
/** Every Debian package any test needs; FOLLOWTHROUGH_DEBIAN_PACKAGES replaces the list. */
export declare function allDebianPackages(env?: Record<string, string | undefined>): string[]
/** How long an install waits for another one (our lock, then dpkg's), in seconds. */
export declare const lockWaitSeconds: number
/** The lock every install of ours holds. */
export declare const defaultLockFile: string
/** An error whose message is meant for the user as it is (no stack trace). */
export declare class PrerequisitesError extends Error {}
/** Whether `name` is an executable on the PATH. */
export declare function hasCommand(name: string, env?: Record<string, string | undefined>): boolean
/** Which of `packages` dpkg does not list as installed, or `undefined` without dpkg. */
export declare function missingDebianPackages(packages: readonly string[]): string[] | undefined
/** Why this process cannot install Debian packages, or `undefined` when it can. */
export declare function installBlocker(options?: { root?: boolean; aptGet?: boolean }): string | undefined
/** The one line shown when packages are missing and cannot be installed here. */
export declare function missingPackagesMessage(missing: readonly string[], reason: string): string
interface InstallOptions {
  lockFile?: string
  log?: (message: string) => void
}
/** Install what is missing of `packages` (root with apt-get) or throw a PrerequisitesError naming them. */
export declare function ensureDebianPackages(packages: readonly string[], options?: InstallOptions): void
/** Install `packages` with apt-get under the shared lock. */
export declare function installDebianPackages(packages: readonly string[], options?: InstallOptions): void
