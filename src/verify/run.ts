/**
 * `fresh-build verify`: targets -> expected build -> inspect -> checks -> verdict -> report.
 * The checks are pure (checks.ts); this module only gathers their input through the read-only
 * docker calls of docker.ts and assembles one report per container.
 */
import { dockerClient, dockerExec, type DockerExec } from '../docker/index.js'
import { readComposeProject } from '../compose/index.js'
import { composeGuardOptions, type GuardOptions } from '../pipeline/index.js'
import { recordPathOf } from '../record/index.js'
import {
  coveringMounts,
  findings,
  mismatches,
  mountReports,
  readRoots,
  runningProblem,
  imageMatch,
  statusOf,
  writtenFiles,
  type Expected,
  type FileFinding,
  type MountReport,
  type TargetStatus
} from './checks.js'
import {
  inspectContainer,
  inspectImageFacts,
  listServiceContainers,
  readContainerPaths,
  readImagePaths,
  type PathEntry
} from './docker.js'
import type { ContainerFacts, ImageFacts } from './facts.js'
import { resolveExpected } from './expected.js'
import { serviceContainers } from './targets.js'

export interface VerifyOptions {
  /** `--container NAME_OR_ID`, in order. */
  containers: string[]
  /** `--compose-file F` with `--service S` (none: every service with a build section). */
  compose: { file: string; services: string[] } | null
  /** `--image REF`: the expected image instead of the record's. */
  image: string | null
  /** Which record (as for build): context, Dockerfile, target, or `--state`. */
  context: string
  file: string
  target: string | null
  state: string | null
  /** Seconds to wait for containers still starting (health checks honoured); 0: none. */
  wait: number
  docker: string
}

export interface VerifyIo {
  progress: (line: string) => void
  env: NodeJS.ProcessEnv
  exec?: DockerExec
  /** For tests of --wait; defaults to real time. */
  sleep?: (ms: number) => Promise<void>
  now?: () => number
}

export type VerifyVerdict = 'live' | 'stale'

/** One container (or a target with none) as `verify --json` reports it. */
export interface TargetReport {
  /** The container's name, or the name asked for; null for a service without any container. */
  container: string | null
  containerId: string | null
  service: string | null
  /** The image id the container runs. */
  image: string | null
  /** That image's RepoDigests (`registry/name@sha256:...`): the manifests this host pulled it as. */
  repoDigests: string[]
  /** The reference the container was created from. */
  startedFrom: string | null
  imageCreated: string | null
  expectedImage: string
  /** The `--image` tag the registry resolved to `expectedImage`, when one was asked. */
  expectedTag: string | null
  expectedCreated: string | null
  /** The tags the build was given (what to deploy). */
  expectedTags: string[]
  status: TargetStatus
  /** Every cause found, the first being `status`. */
  causes: TargetStatus[]
  /** One line per cause. */
  details: string[]
  /** Mounts over paths the build's context steps wrote. */
  mounts: MountReport[]
  /** Compared files that do not hold the build's bytes. */
  files: FileFinding[]
  /** Files compared (changed by the last build, written by its context steps). */
  compared: number
  /** Files not compared because a later step of the build rewrote or removed them. */
  rewritten: number
}

export interface VerifyReport {
  verdict: VerifyVerdict
  targets: TargetReport[]
  /** What was resolved where (a tag in the registry, the record beside the image). */
  notes: string[]
  warnings: string[]
}

/** A set of containers that should all run one build. */
interface Group {
  service: string | null
  expected: Expected
  /** Finds the containers now (they may appear while waiting). */
  find: () => Promise<{ asked: string | null; facts: ContainerFacts | null }[]>
}

export async function runVerify(opts: VerifyOptions, io: VerifyIo): Promise<VerifyReport> {
  const exec = io.exec ?? dockerExec(dockerClient({ dockerPath: opts.docker, env: io.env }))
  const warnings: string[] = []
  const notes: string[] = []
  const groups = await resolveGroups(opts, io, exec, warnings, notes)
  for (const n of notes) io.progress(n)

  const sleep = io.sleep ?? ((ms: number) => new Promise<void>(r => setTimeout(r, ms)))
  const now = io.now ?? Date.now
  const deadline = now() + opts.wait * 1000
  let found: { group: Group; asked: string | null; facts: ContainerFacts | null }[]
  for (;;) {
    found = []
    for (const group of groups) {
      for (const c of await group.find()) found.push({ group, ...c })
    }
    const starting = found.filter(f => runningProblem(f.facts, now()) !== null)
    if (starting.length === 0 || now() >= deadline) break
    io.progress(
      `waiting for ${starting.map(f => f.facts?.name ?? f.asked ?? f.group.service ?? '?').join(', ')} (${runningProblem(starting[0]?.facts ?? null, now()) ?? ''})`
    )
    await sleep(Math.min(1000, Math.max(0, deadline - now())))
  }

  const images = new Map<string, Promise<ImageFacts | null>>()
  const imageOf = (id: string): Promise<ImageFacts | null> => {
    let p = images.get(id)
    if (!p) images.set(id, (p = inspectImageFacts(exec, id)))
    return p
  }
  const views = new Map<string, Promise<Map<string, PathEntry | null>>>()
  const targets: TargetReport[] = []
  for (const { group, asked, facts } of found) {
    io.progress(`checking ${facts?.name ?? asked ?? `service ${group.service ?? ''}`}`)
    targets.push(await checkTarget(exec, group, asked, facts, imageOf, views, now(), warnings))
  }
  const verdict: VerifyVerdict = targets.every(t => t.status === 'live') ? 'live' : 'stale'
  return { verdict, targets, notes, warnings }
}

