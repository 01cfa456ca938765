/**
 * A digest of a file's bytes, to tell whether a file is still what was
 * checked: the CLI's cache keys results on it, and `lint --fix` writes a file
 * only while its bytes still have the digest its findings were computed from.
 * Sixty-four bits of two multiply-xorshift lanes (cyrb53's, kept whole) and
 * the length: not a cryptographic hash (nothing here is secret or adversarial),
 * but synchronous, in plain JavaScript everywhere the engine runs, and quicker
 * than reading the file.
 */
export function contentDigest(bytes: Uint8Array): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  // An index loop (`for…of` over a typed array is several times slower here).
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]
    if (byte === undefined) break
    h1 = Math.imul(h1 ^ byte, 2654435761)
    h2 = Math.imul(h2 ^ byte, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return `${bytes.length.toString(36)}.${(h2 >>> 0).toString(36)}.${(h1 >>> 0).toString(36)}`
}
