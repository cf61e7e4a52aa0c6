/**
 * File names are bytes; Docker sends them as bytes. A name that is not valid UTF-8 cannot be a
 * JS string as is (decoding turns its bytes into U+FFFD, and `lstat` of that string then finds
 * nothing), so names are read as bytes and carried as strings where each byte that is not part
 * of valid UTF-8 becomes a lone low surrogate U+DC80..U+DCFF (the "surrogateescape" scheme).
 * Valid UTF-8 can never decode to a lone surrogate, so the mapping is one to one: every name
 * gets its own string, and pathToBytes gives back exactly the bytes on disk.
 */

/** The string for a name's bytes (see the module comment). */
export function nameFromBytes(bytes: Buffer): string {
  const text = bytes.toString('utf8')
  // Fast path: no replacement character, or one that really was in the name.
  if (!text.includes('\ufffd') || Buffer.from(text).equals(bytes)) return text
  let out = ''
  let i = 0
  while (i < bytes.length) {
    const n = utf8Length(bytes, i)
    if (n > 0) {
      out += bytes.subarray(i, i + n).toString('utf8')
      i += n
    } else {
      out += String.fromCharCode(0xdc00 + (bytes[i] as number))
      i++
    }
  }
  return out
}

/** Length of the valid UTF-8 sequence at `i` (1-4), or 0 when the byte there starts none. */
function utf8Length(b: Buffer, i: number): number {
  const c = b[i] as number
  if (c < 0x80) return 1
  const cont = (k: number): boolean => i + k < b.length && ((b[i + k] as number) & 0xc0) === 0x80
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0
  if (c >= 0xe0 && c <= 0xef) {
    if (!cont(1) || !cont(2)) return 0
    const c1 = b[i + 1] as number
    if (c === 0xe0 && c1 < 0xa0) return 0 // overlong
    if (c === 0xed && c1 >= 0xa0) return 0 // an encoded surrogate
    return 3
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0
    const c1 = b[i + 1] as number
    if (c === 0xf0 && c1 < 0x90) return 0
    if (c === 0xf4 && c1 >= 0x90) return 0
    return 4
  }
  return 0
}

/** True when `s` carries escaped bytes (a lone surrogate U+DC80..U+DCFF). */
export function hasEscapedBytes(s: string): boolean {
  // A low surrogate not preceded by a high one.
  return /(?<![\ud800-\udbff])[\udc80-\udcff]/.test(s)
}

/** The bytes a name string stands for (UTF-8, escaped bytes given back as themselves). */
export function pathToBytes(s: string): Buffer {
  if (!hasEscapedBytes(s)) return Buffer.from(s)
  const parts: Buffer[] = []
  let run = ''
  for (const ch of s) {
    const code = ch.codePointAt(0) as number
    if (ch.length === 1 && code >= 0xdc80 && code <= 0xdcff) {
      if (run !== '') parts.push(Buffer.from(run))
      run = ''
      parts.push(Buffer.from([code - 0xdc00]))
    } else run += ch
  }
  if (run !== '') parts.push(Buffer.from(run))
  return Buffer.concat(parts)
}

/** What to hand to `fs` for a name string: the string itself, or its bytes when it has escapes. */
export function fsPath(s: string): string | Buffer {
  return hasEscapedBytes(s) ? pathToBytes(s) : s
}