async function resolveGroups(
  opts: VerifyOptions,
  io: VerifyIo,
  exec: DockerExec,
  warnings: string[],
  notes: string[]
): Promise<Group[]> {
  if (opts.compose === null) {
    const statePath = recordPathOf(opts, io.env)
    const {
      expected,
      notes: n,
      problem
    } = await resolveExpected(exec, statePath, opts.image, '', io.env)
    notes.push(...n)
    if (expected.deploy === null) warnings.push(noDeployFacts(statePath, opts.image, problem))
    return [
      {
        service: null,
        expected,
        find: async () =>
          Promise.all(
            opts.containers.map(async asked => ({
              asked,
              facts: await inspectContainer(exec, asked)
            }))
          )
      }
    ]
  }
  const project = await readComposeProject(opts.compose.file, {
    env: io.env,
    services: opts.compose.services
  })
  // The per-service records exactly as `build --compose-file` names them.
  const perService = await composeGuardOptions(opts.compose, guardBase(opts), io.env)
  const groups: Group[] = []
  for (const { service, options } of perService) {
    const statePath = recordPathOf(options, io.env)
    const {
      expected,
      notes: n,
      problem
    } = await resolveExpected(exec, statePath, opts.image, `service ${service}: `, io.env)
    notes.push(...n)
    if (expected.deploy === null)
      warnings.push(`service ${service}: ${noDeployFacts(statePath, opts.image, problem)}`)
    groups.push({
      service,
      expected,
      find: async () => {
        const ids = await listServiceContainers(exec, service)
        const all = (await Promise.all(ids.map(id => inspectContainer(exec, id)))).filter(
          (c): c is ContainerFacts => c !== null
        )
        const mine = serviceContainers(all, project.name, service)
        return mine.length > 0
          ? mine.map(facts => ({ asked: null, facts }))
          : [{ asked: null, facts: null }]
      }
    })
  }
  return groups
}

function noDeployFacts(statePath: string, image: string | null, problem: string | null): string {
  if (image !== null && problem !== null) {
    return `--image ${image}: neither this host's record (${statePath}) nor the registry describes it (${problem}): mounts and bytes are not checked, only the image and that it runs`
  }
  return image !== null
    ? `--image ${image} is not the image the record ${statePath} describes: mounts and bytes are not checked, only the image and that it runs`
    : `the record ${statePath} was written before verify existed (no COPY destinations): mounts and bytes are not checked until the next build`
}

/** What composeGuardOptions needs from a build request to name each service's record. */
function guardBase(opts: VerifyOptions): GuardOptions {
  return {
    context: opts.context,
    file: opts.file,
    state: opts.state,
    tags: [],
    buildArgs: {},
    secretArgs: [],
    cacheFrom: [],
    target: opts.target,
    prune: 'source',
    verify: 'changed',
    commit: null,
    buildId: null,
    ignoreCorruptRecord: false,
    logFile: null,
    image: null,
    docker: opts.docker
  }
}

