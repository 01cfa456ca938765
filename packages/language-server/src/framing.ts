import { Transform, type TransformCallback } from 'node:stream'

/** The most header bytes one message may have before its blank line (real headers are under 100). */
export const MAX_HEADER_BYTES = 8192

/** The largest body a message may announce (a 64 MiB document is far beyond any minutes). */
export const MAX_CONTENT_LENGTH = 64 * 1024 * 1024

const terminator = Buffer.from('\r\n\r\n', 'latin1')

/**
 * Checks the Language Server Protocol's framing of the bytes an editor sends
 * (`Content-Length: <bytes>\r\n` headers, a blank line, the body) and passes
 * them through unchanged while they are well formed.
 *
 * Why: vscode-jsonrpc's reader cannot find the next message after a bad header
 * (`Content-Length: abc`, `-5`, none at all, or headers ended by `\n\n`): it
 * reports an error nobody listens to, or waits for a header that never comes,
 * and the server stays alive without ever answering again. Resynchronising
 * would mean guessing where the next message starts inside bytes of unknown
 * length, so this reports the first broken frame instead and passes nothing
 * more on; the server then exits and the editor starts a fresh one.
 */
export class FramingCheck extends Transform {
  /** Header bytes of the message being read, until its blank line. */
  private header = Buffer.alloc(0)
  /** Body bytes still to pass through before the next header. */
  private remaining = 0
  private broken = false

  constructor(private readonly onBroken: (message: string) => void) {
    super()
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.broken) {
      callback()
      return
    }
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
    let offset = 0
    while (offset < bytes.length) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, bytes.length - offset)
        this.remaining -= take
        offset += take
        continue
      }
      // Look for the blank line across the bytes kept from earlier chunks and this one.
      const kept = this.header.length
      const window = Buffer.concat([this.header, bytes.subarray(offset, offset + MAX_HEADER_BYTES + terminator.length)])
      const end = window.indexOf(terminator)
      if (end === -1) {
        if (window.length > MAX_HEADER_BYTES) {
          this.fail(`Unexpected header of more than ${MAX_HEADER_BYTES} bytes without a blank line, expected "Content-Length: <bytes>" and "\\r\\n\\r\\n"`, bytes, offset, callback)
          return
        }
        // The rest of the chunk is header: keep it for the next one.
        this.header = window
        break
      }
      const problem = checkHeader(window.subarray(0, end).toString('latin1'))
      if (typeof problem === 'string') {
        this.fail(problem, bytes, offset, callback)
        return
      }
      this.remaining = problem
      this.header = Buffer.alloc(0)
      offset += end + terminator.length - kept
    }
    // Everything up to here is well framed (a body may continue in the next chunk).
    callback(null, bytes)
  }

  /** Pass on the messages before the broken one (`bytes` up to `upTo`), then nothing more. */
  private fail(message: string, bytes: Buffer, upTo: number, callback: TransformCallback): void {
    this.broken = true
    if (upTo > 0) this.push(bytes.subarray(0, upTo))
    this.onBroken(message)
    callback()
  }
}

/** The body length a header announces, or what is wrong with it. */
function checkHeader(text: string): number | string {
  let length: number | undefined
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon === -1) return `Unexpected header line ${JSON.stringify(line.slice(0, 40))}, expected "Name: value"`
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue
    const value = line.slice(colon + 1).trim()
    if (!/^\d{1,10}$/.test(value)) return `Unexpected Content-Length ${JSON.stringify(value.slice(0, 40))}, expected a number of bytes`
    length = Number(value)
    if (length > MAX_CONTENT_LENGTH) return `Unexpected Content-Length ${length}, expected at most ${MAX_CONTENT_LENGTH} bytes`
  }
  if (length === undefined) return `Unexpected header without Content-Length, expected "Content-Length: <bytes>"`
  return length
}
