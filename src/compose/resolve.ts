/**
 * The services a compose file builds, as the host's compose itself resolves them: `docker compose
 * config --format json` (v2) or `docker-compose config` (v1, YAML) apply extends, profiles,
 * interpolation and env files exactly as the `compose build` that follows will. The built-in
 * reader (read.ts) reads the file first, always: it is the gate (a file it refuses, including a
 * path outside the root, is refused before compose reads anything) and the fallback when no
 * compose runs or its output cannot be used.
 */
import { realpath } from 'node:fs/promises'
import { isAbsolute, resolve } from 'node:path'
import { load } from 'js-yaml'
import { run } from '../docker/index.js'
import { truncate, visible } from '../report/index.js'
import { escapesRoot } from '../util/index.js'
import { detectCompose, type ComposeTool } from './command.js'
import {
  ComposeError,
  readComposeProject,
  type ComposeProject,
  type ComposeService,
  type ReadComposeOptions
} from './read.js'

export interface ResolveComposeOptions extends ReadComposeOptions {
  /** Paths the resolved services name must stay inside it (the action's workspace). */
  root?: string
  /** The compose to ask; null: none (the built-in reader only); default: detected. */
  tool?: ComposeTool | null
  docker?: string
  /** Bound on the `config` run (default 60 s); past it the built-in reader's result is used. */
  timeoutMs?: number
}

export interface ResolvedCompose {
  project: ComposeProject
  /** Which one the services come from. */
  source: 'compose config' | 'built-in reader'
  tool: ComposeTool | null
  /** Why compose's answer was not used, or where the two differed; for the log. */
  notes: string[]
}

const DEFAULT_TIMEOUT_MS = 60_000

export async function resolveComposeProject(
  file: string,
  opts: ResolveComposeOptions
): Promise<ResolvedCompose> {
  const own = await readComposeProject(file, opts)
  const tool =
    opts.tool !== undefined
      ? opts.tool
      : await detectCompose({ ...(opts.docker ? { docker: opts.docker } : {}), env: opts.env })
  if (tool === null) return { project: own, source: 'built-in reader', tool, notes: [] }
  const name = configCommandName(tool)
  const fallback = (why: string): ResolvedCompose => ({
    project: own,
    source: 'built-in reader',
    tool,
    notes: [`${name}: ${why}; using the built-in reader`]
  })

  const argv = [...tool.prefix, '-f', own.file, 'config']
  if (tool.flavor === 'v2') argv.push('--format', 'json', ...(opts.services ?? []))
  const signal = AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS)
  const r = await run(tool.cmd, argv, { baseEnv: opts.env, cwd: own.dir, signal }).catch(
    (e: unknown) => e as Error
  )
  if (r instanceof Error) return fallback(`cannot run (${visible(r.message)})`)
  if (r.aborted)
    return fallback(`no answer within ${(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000} s`)
  if (r.code !== 0) {
    const first = r.stderr.split('\n').find(l => l.trim() !== '') ?? ''
    return fallback(`exit ${r.code}${first ? `: ${truncate(visible(first.trim()), 200)}` : ''}`)
  }
  let doc: unknown
  try {
    doc = tool.flavor === 'v2' ? JSON.parse(r.stdout) : load(r.stdout)
  } catch {
    return fallback('its output does not parse')
  }
  let project: ComposeProject
  try {
    project = fromConfig(doc, own, tool, opts)
  } catch (e) {
    if (e instanceof ComposeError) throw e
    return fallback(`unexpected output (${e instanceof Error ? e.message : String(e)})`)
  }
  if (opts.root !== undefined) await contain(opts.root, project)
  const differ = differences(own, project)
  return {
    project,
    source: 'compose config',
    tool,
    notes:
      differ.length > 0
        ? [`${name} and the built-in reader differ on ${differ.join(', ')}; using ${name}`]
        : []
  }
}

export function configCommandName(tool: ComposeTool): string {
  return `${[tool.cmd, ...tool.prefix].join(' ')} config`
}

type Mapping = Record<string, unknown>
const isMapping = (v: unknown): v is Mapping =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The project from compose's normalized model (both flavors print the same shape: contexts
 * absolute, `dockerfile` relative to the context, args a mapping). The selection follows the
 * built-in reader, which already checked the services asked for: v2 leaves out services of
 * inactive profiles itself; v1 prints every service with its profiles.
 */
