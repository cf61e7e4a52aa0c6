/**
 * The docker build flags a user of docker/build-push-action passes (labels, secrets, ssh, pull,
 * no-cache, network, hosts, shm, ulimits, builder, platforms, named contexts): one shape for the
 * CLI and the action, parsed by shared helpers, checked against the builder in use, and turned
 * into the argv flags of src/docker/build.ts. What the builder cannot do is an error naming the
 * input (or flag) and the builder, never dropped.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BuilderKind, parseVersion, type PassThrough } from '../docker/index.js'
import { truncate, UsageError } from './options.js'

/** A build secret: a value (action input `secrets`), a file, or an environment variable. */
export type SecretSpec =
  { id: string; value: string } | { id: string; src: string } | { id: string; env: string }

export interface BuildFlags {
  /** `--label` values the user adds; fresh-build's own `dev.fresh-build.*` labels are refused. */
  labels: Record<string, string>
  secrets: SecretSpec[]
  /** `default` or `id=path[,path]`, as `docker build --ssh` takes them. */
  ssh: string[]
  pull: boolean
  noCache: boolean
  noCacheFilters: string[]
  network: string | null
  addHosts: string[]
  shmSize: string | null
  ulimits: string[]
  builder: string | null
  platforms: string[]
  /** Named contexts: name -> absolute local directory. */
  buildContexts: Record<string, string>
}

export function noBuildFlags(): BuildFlags {
  return {
    labels: {},
    secrets: [],
    ssh: [],
    pull: false,
    noCache: false,
    noCacheFilters: [],
    network: null,
    addHosts: [],
    shmSize: null,
    ulimits: [],
    builder: null,
    platforms: [],
    buildContexts: {}
  }
}

/** Where a flag came from, for messages: the action's input names or the CLI's flags. */
export type Surface = 'action' | 'cli'
export type FlagKey = keyof BuildFlags

const NAMES: Record<FlagKey, Record<Surface, string>> = {
  labels: { action: 'input labels', cli: '--label' },
  secrets: { action: 'input secrets / secret-files', cli: '--secret' },
  ssh: { action: 'input ssh', cli: '--ssh' },
  pull: { action: 'input pull', cli: '--pull' },
  noCache: { action: 'input no-cache', cli: '--no-cache' },
  noCacheFilters: { action: 'input no-cache-filters', cli: '--no-cache-filter' },
  network: { action: 'input network', cli: '--network' },
  addHosts: { action: 'input add-hosts', cli: '--add-host' },
  shmSize: { action: 'input shm-size', cli: '--shm-size' },
  ulimits: { action: 'input ulimit', cli: '--ulimit' },
  builder: { action: 'input builder', cli: '--builder' },
  platforms: { action: 'input platforms', cli: '--platform' },
  buildContexts: { action: 'input build-contexts', cli: '--build-context' }
}

export function flagName(key: FlagKey, surface: Surface): string {
  return NAMES[key][surface]
}

const SECRET_ID = /^[A-Za-z0-9_.-]+$/
const LABEL_KEY = /^[^\s=]+$/

/** `KEY=VALUE` items (one label each); a value may hold `=` and spaces. */
export function parseLabels(items: readonly string[], where: string): Record<string, string> {
  const out: Record<string, string> = {}
  items.forEach((item, i) => {
    const eq = item.indexOf('=')
    const key = eq < 0 ? item : item.slice(0, eq)
    if (!LABEL_KEY.test(key)) {
      throw new UsageError(`${where} #${i + 1}: "${truncate(item, 40)}" is not KEY=VALUE`)
    }
    if (key.startsWith('dev.fresh-build.')) {
      throw new UsageError(
        `${where} #${i + 1}: ${key} is fresh-build's own label (it records what the image was built from)`
      )
    }
    out[key] = eq < 0 ? '' : item.slice(eq + 1)
  })
  return out
}

function secretId(id: string, where: string): string {
  if (!SECRET_ID.test(id)) {
    throw new UsageError(`${where}: secret id "${truncate(id, 40)}" is not [A-Za-z0-9_.-]+`)
  }
  return id
}

/**
 * The action's `secrets`: `id=value` per line, the value kept byte for byte (a multi-line value
 * is a line each: use `secret-files` for those). Errors never echo a value.
 */
export function parseSecretLines(text: string, where = 'input secrets'): SecretSpec[] {
  const out: SecretSpec[] = []
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '')
    if (line.trim() === '' || line.trimStart().startsWith('#')) return
    const eq = line.indexOf('=')
    if (eq < 0) throw new UsageError(`${where} line ${i + 1}: expected id=value, found no "="`)
    out.push({
      id: secretId(line.slice(0, eq).trim(), `${where} line ${i + 1}`),
      value: line.slice(eq + 1)
    })
  })
  return out
}

