import type { Finding } from './finding.js'

/** A file's text, or the finding that says why it is not UTF-8 text. */
export type DecodeResult = { ok: true; text: string; bom: boolean } | { ok: false; finding: Finding }

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Decode a file's bytes as UTF-8, strictly: a file in another encoding is a
 * problem to report, not text to lint with replacement characters. A byte
 * order mark is dropped from the text (positions count from after it) and
 * reported in `bom`, so a writer can put it back. UTF-16 is named as such,
 * with or without its byte order mark; other bytes that are not UTF-8 are
 * reported where the first one is.
 */
export function decodeFile(bytes: Uint8Array, path: string): DecodeResult {
  const utf16 = utf16Order(bytes)
  if (utf16) {
    return { ok: false, finding: encodingFinding(path, 1, 1, `Unexpected UTF-16 text (${utf16}), expected UTF-8 text: save the file as UTF-8`) }
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = bom ? bytes.subarray(3) : bytes
  try {
    return { ok: true, text: utf8.decode(body), bom }
  } catch {
    const bad = firstInvalidByte(body)
    const { line, column } = endOf(utf8.decode(body.subarray(0, bad)))
    const byte = (body[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0')
    return { ok: false, finding: encodingFinding(path, line, column, `Unexpected byte 0x${byte} that is not UTF-8, expected a UTF-8 text file`) }
  }
}

/**
 * Decode UTF-8 strictly: a file in another encoding is a problem to report,
 * not text to lint with replacement characters. A byte order mark is dropped.
 *
 * @returns the text, or `undefined` when the bytes are not UTF-8 (see
 *   {@link decodeFile} for where and why).
 */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  const decoded = decodeFile(bytes, '')
  return decoded.ok ? decoded.text : undefined
}

/** A finding for a file that is not UTF-8 (at its start). */
export function notUtf8(file: string): Finding {
  return encodingFinding(file, 1, 1, 'Unexpected bytes that are not UTF-8, expected a UTF-8 text file')
}

function encodingFinding(file: string, line: number, column: number, message: string): Finding {
  return { file, line, column, endLine: line, endColumn: column, severity: 'error', ruleId: 'invalid-encoding', message }
}

/**
 * Whether the bytes are UTF-16, and which way round: a UTF-16 byte order
 * mark, or (without one) a NUL in every other byte, which is what text in
 * Latin letters looks like in UTF-16 and never in UTF-8 text.
 */
function utf16Order(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian, with a byte order mark'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian, with a byte order mark'
  const pairs = Math.min(bytes.length, 4096) >> 1
  if (pairs === 0) return undefined
  let evenNul = 0
  let oddNul = 0
  for (let index = 0; index < pairs * 2; index += 2) {
    if (bytes[index] === 0) evenNul++
    if (bytes[index + 1] === 0) oddNul++
  }
  // Most characters of minutes are Latin: in UTF-16 half their bytes are NUL,
  // on one side; a NUL or two in UTF-8 text is far from that.
  if (oddNul * 2 >= pairs && evenNul * 10 < pairs) return 'little-endian, without a byte order mark'
  if (evenNul * 2 >= pairs && oddNul * 10 < pairs) return 'big-endian, without a byte order mark'
  return undefined
}

/** The index of the first byte that does not belong to well-formed UTF-8 (as the WHATWG decoder judges). */
function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0
  for (;;) {
    const byte = bytes[index]
    if (byte === undefined) return index
    if (byte < 0x80) {
      index++
      continue
    }
    let length: number
    let low = 0x80
    let high = 0xbf
    if (byte >= 0xc2 && byte <= 0xdf) length = 2
    else if (byte >= 0xe0 && byte <= 0xef) {
      length = 3
      if (byte === 0xe0) low = 0xa0
      if (byte === 0xed) high = 0x9f
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      length = 4
      if (byte === 0xf0) low = 0x90
      if (byte === 0xf4) high = 0x8f
    } else return index
    for (let next = 1; next < length; next++) {
      const continuation = bytes[index + next]
      if (continuation === undefined) return index
      if (continuation < (next === 1 ? low : 0x80) || continuation > (next === 1 ? high : 0xbf)) return index
    }
    index += length
  }
}

/** The line and column (1-based, columns in UTF-16 code units as everywhere else) just after a text. */
function endOf(text: string): { line: number; column: number } {
  let line = 1
  let start = 0
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index)
    // \n, \r\n and a lone \r each end a line, as in Markdown.
    if (char === 10 || (char === 13 && text.charCodeAt(index + 1) !== 10)) {
      line++
      start = index + 1
    }
  }
  return { line, column: text.length - start + 1 }
}
