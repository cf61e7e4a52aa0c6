import { createHash } from 'node:crypto'
import type { ContextEntry } from '../model.js'
import { pathToBytes } from '../util/bytes-path.js'

/**
 * What BuildKit's cache key covers for one entry, as one line: type, permission bits, content
 * (or symlink target) digest, and the name. Never mtime, never uid/gid. The path is JSON-quoted
 * so that names with spaces or newlines cannot collide with another entry's line.
 */
export function entrySignature(e: ContextEntry): string {
  return `${e.type} ${formatMode(e.mode)} ${e.digest ?? '-'}`
}

/** `0644`-style permission bits. */
export function formatMode(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0')
}

/**
 * sha256 over the entries' signatures and names, in path byte order. Used for the context hash
 * (all entries) and for each step's source hash (the entries that step selects).
 */
export function hashEntries(entries: readonly ContextEntry[]): string {
  const sorted = [...entries].sort((a, b) => compareBytes(a.path, b.path))
  const h = createHash('sha256')
  // JSON quoting is one to one on name strings, and name strings are one to one on the bytes
  // on disk (a byte that is not UTF-8 is quoted as its own \udcXX escape): the hash covers the
  // names as Docker sends them.
  for (const e of sorted) h.update(`${entrySignature(e)} ${JSON.stringify(e.path)}\n`)
  return `sha256:${h.digest('hex')}`
}

/** Byte-order comparison of paths, the same on every machine and locale. */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(pathToBytes(a), pathToBytes(b))
}

/**
 * The record's per-entry signature: what BuildKit's key covers plus the size, which lets a stale
 * file be explained as a same-size edit (the case Docker's size+mtime shortcut misses).
 */
export function fileSignature(e: ContextEntry): string {
  return `${entrySignature(e)} ${e.size}`
}

/** The size a fileSignature recorded, or null for a signature without one. */
export function signatureSize(signature: string): number | null {
  const parts = signature.split(' ')
  if (parts.length < 4) return null
  const size = Number(parts[3])
  return Number.isSafeInteger(size) ? size : null
}
