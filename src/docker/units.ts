/**
 * Sizes as the docker CLI prints them. go-units `HumanSize` (used by `builder prune`,
 * `system df`, `history`) is decimal: `%.4g` plus B, kB, MB, GB... with 1000 steps, so
 * "1.982MB" is 1 982 000 bytes (rounded by the printer to 4 significant digits).
 * `BytesSize` (binary: KiB, MiB...) is accepted too.
 */
const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB']
const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB']

/** Bytes for one printed size (`800B`, `1.5MB`, `307.2kB`, `1KiB`); null when unparsable. */
export function parseHumanSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*([A-Za-z]*)\s*$/.exec(text)
  if (!m) return null
  const value = Number(m[1])
  const unit = m[2] === '' ? 'B' : m[2]
  let i = DECIMAL.indexOf(unit)
  if (i < 0 && unit === 'KB') i = 1 // some tools print KB for kB
  if (i >= 0) return Math.round(value * 1000 ** i)
  const j = BINARY.indexOf(unit)
  if (j >= 0) return Math.round(value * 1024 ** j)
  return null
}
