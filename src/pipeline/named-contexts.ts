/**
 * Named build contexts (`--build-context NAME=DIR`, the action's `build-contexts`): each is
 * hashed as Docker sends it, with its own `.dockerignore`, and the steps that read it
 * (`COPY --from=NAME`, `RUN --mount=from=NAME`) are compared, judged and proven like the steps
 * of the main context.
 *
 * One flat path space: a named context's entries are keyed `NAME:path`, so the record's file
 * signatures, the changed-files list, the step comparison and the proof requests need no second
 * code path. A main-context path that starts with `NAME:` would be ambiguous and is refused.
 *
 * buildx passes the directories as `--build-context`. The classic client has no such flag; there
 * each named context is stood in by a local image `NAME` built `FROM scratch` with `COPY . /`
 * from that directory, which `COPY --from=NAME` and `RUN --mount=from=NAME` then read (the daemon
 * resolves an image name locally first). That image is built through the same builder cache, so
 * a stale context-sync record shows in it, and in the layer the COPY wrote, as it would in a
 * named context; the tag is removed after the run.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ContextEntry, ContextScan } from '../model.js'
import { scanContext } from '../context/index.js'
import { runBuild, type BuilderKind, type DockerExec } from '../docker/index.js'
import { UsageError } from './options.js'
import { FreshBuildError } from '../util/index.js'
import { checkContextDir } from './hash.js'

/** The label that marks an image as a stand-in for a named context (its value: the directory). */
export const STAND_IN_LABEL = 'dev.fresh-build.named-context'

/** `NAME:path` for a named context's entry; the path itself for the main context. */
export function entryKey(context: string | undefined, path: string): string {
  return context === undefined ? path : `${context}:${path}`
}

/** The path inside its own context of a key a step of `context` reads. */
export function pathInContext(context: string | undefined, key: string): string {
  return context === undefined ? key : key.slice(context.length + 1)
}

/** Each named context scanned as Docker sends it: its own root `.dockerignore`. */
export async function scanNamedContexts(
  dirs: Readonly<Record<string, string>>
): Promise<Map<string, ContextScan>> {
  const out = new Map<string, ContextScan>()
  for (const [name, dir] of Object.entries(dirs)) {
    try {
      await checkContextDir(dir)
    } catch (e) {
      throw new UsageError(`named context ${name}: ${(e as Error).message}`)
    }
    out.set(name, await scanContext(dir))
  }
  return out
}

/** The named contexts' entries, keyed; refuses a main-context path that looks like a key. */
export function keyedEntries(
  named: ReadonlyMap<string, ContextScan>,
  main: readonly ContextEntry[]
): ContextEntry[] {
  const names = [...named.keys()]
  const clash = main.find(e => names.some(n => e.path.startsWith(`${n}:`)))
  if (clash) {
    throw new UsageError(
      `build context path "${clash.path}" reads like a file of the named context ${clash.path.split(':')[0]}: rename one`
    )
  }
  return [...named].flatMap(([name, scan]) =>
    scan.entries.map(e => ({ ...e, path: entryKey(name, e.path) }))
  )
}

/**
 * The context hash with named contexts: one sha256 over the main context's hash and each named
 * context's, by name. Without named contexts it is the main context's hash unchanged.
 */
export function combinedHash(main: string, named: ReadonlyMap<string, ContextScan>): string {
  if (named.size === 0) return main
  const h = createHash('sha256').update(`main\0${main}\n`)
  for (const name of [...named.keys()].sort()) {
    const entries = named.get(name)?.entries ?? []
    h.update(`${name}\0${hashOf(entries)}\n`)
  }
  return `sha256:${h.digest('hex')}`
}

function hashOf(entries: readonly ContextEntry[]): string {
  const h = createHash('sha256')
  for (const e of entries) {
    h.update(`${e.path}\0${e.type}\0${e.mode}\0${e.digest ?? ''}\0${e.linkTarget ?? ''}\n`)
  }
  return h.digest('hex')
}

export interface StandIns {
  /** Removes the stand-in tags this run set (best effort). */
  cleanup: () => Promise<void>
}

/** What a stand-in build needs from the caller. */
export interface StandInIo {
  exec: DockerExec
  kind: BuilderKind
  say: (line: string) => void
  redact: (line: string) => string
  /** Prints the command line of each build. */
  onCommand?: (argv: readonly string[], env: Readonly<Record<string, string>>) => void
}

/**
 * Builds the stand-in image of each named context (classic client). Refuses to overwrite an
 * image of that name that is not a stand-in: it may be the user's.
 */
export async function buildStandIns(
  dirs: Readonly<Record<string, string>>,
  io: StandInIo,
  where: string
): Promise<StandIns> {
  const made: StandInImage[] = []
  const cleanup = (): Promise<void> => removeStandIns(io, made)
  const temp = mkdtempSync(join(tmpdir(), 'fb-context-'))
  try {
    const dockerfile = join(temp, 'Dockerfile')
    writeFileSync(dockerfile, 'FROM scratch\nCOPY . /\n')
    for (const [name, dir] of Object.entries(dirs)) {
      made.push(await buildStandIn(name, dir, dockerfile, io, where))
    }
  } catch (e) {
    await cleanup()
    throw e
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
  return { cleanup }
}

/** A stand-in image this run tagged: its name and the image id the tag pointed at. */
interface StandInImage {
  name: string
  id: string
}

async function removeStandIns(io: StandInIo, made: readonly StandInImage[]): Promise<void> {
  for (const { name, id } of made) {
    const now = await io.exec(['image', 'inspect', '--format', '{{.Id}}', name]).catch(() => null)
    // Untag only while the name still points at our image; never forced.
    if (now?.code === 0 && now.stdout.trim() === id) {
      await io.exec(['image', 'rm', name]).catch(() => null)
    }
  }
}

/** One stand-in: refused over a foreign image of that name, else built from `dir` and tagged. */
async function buildStandIn(
  name: string,
  dir: string,
  dockerfile: string,
  io: StandInIo,
  where: string
): Promise<StandInImage> {
  const existing = await io.exec([
    'image',
    'inspect',
    '--format',
    `{{index .Config.Labels "${STAND_IN_LABEL}"}}`,
    name
  ])
  if (existing.code === 0 && existing.stdout.trim() === '') {
    throw new UsageError(
      `${where}: ${name}: without buildx a named context is stood in by a local image ${name}, and an image of that name already exists on this daemon; rename the context or install buildx`
    )
  }
  io.say(`named context ${name}: standing in an image built from ${dir} (no buildx)`)
  const lines: string[] = []
  const spec = {
    context: dir,
    file: dockerfile,
    tags: [name],
    buildArgs: {},
    cacheFrom: [],
    labels: { [STAND_IN_LABEL]: dir }
  }
  const built = await runBuild(io.exec, io.kind, spec, {
    onLine: l => lines.push(l),
    redact: io.redact,
    ...(io.onCommand ? { onCommand: io.onCommand } : {})
  })
  if (built.code !== 0 || built.imageId === null) {
    for (const l of lines.slice(-20)) io.say(`[context ${name}] ${l}`)
    throw new FreshBuildError(
      `named context ${name}: building its stand-in image failed (exit ${built.code}): ${built.error ?? ''}`
    )
  }
  const id = await io.exec(['image', 'inspect', '--format', '{{.Id}}', name])
  return { name, id: id.stdout.trim() }
}
