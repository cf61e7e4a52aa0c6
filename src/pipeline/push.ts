/**
 * Build once, deploy anywhere: the registry side of a guarded build.
 *
 * - before anything runs, every tag's registry is asked (`preparePush`), so an unreachable or
 *   unauthorised registry is an error before the build, the prune and the record;
 * - on a host with no local record, the record attached to the image the first tag points at is
 *   the previous one (`registryPrevious`);
 * - after a pass, every tag is pushed with `docker push` (docker's own credential handling), the
 *   digest is checked against the registry's, and the record goes beside the image (`pushImage`).
 */
import type { BuildRecord } from '../model.js'
import type { DockerExec } from '../docker/index.js'
import { attachRecord, fetchRecord, recordTag } from '../registry/artifact.js'
import { RegistryClient, RegistryError } from '../registry/client.js'
import { namesRegistry, parseImageRef, repoName, type ImageRef } from '../registry/reference.js'

export { RegistryError }

export interface PushPlan {
  refs: ImageRef[]
  clients: Map<string, RegistryClient>
}

export interface PushResult {
  /** The manifest digest of the first tag, as the registry has it. */
  digest: string
  tags: string[]
  pushed: { tag: string; digest: string }[]
  /** Where the record went: `registry/repository:sha256-<hex>.fresh-build`, one per repository. */
  records: string[]
  /** A record that could not be attached (the image itself was pushed). */
  warnings: string[]
}

/** One client per registry host, shared by a run. */
function clientFor(
  clients: Map<string, RegistryClient>,
  registry: string,
  env: NodeJS.ProcessEnv
): RegistryClient {
  let c = clients.get(registry)
  if (!c) clients.set(registry, (c = new RegistryClient(registry, { env })))
  return c
}

/**
 * Checks every tag before the build: a reference with a tag, and a registry that answers and
 * lets us in with the Docker config's credentials. Throws the first RegistryError.
 */
export async function preparePush(
  tags: readonly string[],
  env: NodeJS.ProcessEnv
): Promise<PushPlan> {
  if (tags.length === 0)
    throw new RegistryError('--push needs at least one --tag to push', 'NO_TAG')
  const refs = tags.map(t => {
    const ref = parseImageRef(t)
    if (ref.digest)
      throw new RegistryError(
        `--push: "${t}" is a digest reference; push needs a tag`,
        'TAG_INVALID'
      )
    return ref
  })
  const clients = new Map<string, RegistryClient>()
  for (const ref of refs) clientFor(clients, ref.registry, env)
  for (const client of clients.values()) await client.ping()
  return { refs, clients }
}

/** `main: digest: sha256:<hex> size: 523`, the line `docker push` ends with. */
export function pushedDigest(output: string): string | null {
  const all = [...output.matchAll(/digest: (sha256:[0-9a-f]{64})/g)]
  return all.at(-1)?.[1] ?? null
}

/** Pushes every tag, checks each digest with the registry, attaches the record per repository. */
export async function pushImage(
  exec: DockerExec,
  plan: PushPlan,
  record: BuildRecord,
  say: (line: string) => void
): Promise<PushResult> {
  const pushed: { tag: string; digest: string }[] = []
  for (const ref of plan.refs) {
    pushed.push({ tag: ref.text, digest: await pushTag(exec, plan, ref, say) })
  }
  const { records, warnings } = await attachRecords(plan, pushed, record, say)
  return {
    digest: (pushed[0] as { digest: string }).digest,
    tags: plan.refs.map(r => r.text),
    pushed,
    records,
    warnings
  }
}

/** `docker push` of one tag; the digest the registry then resolves it to, checked against push's. */
async function pushTag(
  exec: DockerExec,
  plan: PushPlan,
  ref: ImageRef,
  say: (line: string) => void
): Promise<string> {
  say(`pushing ${ref.text}`)
  const r = await exec(['push', ref.text], { onLine: line => say(line) })
  if (r.code !== 0) {
    const last =
      `${r.stderr}\n${r.stdout}`
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean)
        .at(-1) ?? `exit ${r.code}`
    throw new RegistryError(
      `pushing ${ref.text} to registry ${ref.registry} failed: ${last}`,
      'PUSH_FAILED'
    )
  }
  const client = clientFor(plan.clients, ref.registry, {})
  const registryDigest = await client.resolve(ref.repository, ref.tag ?? 'latest')
  const said = pushedDigest(r.stdout + r.stderr)
  if (!registryDigest || (said && said !== registryDigest)) {
    throw new RegistryError(
      `registry ${ref.registry}: ${ref.text} resolves to ${registryDigest ?? 'nothing'} after docker push reported ${said ?? 'no digest'}`,
      'DIGEST_MISMATCH'
    )
  }
  return registryDigest
}

