/**
 * Reads the services a docker compose file builds: for each, the context, Dockerfile, build args,
 * target, cache sources and image name that `docker compose build` would use, so each service can
 * be guarded like a single `docker build`.
 *
 * What is read, as docker-compose 1.29 and the v2 plugin read it:
 *   - `build: ./dir` and the long form (`context`, `dockerfile` relative to the context, `args` as
 *     a map or a `K=V` list where a bare `K` or `K:` with no value takes the value from the
 *     environment and is left out when unset, `target`, `cache_from`);
 *   - variable substitution (see interpolate.ts) with the process environment over the `.env`
 *     file beside the compose file, applied to the values read here only, so an unsupported
 *     section elsewhere cannot fail the read;
 *   - `extends` (`extends: svc`, `extends: { service }`, `extends: { service, file }`), whose
 *     build merges key by key (args merged, cache_from joined), paths relative to the file that
 *     wrote them;
 *   - `profiles`: a service with profiles is built only when `COMPOSE_PROFILES` names one, or when
 *     it is asked for by name;
 *   - the project name: `COMPOSE_PROJECT_NAME`, else top-level `name:`, else the folder name.
 * Not read: override files (`docker-compose.override.yml`; only the file given is read, as with
 * `-f FILE`), `build.tags`, `additional_contexts`, `platforms`, `secrets`, `ssh`.
 */
import { readFile } from 'node:fs/promises'
import { basename, dirname, isAbsolute, resolve } from 'node:path'
import { containedIn, FreshBuildError, thrownMessage } from '../util/index.js'
import { load, YAMLException } from 'js-yaml'
import { interpolate, InterpolationError, parseDotEnv, type Vars } from './interpolate.js'

/** One service that compose builds. */
export interface ComposeService {
  name: string
  /** Absolute build context directory. */
  context: string
  /** Absolute Dockerfile path. */
  dockerfile: string
  args: Record<string, string>
  target: string | null
  /** The service's `image:` (compose tags the build with it), or null. */
  image: string | null
  cacheFrom: string[]
}

/** The compose file read: its project name and the services it builds. */
export interface ComposeProject {
  /** Absolute path of the compose file. */
  file: string
  /** The project directory (the compose file's folder). */
  dir: string
  /** The normalized project name. */
  name: string
  services: ComposeService[]
}

export interface ReadComposeOptions {
  env: NodeJS.ProcessEnv
  /**
   * When set, every path the file names (build contexts, Dockerfiles, `extends.file`,
   * `env_file`, `additional_contexts`, the `.env` beside it) must stay inside this directory,
   * through symlinks too: refused before anything there is read.
   */
  root?: string
  /** Services to read (each must exist and build); default: every service that builds. */
  services?: string[]
}

/** A compose file that cannot be read as asked; the message is one line naming the file. */
export class ComposeError extends FreshBuildError {
  constructor(
    readonly file: string,
    readonly detail: string
  ) {
    super(`${file}: ${detail}`.replace(/\s*\r?\n\s*/g, ' '))
  }
}

export type ComposeFlavor = 'v1' | 'v2'

/** Reads the services of `file` that compose would build (see the module comment). */
export async function readComposeFile(
  file: string,
  opts: ReadComposeOptions
): Promise<ComposeService[]> {
  return (await readComposeProject(file, opts)).services
}

/** Like readComposeFile, with the project name the images are named after. */
export async function readComposeProject(
  file: string,
  opts: ReadComposeOptions
): Promise<ComposeProject> {
  const abs = resolve(file)
  const dir = dirname(abs)
  const root = opts.root ?? null
  const contain = async (from: string, where: string, path: string): Promise<void> => {
    if (root !== null && !(await containedIn(root, path))) {
      throw new ComposeError(
        from,
        `${where}: ${path} is outside ${root} (through a symlink or not): refused`
      )
    }
  }
  await contain(abs, 'the compose file', abs)
  await contain(abs, 'the .env file', resolve(dir, '.env'))
  const vars = await projectVars(dir, opts.env)
  const reader = new Reader(vars, contain)
  const doc = await reader.load(abs)
  const name = composeProjectName({ dir, env: vars, name: doc.name })

  const wanted = opts.services && opts.services.length > 0 ? [...new Set(opts.services)] : null
  const services: ComposeService[] = []
  if (wanted) {
    for (const svc of wanted) {
      if (!(svc in doc.services)) {
        const known = Object.keys(doc.services)
        throw new ComposeError(
          abs,
          `no service "${svc}" (services: ${known.length > 0 ? known.join(', ') : 'none'})`
        )
      }
      const spec = await reader.service(doc, svc, [])
      if (!spec.build) {
        throw new ComposeError(
          abs,
          `service "${svc}" has no build section${spec.image ? ` (it runs the image ${spec.image})` : ''}`
        )
      }
      services.push(finish(abs, svc, spec, spec.build))
    }
  } else {
    const active = new Set(
      (vars.COMPOSE_PROFILES ?? '')
        .split(',')
        .map(p => p.trim())
        .filter(Boolean)
    )
    for (const svc of Object.keys(doc.services)) {
      const spec = await reader.service(doc, svc, [])
      if (!spec.build) continue
      if (spec.profiles.length > 0 && !spec.profiles.some(p => active.has(p))) continue
      services.push(finish(abs, svc, spec, spec.build))
    }
    if (services.length === 0) throw new ComposeError(abs, 'no service has a build section')
  }
  // Checked before any Dockerfile or context is read.
  for (const svc of services) {
    await contain(abs, `services.${svc.name}.build.context`, svc.context)
    await contain(abs, `services.${svc.name}.build.dockerfile`, svc.dockerfile)
  }
  await reader.checkNamedPaths()
  return { file: abs, dir, name, services }
}