/** The action's `secret-files`: `id=path` per line (the caller resolves the path). */
export function parseSecretFileLines(text: string, where = 'input secret-files'): SecretSpec[] {
  return text
    .split(/\r?\n/)
    .map((l, i) => [l.trim(), i + 1] as const)
    .filter(([l]) => l !== '' && !l.startsWith('#'))
    .map(([l, n]) => {
      const eq = l.indexOf('=')
      if (eq < 0 || eq === l.length - 1) {
        throw new UsageError(`${where} line ${n}: expected id=path`)
      }
      return {
        id: secretId(l.slice(0, eq).trim(), `${where} line ${n}`),
        src: l.slice(eq + 1).trim()
      }
    })
}

/**
 * The CLI's `--secret`, in docker build's own syntax: `id=X,src=PATH` (also `source=`,
 * `type=file`) or `id=X,env=VAR` (`type=env`). A value is never given on the command line.
 */
export function parseSecretFlag(item: string, where: string): SecretSpec {
  const kv = new Map<string, string>()
  for (const part of item.split(',')) {
    const eq = part.indexOf('=')
    if (eq < 0) throw new UsageError(`${where}: "${truncate(part, 40)}" is not key=value`)
    kv.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1))
  }
  const type = kv.get('type') ?? (kv.has('env') ? 'env' : 'file')
  const id = kv.get('id') ?? kv.get('env') ?? ''
  if (id === '') throw new UsageError(`${where}: needs id=NAME`)
  secretId(id, where)
  if (type === 'env') {
    const name = kv.get('env') ?? id
    return { id, env: name }
  }
  if (type !== 'file') throw new UsageError(`${where}: type must be file or env, not "${type}"`)
  const src = kv.get('src') ?? kv.get('source')
  if (!src) throw new UsageError(`${where}: needs src=PATH (or env=VAR)`)
  return { id, src }
}

/** `--ssh`: `default`, or `id=path[,path...]`. */
export function parseSsh(item: string, where: string): string {
  const v = item.trim()
  if (v === 'default' || /^[A-Za-z0-9_.-]+(=[^=]+)?$/.test(v)) return v
  throw new UsageError(`${where}: "${truncate(v, 40)}" is not default or id=path`)
}

/** `NAME=PATH` named contexts; only local directories can be hashed and judged. */
export function parseBuildContexts(
  items: readonly string[],
  where: string,
  resolvePath: (p: string, item: string) => string
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [i, item] of items.entries()) {
    const eq = item.indexOf('=')
    const name = eq < 0 ? '' : item.slice(0, eq).trim()
    const value = eq < 0 ? '' : item.slice(eq + 1).trim()
    const at = `${where} #${i + 1}`
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(name) || value === '') {
      throw new UsageError(`${at}: "${truncate(item, 60)}" is not NAME=PATH (NAME in lower case)`)
    }
    if (/^[a-z][a-z0-9+.-]*:\/\/|^target:/i.test(value)) {
      throw new UsageError(
        `${at}: ${name} is not a local directory (${truncate(value, 40)}); only local directories can be hashed and proven`
      )
    }
    if (name in out) throw new UsageError(`${at}: context ${name} is given twice`)
    out[name] = resolvePath(value, item)
  }
  return out
}

/** `nofile=1024[:2048]`. */
export function parseUlimit(item: string, where: string): string {
  if (!/^[a-z]+=-?\d+(:-?\d+)?$/.test(item.trim())) {
    throw new UsageError(`${where}: "${truncate(item, 40)}" is not NAME=SOFT[:HARD]`)
  }
  return item.trim()
}

/** `64m`, `1g`, bytes. */
export function parseShmSize(value: string, where: string): string {
  if (!/^\d+(\.\d+)?\s*[bkmg]?b?$/i.test(value.trim())) {
    throw new UsageError(`${where}: "${truncate(value, 40)}" is not a size (e.g. 64m, 1g)`)
  }
  return value.trim()
}

/** `host:ip` (docker build's form) or `host=ip` (buildx's). */
export function parseAddHost(item: string, where: string): string {
  const v = item.trim()
  if (!/^[A-Za-z0-9_.-]+[:=]\S+$/.test(v)) {
    throw new UsageError(`${where}: "${truncate(v, 40)}" is not host:ip`)
  }
  return v
}

/** Facts about the builder the check needs. */
export interface BuilderInUse {
  kind: BuilderKind
  /** The daemon's version (`docker version`), for capabilities that depend on it. */
  serverVersion: string | null
}

function describe(b: BuilderInUse): string {
  if (b.kind === 'buildx') return 'buildx'
  if (b.kind === 'buildkit')
    return `the BuildKit of the classic docker client (daemon ${b.serverVersion ?? 'unknown'}, no buildx)`
  return 'the legacy builder'
}

/**
 * Throws a UsageError for the first flag the builder in use cannot honour. Named contexts work
 * everywhere (without buildx they are stood in by local images, see named-contexts.ts).
 */
