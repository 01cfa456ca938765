import type { ReadResourceResult, Resource } from '@modelcontextprotocol/sdk/types.js'
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js'
import { readText, takeSnapshot, type McpServerOptions } from './snapshot.js'

/**
 * The registers and minutes as resources: `followthrough://register/<id>` and
 * `followthrough://minutes/<path relative to the workspace, URI-encoded>`.
 * Only the files the config names are listed or read, through the engine's
 * safe reader (inside the workspace folder, regular files, at most 16 MiB).
 */

const registerPrefix = 'followthrough://register/'
const minutesPrefix = 'followthrough://minutes/'

/** The URI of a register resource. */
export function registerUri(id: string): string {
  return `${registerPrefix}${encodeURIComponent(id)}`
}

/** The URI of a minutes resource, from its path relative to the workspace folder. */
export function minutesUri(path: string): string {
  return `${minutesPrefix}${encodeURIComponent(path)}`
}

function mimeType(path: string): string {
  return /\.json$/i.test(path) ? 'application/json' : /\.ya?ml$/i.test(path) ? 'application/yaml' : 'text/markdown'
}

/** Every register that loads, as a resource. */
export async function registerResources(options: McpServerOptions): Promise<Resource[]> {
  const snapshot = await takeSnapshot(options)
  return snapshot.workspace.registers.flatMap((entry) =>
    entry.register
      ? [
          {
            uri: registerUri(entry.register.inquiry.id),
            name: snapshot.display(entry.path),
            title: entry.register.inquiry.title,
            description: `The register of ${entry.register.inquiry.title}: ${entry.register.recommendations.length} recommendations`,
            mimeType: mimeType(entry.path)
          }
        ]
      : []
  )
}

/** Every configured minutes file, as a resource. */
export async function minutesResources(options: McpServerOptions): Promise<Resource[]> {
  const snapshot = await takeSnapshot(options)
  return snapshot.analyses.map((analysis) => {
    const meeting = analysis.data.meeting
    const path = snapshot.display(analysis.path)
    return {
      uri: minutesUri(path),
      name: path,
      ...(meeting ? { title: `${meeting.date}: ${meeting.title}` } : {}),
      mimeType: 'text/markdown'
    }
  })
}

/** Read a register or minutes resource; anything else (another file, a path outside the workspace) is refused. */
export async function readResource(options: McpServerOptions, uri: string): Promise<ReadResourceResult> {
  const snapshot = await takeSnapshot(options)
  let path: string | undefined
  if (uri.startsWith(registerPrefix)) {
    const id = decode(uri.slice(registerPrefix.length))
    path = snapshot.workspace.registers.find((entry) => entry.register?.inquiry.id === id)?.path
  } else if (uri.startsWith(minutesPrefix)) {
    const wanted = decode(uri.slice(minutesPrefix.length))
    path = snapshot.analyses.find((analysis) => snapshot.display(analysis.path) === wanted)?.path
  }
  if (path === undefined)
    throw new McpError(ErrorCode.InvalidParams, `Unexpected resource ${uri}, expected a register or minutes file the config names (resources/list lists them)`)
  const text = await readText(options.fs, path, snapshot.root)
  if (text === undefined) throw new McpError(ErrorCode.InvalidParams, `Cannot read ${snapshot.display(path)}: the lint tool says why`)
  return { contents: [{ uri, mimeType: mimeType(path), text }] }
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text)
  } catch {
    return undefined
  }
}