/**
 * The compose project name: `COMPOSE_PROJECT_NAME` (environment or `.env`), else the file's
 * top-level `name:`, else the project folder's name; normalized as compose does (lower case, only
 * `a-z 0-9 _ -`, no leading `_` or `-`).
 */
export function composeProjectName(opts: { dir: string; env: Vars; name?: string | null }): string {
  const raw = opts.env.COMPOSE_PROJECT_NAME || opts.name || basename(resolve(opts.dir))
  const name = normalizeProjectName(raw)
  if (name === '') {
    throw new ComposeError(
      opts.dir,
      `project name "${raw}" is empty once normalized (set COMPOSE_PROJECT_NAME or name:)`
    )
  }
  return name
}

/** Compose's project-name normalization: lower case, `[a-z0-9_-]` only, no leading `_`/`-`. */
export function normalizeProjectName(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '')
    .replace(/^[_-]+/, '')
}

/**
 * The image compose names a build without `image:`: `project_service` for docker-compose v1,
 * `project-service` for compose v2.
 */
export function defaultImageName(project: string, service: string, flavor: ComposeFlavor): string {
  return `${project}${flavor === 'v1' ? '_' : '-'}${service}`
}

/** The environment over the `.env` file in the project directory (the environment wins). */
async function projectVars(dir: string, env: NodeJS.ProcessEnv): Promise<Vars> {
  const path = resolve(dir, '.env')
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    if (isNodeError(e) && (e.code === 'ENOENT' || e.code === 'EISDIR')) return { ...env }
    throw new ComposeError(path, `cannot read: ${thrownMessage(e)}`)
  }
  const out: Record<string, string | undefined> = parseDotEnv(text)
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v
  return out
}

/** A parsed file: its services section and top-level name. */
interface ComposeDoc {
  file: string
  services: Record<string, unknown>
  name: string | null
}

/** A build section with the paths of its own file resolved. */
interface BuildSpec {
  /** Absolute, or undefined when this level did not set it. */
  context?: string
  dockerfile?: string
  args: Record<string, string>
  target?: string
  cacheFrom: string[]
}

interface ServiceSpec {
  build: BuildSpec | null
  image: string | null
  profiles: string[]
}

type Mapping = Record<string, unknown>

type Contain = (from: string, where: string, path: string) => Promise<void>

class Reader {
  private readonly docs = new Map<string, Promise<ComposeDoc>>()
  /** Paths the files name that are not read here (env_file, additional_contexts). */
  private readonly named: { file: string; where: string; path: string }[] = []
  constructor(
    private readonly vars: Vars,
    private readonly contain: Contain = async () => undefined
  ) {}

  async checkNamedPaths(): Promise<void> {
    for (const n of this.named) await this.contain(n.file, n.where, n.path)
  }

  load(file: string): Promise<ComposeDoc> {
    let doc = this.docs.get(file)
    if (!doc) {
      doc = this.parse(file)
      this.docs.set(file, doc)
    }
    return doc
  }

  private async parse(file: string): Promise<ComposeDoc> {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (e) {
      const why = isNodeError(e) && e.code === 'ENOENT' ? 'not found' : thrownMessage(e)
      throw new ComposeError(file, `cannot read the compose file: ${why}`)
    }
    let root: unknown
    try {
      root = load(text, { filename: file })
    } catch (e) {
      if (e instanceof YAMLException) {
        const at = e.mark ? ` at line ${e.mark.line + 1}` : ''
        throw new ComposeError(file, `invalid YAML${at}: ${e.reason}`)
      }
      throw new ComposeError(file, `invalid YAML: ${thrownMessage(e)}`)
    }
    if (!isMapping(root)) throw new ComposeError(file, 'not a compose file (expected a mapping)')
    const services = root.services
    if (services === undefined || services === null) {
      throw new ComposeError(file, 'no services: section')
    }
    if (!isMapping(services)) throw new ComposeError(file, 'services: must be a mapping')
    const name = root.name === undefined || root.name === null ? null : root.name
    return {
      file,
      services,
      name: name === null ? null : this.text(file, 'name', name)
    }
  }