/** The record beside each pushed image, once per repository and digest; failures are warnings. */
async function attachRecords(
  plan: PushPlan,
  pushed: readonly { digest: string }[],
  record: BuildRecord,
  say: (line: string) => void
): Promise<{ records: string[]; warnings: string[] }> {
  const records: string[] = []
  const warnings: string[] = []
  const seen = new Set<string>()
  for (const [i, ref] of plan.refs.entries()) {
    const digest = (pushed[i] as { digest: string }).digest
    const key = `${repoName(ref)}@${digest}`
    if (seen.has(key)) continue
    seen.add(key)
    const client = clientFor(plan.clients, ref.registry, {})
    try {
      const { tag } = await attachRecord(client, ref.repository, digest, record)
      say(`record attached: ${repoName(ref)}:${tag}`)
      records.push(`${repoName(ref)}:${tag}`)
    } catch (e) {
      // The image is pushed and good; without its record another host starts at baseline.
      const why = e instanceof Error ? e.message : String(e)
      warnings.push(
        `the record could not be put beside ${ref.text} (${why}): a host without a local record will build a baseline`
      )
    }
  }
  return { records, warnings }
}

/**
 * With a local record, the registry's record is only compared: when the first tag's image was
 * built from another context (another host pushed meanwhile), a warning says so. The verdict
 * stays against this host's record, the one that knows this builder's context cache.
 */
export async function registryDivergence(
  local: BuildRecord,
  firstTag: string | undefined,
  env: NodeJS.ProcessEnv,
  plan: PushPlan
): Promise<string | null> {
  let found: RegistryPrevious
  try {
    found = await registryPrevious(firstTag, env, plan)
  } catch {
    return null // the push itself will say what is wrong with the registry
  }
  if (!found.record || found.record.contextHash === local.contextHash) return null
  return `${firstTag ?? ''} in the registry was built from another context (commit ${found.record.commit ?? 'unknown'}, ${found.record.contextHash.slice(0, 19)}) than this host's last good build (commit ${local.commit ?? 'unknown'}): changed files and the prune are judged against this host's record, which knows this builder's cache`
}

export type RegistryPrevious =
  | { record: BuildRecord; from: string; note: string }
  | { record: null; from: string | null; note: string }

/**
 * The previous record for a host with none of its own: the one attached to the image the first
 * tag points at. Null (with a note) when the tag names no registry, no image, or an image without
 * a usable record. Registry errors are thrown: the caller decides whether they are fatal.
 */
export async function registryPrevious(
  firstTag: string | undefined,
  env: NodeJS.ProcessEnv,
  plan: PushPlan | null
): Promise<RegistryPrevious> {
  if (!firstTag || !namesRegistry(firstTag)) {
    return { record: null, from: null, note: 'no tag names a registry to look for a record in' }
  }
  const ref = parseImageRef(firstTag)
  const client = plan?.clients.get(ref.registry) ?? new RegistryClient(ref.registry, { env })
  const reference = ref.digest ?? ref.tag ?? 'latest'
  const found = await fetchRecord(client, ref.repository, reference)
  if (found.status === 'no-image') {
    return { record: null, from: null, note: `${firstTag} is not in the registry yet` }
  }
  const from = `${repoName(ref)}:${recordTag(found.imageDigest)}`
  if (found.status === 'no-record') {
    return {
      record: null,
      from: null,
      note:
        found.problem ?? `${firstTag} (${found.imageDigest}) has no fresh-build record beside it`
    }
  }
  return {
    record: found.record,
    from,
    note: `the previous record is the one beside ${firstTag} (${found.imageDigest}): ${from}`
  }
}

/**
 * The judgement as `build --json` prints it: the verdict document, plus `previousSource:
 * "registry"` when the previous record came from the registry, and with `--push` the digest
 * (CONTRACT.md) and what was pushed. Added only when they apply, so other documents keep their
 * bytes.
 */
export function judgementDocument<J extends object>(r: {
  judgement: J
  previousSource: 'local' | 'registry' | null
  push: PushResult | null
}): J & { previousSource?: 'registry'; digest?: string; push?: PushResult } {
  return {
    ...r.judgement,
    ...(r.previousSource === 'registry' ? { previousSource: 'registry' as const } : {}),
    ...(r.push ? { digest: r.push.digest, push: r.push } : {})
  }
}

/** build-push-action's `metadata` output: a JSON document with the digest, the tags and the verdict. */
export function pushMetadata(
  verdict: string,
  push: PushResult | null,
  imageId: string | null,
  /** The tags built, named also when nothing was pushed. */
  tags: readonly string[] = []
): string {
  return JSON.stringify({
    'containerimage.digest': push?.digest ?? null,
    'containerimage.config.digest': imageId,
    'image.name': (push?.tags ?? tags).join(','),
    digest: push?.digest ?? null,
    tags: push?.tags ?? [...tags],
    verdict,
    records: push?.records ?? []
  })
}
