import picomatch from 'picomatch'
import type { Workspace } from './workspace.js'

/**
 * Whether a path is one of the workspace's minutes, without listing the disk:
 * an editor asks this for every file it opens or that changes on disk. The
 * answer agrees with {@link listMinutes} on the `FileSystem`s the engine ships:
 * the config's `minutes` globs relative to the config's folder, no dot-files or
 * dot-folders, nothing under `node_modules`.
 *
 * @example
 * const isMinutes = minutesMatcher(workspace)
 * isMinutes('/w/minutes/2023-04-17.md') // true with the default config in /w
 */
export function minutesMatcher(workspace: Pick<Workspace, 'config'>): (path: string) => boolean {
  const root = workspace.config.root.endsWith('/') ? workspace.config.root : `${workspace.config.root}/`
  const match = picomatch([...workspace.config.config.minutes], { dot: false })
  return (path) => {
    if (!path.startsWith(root)) return false
    const relative = path.slice(root.length)
    return !/(^|\/)(node_modules|\.[^/]+)\//.test(relative) && match(relative)
  }
}