  /** The service's build, image and profiles with `extends` applied. */
  async service(doc: ComposeDoc, name: string, chain: string[]): Promise<ServiceSpec> {
    const key = `${doc.file}\0${name}`
    if (chain.includes(key)) {
      const loop = [...chain, key].map(k => k.split('\0')[1]).join(' -> ')
      throw new ComposeError(doc.file, `services.${name}.extends: circular reference (${loop})`)
    }
    const raw = doc.services[name]
    const where = `services.${name}`
    if (raw !== null && !isMapping(raw))
      throw new ComposeError(doc.file, `${where} must be a mapping`)
    const def: Mapping = raw ?? {}
    for (const [i, f] of this.list(doc.file, `${where}.env_file`, envFiles(def.env_file)).entries())
      this.named.push({
        file: doc.file,
        where: `${where}.env_file[${i}]`,
        path: resolve(dirname(doc.file), f)
      })
    const own: ServiceSpec = {
      build:
        def.build === undefined || def.build === null ? null : this.build(doc, name, def.build),
      image:
        def.image === undefined || def.image === null
          ? null
          : this.text(doc.file, `${where}.image`, def.image),
      profiles: this.list(doc.file, `${where}.profiles`, def.profiles)
    }
    if (def.extends === undefined || def.extends === null) return own

    const ext = def.extends
    let baseName: string
    let baseFile = doc.file
    if (typeof ext === 'string') {
      baseName = this.text(doc.file, `${where}.extends`, ext)
    } else if (isMapping(ext) && ext.service !== undefined) {
      baseName = this.text(doc.file, `${where}.extends.service`, ext.service)
      if (ext.file !== undefined && ext.file !== null) {
        const f = this.text(doc.file, `${where}.extends.file`, ext.file)
        baseFile = resolve(dirname(doc.file), f)
        await this.contain(doc.file, `${where}.extends.file`, baseFile)
      }
    } else {
      throw new ComposeError(
        doc.file,
        `${where}.extends: expected a service name or { service, file }`
      )
    }
    const baseDoc = await this.load(baseFile)
    if (!(baseName in baseDoc.services)) {
      throw new ComposeError(
        doc.file,
        `${where}.extends: no service "${baseName}" in ${baseFile === doc.file ? 'this file' : baseFile}`
      )
    }
    const base = await this.service(baseDoc, baseName, [...chain, key])
    return {
      build: mergeBuild(base.build, own.build),
      image: own.image ?? base.image,
      profiles: own.profiles.length > 0 ? own.profiles : base.profiles
    }
  }

