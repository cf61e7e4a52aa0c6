/** A value with the keys of every object sorted: equal data stringifies equally, whatever order it was built in. */
export function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical)
  if (typeof v !== 'object' || v === null) return v
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map(k => [k, canonical((v as Record<string, unknown>)[k])])
  )
}