async function checkTarget(
  exec: DockerExec,
  group: Group,
  asked: string | null,
  c: ContainerFacts | null,
  imageOf: (id: string) => Promise<ImageFacts | null>,
  views: Map<string, Promise<Map<string, PathEntry | null>>>,
  now: number,
  warnings: string[]
): Promise<TargetReport> {
  const { expected } = group
  const details: string[] = []
  const causes: TargetStatus[] = []
  const base = {
    container: c?.name ?? asked,
    containerId: c?.id ?? null,
    service: group.service,
    image: c?.image ?? null,
    repoDigests: [] as string[],
    startedFrom: c?.startedFrom ?? null,
    imageCreated: null as string | null,
    expectedImage: expected.ref,
    expectedTag: expected.resolvedTag,
    expectedCreated: expected.created,
    expectedTags: expected.tags,
    mounts: [] as MountReport[],
    files: [] as FileFinding[],
    compared: 0,
    rewritten: 0
  }
  const down = runningProblem(c, now)
  if (down !== null) {
    causes.push('not-running')
    details.push(
      c === null
        ? asked !== null
          ? `no container named ${asked}`
          : `no container of service ${group.service ?? ''}`
        : down
    )
  }
  if (c === null) return { ...base, status: 'not-running', causes, details }

  const image = await imageOf(c.image)
  base.imageCreated = image?.created ?? null
  base.repoDigests = image?.repoDigests ?? []
  const expectedFacts = expected.imageId !== null ? await imageOf(expected.imageId) : null
  let match = imageMatch(c.image, image, expected, expectedFacts)
  if (match === 'other' && expected.index !== null) {
    // RepoDigests holds what was pulled: an index digest, or a platform manifest's.
    try {
      const how = await expected.index.explain(base.repoDigests)
      if (how !== null) {
        match = 'same'
        details.push(`runs ${c.image}: ${how}`)
      }
    } catch (e) {
      warnings.push(
        `${c.name}: whether an index and its platform manifest relate ${expected.ref} to ${base.repoDigests.join(', ')} was not checked: ${e instanceof Error ? e.message : String(e)}`
      )
    }
  }
  const sameImage = match !== 'other'
  if (match === 'equivalent') {
    details.push(
      `runs ${c.image}, the build's layers and config under another id (only the per-build labels differ)`
    )
  }
  if (!sameImage) {
    causes.push('old-image')
    // A container keeps the image it was created from; re-pointing its tag changes nothing.
    const moved = expected.tags.includes(c.startedFrom) ? ', a tag that now names the build' : ''
    const pulled =
      expected.digest !== null
        ? base.repoDigests.length > 0
          ? ` pulled as ${base.repoDigests.join(', ')}`
          : ' (no repo digest: never pulled or pushed)'
        : ''
    const resolved =
      expected.resolvedTag !== null ? ` (${expected.resolvedTag} in the registry)` : ''
    details.push(
      `runs ${c.image}${pulled}${image?.created ? ` (created ${image.created})` : ''}, started from ${c.startedFrom}${moved}; the build is ${expected.ref}${resolved}${expected.created ? ` (created ${expected.created})` : ''}`
    )
  }

  if (expected.deploy !== null && expected.files !== null) {
    const written = writtenFiles(expected.deploy, expected.files)
    const covers = coveringMounts(c.mounts, written)
    let found: FileFinding[] = []
    // Bytes are read only from a running container of the expected image: another image's
    // files would be compared with the wrong build.
    if (down === null && sameImage) {
      const wanted = written.filter(f => f.changed && f.digest !== null)
      base.compared = wanted.length
      const read = new Map<string, PathEntry>()
      for (const [root, files] of readRoots(wanted)) {
        const got = await readContainerPaths(exec, c.id, root, new Set(files.map(f => f.path)))
        for (const [p, e] of got) read.set(p, e)
      }
      const candidates = mismatches(wanted, read)
      if (candidates.length > 0 && expected.imageId !== null) {
        const imageId = expected.imageId
        let view = views.get(imageId)
        if (!view) {
          const paths = new Set(written.filter(f => f.changed).map(f => f.path))
          const diffIds = (await imageOf(imageId))?.diffIds ?? []
          views.set(imageId, (view = readImagePaths(exec, imageId, diffIds, paths)))
        }
        const seen = await view
        found = findings(candidates, seen, c.mounts)
        base.rewritten = candidates.length - found.length
      }
    }
    base.mounts = mountReports(covers, found)
    base.files = found
    const shadowing = base.mounts.filter(m => m.shadowing)
    if (shadowing.length > 0) {
      causes.push('shadowed')
      for (const m of shadowing) {
        const what =
          m.type === 'volume'
            ? `${m.anonymous ? 'anonymous ' : ''}volume ${m.name ?? ''}`
            : `${m.type} ${m.source ?? ''}`
        details.push(
          `${what.trim()} at ${m.destination} covers ${m.covers.map(x => `COPY line ${x.line} -> ${x.dest}`).join(', ')}: ${m.reason ?? ''}`
        )
      }
    }
    const own = found.filter(f => f.mount === null)
    if (own.length > 0) {
      causes.push('bytes-differ')
      details.push(
        `${own.length} file(s) differ from the build's bytes: ${own
          .slice(0, 5)
          .map(f => `${f.path} (COPY line ${f.line})`)
          .join(', ')}${own.length > 5 ? ', ...' : ''}`
      )
    }
  }
  const status = statusOf({
    notRunning: causes.includes('not-running'),
    oldImage: causes.includes('old-image'),
    shadowed: causes.includes('shadowed'),
    bytesDiffer: causes.includes('bytes-differ')
  })
  // Causes were found in the order statusOf ranks them, so `status` is causes[0].
  return { ...base, status, causes, details }
}