  private build(doc: ComposeDoc, service: string, raw: unknown): BuildSpec {
    const where = `services.${service}.build`
    const dir = dirname(doc.file)
    if (typeof raw === 'string') {
      return { context: this.context(doc.file, where, dir, raw), args: {}, cacheFrom: [] }
    }
    if (!isMapping(raw)) throw new ComposeError(doc.file, `${where} must be a path or a mapping`)
    if (raw.dockerfile_inline !== undefined) {
      throw new ComposeError(
        doc.file,
        `${where}.dockerfile_inline is not supported (use a Dockerfile)`
      )
    }
    const spec: BuildSpec = { args: this.args(doc.file, `${where}.args`, raw.args), cacheFrom: [] }
    if (raw.context !== undefined && raw.context !== null) {
      spec.context = this.context(doc.file, `${where}.context`, dir, raw.context)
    }
    if (raw.dockerfile !== undefined && raw.dockerfile !== null) {
      spec.dockerfile = this.text(doc.file, `${where}.dockerfile`, raw.dockerfile)
    }
    if (raw.target !== undefined && raw.target !== null) {
      spec.target = this.text(doc.file, `${where}.target`, raw.target)
    }
    spec.cacheFrom = this.list(doc.file, `${where}.cache_from`, raw.cache_from)
    const base = spec.context ?? dir
    for (const [name, value] of this.additionalContexts(doc.file, where, raw.additional_contexts)) {
      // Images, services and URLs are not paths on this host.
      if (/^(docker-image|service|oci-layout|target):|^[a-z]+:\/\//.test(value)) continue
      this.named.push({
        file: doc.file,
        where: `${where}.additional_contexts.${name}`,
        path: isAbsolute(value) ? resolve(value) : resolve(base, value)
      })
    }
    return spec
  }

  private context(file: string, where: string, dir: string, raw: unknown): string {
    const value = this.text(file, where, raw)
    if (
      /^(https?:\/\/|git@|git:\/\/|ssh:\/\/|github\.com\/)/.test(value) ||
      /\.git(#|$)/.test(value)
    ) {
      throw new ComposeError(
        file,
        `${where}: a remote build context (${value}) cannot be hashed; guard the other services with --service`
      )
    }
    return isAbsolute(value) ? resolve(value) : resolve(dir, value)
  }

  private args(file: string, where: string, raw: unknown): Record<string, string> {
    const out: Record<string, string> = {}
    const put = (name: string, value: string | undefined): void => {
      if (value !== undefined) out[name] = value
    }
    if (raw === undefined || raw === null) return out
    if (Array.isArray(raw)) {
      raw.forEach((item, i) => {
        const entry = this.text(file, `${where}[${i}]`, item)
        const eq = entry.indexOf('=')
        if (eq === 0) throw new ComposeError(file, `${where}[${i}]: "${entry}" has no name`)
        if (eq < 0) put(entry, this.vars[entry])
        else put(entry.slice(0, eq), entry.slice(eq + 1))
      })
      return out
    }
    if (!isMapping(raw)) throw new ComposeError(file, `${where} must be a mapping or a list`)
    for (const [name, value] of Object.entries(raw)) {
      put(name, value === null ? this.vars[name] : this.text(file, `${where}.${name}`, value))
    }
    return out
  }

  /** `additional_contexts` as a mapping or a `name=value` list. */
  private additionalContexts(file: string, where: string, raw: unknown): [string, string][] {
    if (raw === undefined || raw === null) return []
    if (Array.isArray(raw)) {
      return raw.map((item, i) => {
        const entry = this.text(file, `${where}.additional_contexts[${i}]`, item)
        const eq = entry.indexOf('=')
        return [eq < 0 ? String(i) : entry.slice(0, eq), eq < 0 ? entry : entry.slice(eq + 1)]
      })
    }
    if (!isMapping(raw)) return []
    return Object.entries(raw).map(([k, v]) => [
      k,
      this.text(file, `${where}.additional_contexts.${k}`, v)
    ])
  }

  /** A list of strings (a single string counts as a list of one); undefined/null is empty. */
  private list(file: string, where: string, raw: unknown): string[] {
    if (raw === undefined || raw === null) return []
    if (!Array.isArray(raw)) return [this.text(file, where, raw)]
    return raw.map((v, i) => this.text(file, `${where}[${i}]`, v))
  }

  /** A scalar as compose reads it: strings interpolated, numbers and booleans as written. */
  private text(file: string, where: string, raw: unknown): string {
    if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw)
    if (typeof raw !== 'string') {
      throw new ComposeError(file, `${where}: expected a string, got ${describe(raw)}`)
    }
    try {
      return interpolate(raw, this.vars)
    } catch (e) {
      if (e instanceof InterpolationError) throw new ComposeError(file, `${where}: ${e.message}`)
      throw e
    }
  }
}

/** `extends`: the extending service's keys win; args merge; cache sources join. */
function mergeBuild(base: BuildSpec | null, own: BuildSpec | null): BuildSpec | null {
  if (!base) return own
  if (!own) return base
  const out: BuildSpec = {
    args: { ...base.args, ...own.args },
    cacheFrom: [...new Set([...base.cacheFrom, ...own.cacheFrom])]
  }
  const context = own.context ?? base.context
  const dockerfile = own.dockerfile ?? base.dockerfile
  const target = own.target ?? base.target
  if (context !== undefined) out.context = context
  if (dockerfile !== undefined) out.dockerfile = dockerfile
  if (target !== undefined) out.target = target
  return out
}

function finish(file: string, name: string, spec: ServiceSpec, build: BuildSpec): ComposeService {
  // Compose's default context is the project directory.
  const context = build.context ?? dirname(file)
  return {
    name,
    context,
    dockerfile: resolve(context, build.dockerfile ?? 'Dockerfile'),
    args: build.args,
    // An empty target (`${TARGET-}` set to '') builds the last stage, as no target does.
    target: build.target || null,
    image: spec.image,
    cacheFrom: build.cacheFrom
  }
}

/** `env_file` entries: strings, or `{ path }` mappings (compose 2.24+). */
function envFiles(raw: unknown): unknown {
  if (!Array.isArray(raw)) return isMapping(raw) ? raw.path : raw
  return raw.map(v => (isMapping(v) ? v.path : v))
}

function isMapping(v: unknown): v is Mapping {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

// Duck-typed: errors from node's own modules may come from another realm (jest's vm modules).
function isNodeError(e: unknown): e is NodeJS.ErrnoException {
  return typeof e === 'object' && e !== null && 'code' in e
}

function describe(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'a list'
  return typeof v === 'object' ? 'a mapping' : typeof v
}