export function checkBuilderSupport(
  flags: BuildFlags,
  builder: BuilderInUse,
  surface: Surface
): void {
  const fail = (key: FlagKey, why: string): never => {
    throw new UsageError(`${flagName(key, surface)}: ${describe(builder)} ${why}`)
  }
  const { kind } = builder
  if (kind === 'legacy') {
    if (flags.secrets.length > 0)
      fail('secrets', 'has no build secrets (RUN --mount=type=secret needs BuildKit)')
    if (flags.ssh.length > 0)
      fail('ssh', 'cannot forward SSH (RUN --mount=type=ssh needs BuildKit)')
    if (flags.platforms.length > 0)
      fail('platforms', 'cannot build for another platform (use buildx)')
  }
  if (kind !== 'buildx') {
    if (flags.noCacheFilters.length > 0)
      fail('noCacheFilters', 'has no --no-cache-filter (a buildx flag)')
    if (flags.builder !== null) fail('builder', 'has no builder instances (install buildx)')
    if (flags.platforms.length > 1)
      fail('platforms', 'builds one platform at a time (use buildx for several)')
  }
  if (kind === 'buildkit') {
    // Measured on docker 20.10.24: under BuildKit a RUN sees 64 MiB /dev/shm and the default
    // nofile whatever --shm-size / --ulimit say (the legacy builder honours both).
    const server = parseVersion(builder.serverVersion)
    if (server === null || server[0] < 23) {
      if (flags.shmSize !== null) fail('shmSize', 'ignores --shm-size (measured on 20.10)')
      if (flags.ulimits.length > 0) fail('ulimits', 'ignores --ulimit (measured on 20.10)')
    }
  }
  if (kind === 'buildx' && flags.platforms.length > 1) {
    fail(
      'platforms',
      'cannot --load several platforms into the daemon, and the proof reads the loaded image: build one platform per run'
    )
  }
}

/**
 * Secret values to mask and redact: given values, environment values, and the contents of secret
 * files up to 64 KiB (a RUN may print what it reads).
 */
export function buildSecretValues(
  flags: Pick<BuildFlags, 'secrets'> | undefined,
  env: NodeJS.ProcessEnv = process.env
): string[] {
  const out: string[] = []
  for (const s of flags?.secrets ?? []) {
    if ('value' in s) out.push(s.value)
    else if ('env' in s) out.push(env[s.env] ?? '')
    else {
      try {
        if (statSync(s.src).size <= 64 * 1024) out.push(readFileSync(s.src, 'utf8'))
      } catch {
        // A missing file is reported when the secrets are materialised.
      }
    }
  }
  return out.filter(v => v.trim() !== '')
}

/** Secrets as files docker reads (`--secret id=X,src=PATH`), and how to remove the temp ones. */
export interface SecretFiles {
  files: { id: string; src: string }[]
  cleanup: () => void
}

/**
 * Values (and environment values) go to 0600 files in a 0700 temp directory outside the
 * workspace, removed by `cleanup`; a given file is passed as it is, after checking it is there.
 */
export function materializeSecrets(
  flags: Pick<BuildFlags, 'secrets'>,
  surface: Surface,
  env: NodeJS.ProcessEnv = process.env
): SecretFiles {
  const where = flagName('secrets', surface)
  let dir: string | null = null
  const cleanup = (): void => {
    if (dir !== null) rmSync(dir, { recursive: true, force: true })
    dir = null
  }
  const files: { id: string; src: string }[] = []
  try {
    flags.secrets.forEach((s, i) => {
      if ('src' in s) {
        const st = statSync(s.src, { throwIfNoEntry: false })
        if (!st?.isFile()) {
          throw new UsageError(`${where}: secret ${s.id}: "${s.src}" is not a file`)
        }
        files.push({ id: s.id, src: s.src })
        return
      }
      let value: string
      if ('env' in s) {
        const v = env[s.env]
        if (v === undefined) {
          throw new UsageError(`${where}: secret ${s.id}: environment variable ${s.env} is not set`)
        }
        value = v
      } else value = s.value
      dir ??= mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'fb-secrets-'))
      chmodSync(dir, 0o700)
      const path = join(dir, `${i}-${s.id}`)
      writeFileSync(path, value, { mode: 0o600 })
      files.push({ id: s.id, src: path })
    })
  } catch (e) {
    cleanup()
    throw e
  }
  return { files, cleanup }
}

/** The argv flags of a build, secrets already as files. */
export function passThrough(
  flags: BuildFlags,
  secrets: readonly { id: string; src: string }[],
  contexts: Record<string, string>
): PassThrough {
  return {
    secrets: [...secrets],
    ssh: flags.ssh,
    pull: flags.pull,
    noCacheFilters: flags.noCacheFilters,
    ...(flags.network ? { network: flags.network } : {}),
    addHosts: flags.addHosts,
    ...(flags.shmSize ? { shmSize: flags.shmSize } : {}),
    ulimits: flags.ulimits,
    ...(flags.builder ? { builder: flags.builder } : {}),
    platforms: flags.platforms,
    buildContexts: contexts
  }
}

/** A secret value inside a user label would put it into the image: refused. */
export function checkLabelsFree(
  labels: Record<string, string>,
  secrets: readonly string[],
  surface: Surface
): void {
  for (const [k, v] of Object.entries(labels)) {
    if (secrets.some(s => s.length >= 3 && (v.includes(s) || k.includes(s)))) {
      throw new UsageError(`${flagName('labels', surface)}: label ${k} holds a secret value`)
    }
  }
}
