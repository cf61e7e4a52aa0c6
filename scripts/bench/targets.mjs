// The targets of issue 17, one per benchmark row: what is compared, the bound, and how a measured
// value meets it. `value` is always "ours / reference" (a time ratio) unless the unit says
// otherwise, so every bound reads the same way in the table.

/** id -> { target (as printed), pass(value) } */
export const TARGETS = {
  'hash-vs-sha256sum-parallel': { target: '<= 1.1x', pass: v => v <= 1.1 },
  'hash-vs-sha256sum': { target: '-', pass: null },
  'hash-vs-docker-transfer': { target: '< 1x', pass: v => v < 1 },
  'unchanged-app': { target: '<= 1.6x', pass: v => v <= 1.6 },
  'unchanged-main': { target: '<= 1.5x', pass: v => v <= 1.5 },
  'unchanged-sequential-app': { target: '-', pass: null },
  'unchanged-sequential-main': { target: '-', pass: null },
  'node-floor-app': { target: '(floor)', pass: null },
  'node-floor-main': { target: '(floor)', pass: null },
  'deploy-main-vs-plain': { target: '<= 1.5x', pass: v => v <= 1.5 },
  // value: prune-everything time / ours (a speed-up)
  'deploy-main-vs-prune-all': { target: '>= 5x faster', pass: v => v >= 5 },
  'proof-big-base-vs-plain': { target: '<= 1.5x', pass: v => v <= 1.5 },
  'proof-sequential': { target: '-', pass: null },
  // value: MB/s (10^6 bytes)
  'log-throughput': { target: '> 250 MB/s', pass: v => v > 250 },
  'log-throughput-process': { target: '-', pass: null },
  'log-memory': { target: 'constant (<= 1.10x)', pass: v => v <= 1.1 },
  'startup-vs-node': { target: '-', pass: null },
  'walk-ignored': { target: '~1 (<= 1.10x)', pass: v => v <= 1.1 },
  'hash-warm-vs-sha256sum': { target: '-', pass: null }
}

/** A table row for `id` with its target beside it. */
export function targetRow(id, fields) {
  const t = TARGETS[id]
  if (!t) throw new Error(`no target for bench row ${id}`)
  const ok = Number.isFinite(fields.value)
  return {
    id,
    ...fields,
    target: t.target,
    pass: t.pass === null ? null : ok ? t.pass(fields.value) : false
  }
}

/** `xargs` arguments that run sha256sum on every core over a NUL-separated list of `files`. */
export function parallelSha256sumArgs(files, cores) {
  const per = Math.max(1, Math.ceil(files / (Math.max(1, cores) * 4)))
  return ['-0', '-P', String(Math.max(1, cores)), '-n', String(per), 'sha256sum']
}
