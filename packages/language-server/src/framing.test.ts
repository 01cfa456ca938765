import { describe, expect, it } from 'vitest'
import { FramingCheck } from './framing.js'

function frame(body: string, extraHeader = ''): Buffer {
  const bytes = Buffer.from(body, 'utf8')
  return Buffer.concat([Buffer.from(`${extraHeader}Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes])
}

/** Feed chunks through a FramingCheck; what comes out and what it reported. */
async function run(chunks: Buffer[]): Promise<{ output: Buffer; broken: string[] }> {
  const broken: string[] = []
  const check = new FramingCheck((message) => broken.push(message))
  const parts: Buffer[] = []
  check.on('data', (chunk: Buffer) => parts.push(chunk))
  const ended = new Promise((resolve) => check.on('end', resolve))
  for (const chunk of chunks) check.write(chunk)
  check.end()
  await ended
  return { output: Buffer.concat(parts), broken }
}

describe('FramingCheck', () => {
  const stream = Buffer.concat([
    frame('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}'),
    frame('{"text":"Récommandation 12 — “quoted” 👍\\r\\n\\r\\nContent-Length: 3"}', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n'),
    frame('')
  ])

  it('passes well-framed messages through unchanged, however the bytes are split', async () => {
    for (let at = 0; at <= stream.length; at++) {
      const result = await run([stream.subarray(0, at), stream.subarray(at)])
      expect(result.broken).toEqual([])
      expect(result.output.equals(stream)).toBe(true)
    }
    const byteByByte = await run([...stream].map((byte) => Buffer.from([byte])))
    expect(byteByByte.broken).toEqual([])
    expect(byteByByte.output.equals(stream)).toBe(true)
  })

  it('passes the messages before a broken one, then nothing', async () => {
    const good = frame('{"id":1}')
    const result = await run([Buffer.concat([good, Buffer.from('Content-Length: 1x\r\n\r\n{}'), frame('{"id":2}')])])
    expect(result.broken).toEqual(['Unexpected Content-Length "1x", expected a number of bytes'])
    expect(result.output.equals(good)).toBe(true)
  })

  it('reads header names case-insensitively, as the protocol allows', async () => {
    const bytes = Buffer.from('content-length: 2\r\n\r\n{}')
    expect((await run([bytes])).broken).toEqual([])
  })
})
