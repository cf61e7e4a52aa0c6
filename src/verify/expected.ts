/**
 * The build a container should run: the image the record of the last good build names (the same
 * record `build` writes, found the same way), or the image given with `--image`. A digest
 * reference (`name@sha256:...`) is compared exactly with the container image's RepoDigests; a
 * tag that names a registry (`host[:port]/name:tag`) is resolved to its current manifest digest
 * in that registry and then compared the same way; any other tag or id is resolved to an image
 * id on this daemon.
 */
import type { DockerExec } from '../docker/index.js'
import type { BuildRecord } from '../model.js'
import { readRecord } from '../record/index.js'
import { UsageError } from '../util/index.js'
import type { Expected } from './checks.js'
import { inspectImageFacts } from './docker.js'
import { IndexRelation, registryRecord, resolveRegistryImage } from './registry.js'

const DIGEST_REF = /@sha256:[0-9a-f]{64}$/

export function isDigestRef(ref: string): boolean {
  return DIGEST_REF.test(ref)
}

/** The expected build from a record; `image` (from `--image`) overrides the record's image. */
export async function resolveExpected(
  exec: DockerExec,
  statePath: string,
  image: string | null,
  where: string,
  env: NodeJS.ProcessEnv
): Promise<{
  expected: Expected
  record: BuildRecord | null
  /** What was resolved where, for the report. */
  notes: string[]
  /** Why the deploy facts are missing, when they are. */
  problem: string | null
}> {
  const record = await readRecord(statePath)
  if (image === null) {
    if (record === null) {
      throw new UsageError(
        `${where}no record of a good build at ${statePath} (run fresh-build build first, or pass --image REF)`
      )
    }
    if (record.imageId === null) {
      throw new UsageError(`${where}the record ${statePath} names no image (pass --image REF)`)
    }
    const facts = await inspectImageFacts(exec, record.imageId)
    return {
      record,
      notes: [],
      problem: null,
      expected: {
        ref: record.imageId,
        imageId: record.imageId,
        digest: null,
        resolvedTag: null,
        index: null,
        created: facts?.created ?? null,
        tags: record.tags,
        deploy: record.deploy ?? null,
        files: record.files
      }
    }
  }
  const remote = await resolveRegistryImage(image, env)
  if (remote !== null) {
    const notes: string[] = []
    if (remote.tag !== null && remote.ref.digest === null) {
      notes.push(`${where}${remote.tag} resolved in the registry to ${remote.digest}`)
    }
    // The daemon has the digest only when it pulled it (RepoDigests); none is not an error.
    const facts = await inspectImageFacts(exec, remote.digestRef)
    // The deploy facts: this host's record when it describes the image, else the registry's.
    let source = record !== null && facts !== null && record.imageId === facts.id ? record : null
    let problem: string | null = null
    if (source === null) {
      const fetched = await registryRecord(remote)
      if (fetched.record !== null && (facts === null || fetched.record.imageId === facts.id)) {
        source = fetched.record
        notes.push(
          `${where}the record beside ${remote.digestRef} in the registry gives the files to check`
        )
      } else {
        problem =
          fetched.problem ??
          `the record beside ${remote.digestRef} names image ${fetched.record?.imageId ?? '?'}, not ${facts?.id ?? '?'}`
      }
    }
    return {
      record,
      notes,
      problem,
      expected: {
        ref: remote.digestRef,
        imageId: facts?.id ?? null,
        digest: remote.digestRef,
        resolvedTag: remote.ref.digest === null ? remote.tag : null,
        index: new IndexRelation(remote),
        created: facts?.created ?? null,
        tags: remote.tag !== null ? [remote.tag, remote.digestRef] : [remote.digestRef],
        deploy: source?.deploy ?? null,
        files: source?.files ?? null
      }
    }
  }
  const facts = await inspectImageFacts(exec, image)
  const digest = isDigestRef(image) ? image : null
  if (facts === null && digest === null) {
    throw new UsageError(`--image ${image}: no such image on this daemon`)
  }
  // The record's file facts apply only when it describes this very image.
  const same = record !== null && facts !== null && record.imageId === facts.id
  return {
    record,
    notes: [],
    problem: null,
    expected: {
      ref: digest ?? facts?.id ?? image,
      imageId: facts?.id ?? null,
      digest,
      resolvedTag: null,
      index: null,
      created: facts?.created ?? null,
      tags: digest ? [image] : facts?.repoTags.includes(image) ? [image] : (facts?.repoTags ?? []),
      deploy: same ? (record.deploy ?? null) : null,
      files: same ? record.files : null
    }
  }
}