export function fromConfig(
  doc: unknown,
  own: ComposeProject,
  tool: Pick<ComposeTool, 'flavor'>,
  opts: Pick<ReadComposeOptions, 'services'>
): ComposeProject {
  if (!isMapping(doc) || !isMapping(doc.services)) throw new Error('no services mapping')
  const services = doc.services
  const wanted = opts.services && opts.services.length > 0 ? [...new Set(opts.services)] : null
  // The built-in reader applied profiles and the services asked for; compose decides the rest.
  const names = wanted ?? own.services.map(s => s.name)
  const ownByName = new Map(own.services.map(s => [s.name, s]))
  const out: ComposeService[] = []
  for (const name of names) {
    const svc = services[name]
    if (!isMapping(svc) || !isMapping(svc.build)) {
      throw new Error(`services.${name}.build missing`)
    }
    out.push(service(name, svc, svc.build, tool.flavor, ownByName.get(name)))
  }
  // A service only compose builds (an `include:`d file, a profile the reader read otherwise).
  if (!wanted) {
    for (const [name, svc] of Object.entries(services)) {
      if (ownByName.has(name) || !isMapping(svc) || !isMapping(svc.build)) continue
      const profiles = Array.isArray(svc.profiles) ? svc.profiles : []
      // v1 prints services of inactive profiles too; those the reader left out stay out.
      if (tool.flavor === 'v1' && profiles.length > 0) continue
      out.push(service(name, svc, svc.build, tool.flavor, undefined))
    }
  }
  const name =
    tool.flavor === 'v2' && typeof doc.name === 'string' && doc.name ? doc.name : own.name
  return { file: own.file, dir: own.dir, name, services: out }
}

function service(
  name: string,
  svc: Mapping,
  build: Mapping,
  flavor: 'v1' | 'v2',
  own: ComposeService | undefined
): ComposeService {
  const where = `services.${name}.build`
  if (typeof build.context !== 'string' || !isAbsolute(build.context)) {
    throw new Error(`${where}.context is not an absolute path`)
  }
  const context = resolve(build.context)
  const dockerfile = resolve(
    context,
    typeof build.dockerfile === 'string' && build.dockerfile ? build.dockerfile : 'Dockerfile'
  )
  const args: Record<string, string> = {}
  if (isMapping(build.args)) {
    for (const [k, v] of Object.entries(build.args)) {
      // An arg named without a value and unset: v2 prints null, v1 prints ''. Both mean "not
      // passed"; v1's '' is told from a real '' by the reader, which kept the one it read.
      if (v === null || v === undefined) continue
      if (flavor === 'v1' && v === '' && own && !(k in own.args)) continue
      args[k] = text(v)
    }
  }
  const list = (v: unknown): string[] =>
    Array.isArray(v) ? v.map(text) : typeof v === 'string' ? [text(v)] : []
  return {
    name,
    context,
    dockerfile,
    args,
    target: typeof build.target === 'string' && build.target ? text(build.target) : null,
    image: typeof svc.image === 'string' && svc.image ? text(svc.image) : null,
    cacheFrom: list(build.cache_from)
  }
}

/**
 * A value as the build gets it. `config` prints a file compose can read again, so a literal `$`
 * comes out escaped as `$$` (seen with docker-compose 1.29: `'v$${X}'` for the value `v${X}`).
 */
function text(v: unknown): string {
  return String(v).replace(/\$\$/g, '$')
}

/** Compose resolved the paths itself: they must stay inside the root as the reader's did. */
async function contain(root: string, project: ComposeProject): Promise<void> {
  const realRoot = await realpath(root).catch(() => resolve(root))
  for (const svc of project.services) {
    for (const [what, path] of [
      ['context', svc.context],
      ['dockerfile', svc.dockerfile]
    ] as const) {
      const real = await realpath(path).catch(() => path)
      if (escapesRoot(resolve(root), path) || escapesRoot(realRoot, real)) {
        throw new ComposeError(
          project.file,
          `services.${svc.name}.build.${what}: ${visible(path)} is outside ${root}: refused`
        )
      }
    }
  }
}

/** Which fields of which services the two readings disagree on, e.g. `web.args`. */
export function differences(a: ComposeProject, b: ComposeProject): string[] {
  const out: string[] = []
  if (a.name !== b.name) out.push('the project name')
  const byName = new Map(b.services.map(s => [s.name, s]))
  const names = new Set([...a.services.map(s => s.name), ...byName.keys()])
  for (const name of names) {
    const x = a.services.find(s => s.name === name)
    const y = byName.get(name)
    if (!x || !y) {
      out.push(`whether ${name} builds`)
      continue
    }
    for (const key of ['context', 'dockerfile', 'args', 'target', 'image', 'cacheFrom'] as const) {
      if (JSON.stringify(sorted(x[key])) !== JSON.stringify(sorted(y[key])))
        out.push(`${name}.${key}`)
    }
  }
  return out
}

function sorted(v: unknown): unknown {
  return isMapping(v)
    ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
    : v
}
