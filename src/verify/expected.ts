/**
 * The build a container should run: the image the record of the last good build names (the same
 * record `build` writes, found the same way), or the image given with `--image`. A digest
 * reference (`name@sha256:...`) is compared exactly with the container image's RepoDigests; a
 * tag or id is resolved to an image id on this daemon.
 */
import type { DockerExec } from '../docker/index.js'
import type { BuildRecord } from '../model.js'
import { readRecord } from '../record/index.js'
import { UsageError } from '../util/index.js'
import type { Expected } from './checks.js'
import { inspectImageFacts } from './docker.js'

const DIGEST_REF = /@sha256:[0-9a-f]{64}$/

export function isDigestRef(ref: string): boolean {
  return DIGEST_REF.test(ref)
}

/** The expected build from a record; `image` (from `--image`) overrides the record's image. */
export async function resolveExpected(
  exec: DockerExec,
  statePath: string,
  image: string | null,
  where: string
): Promise<{ expected: Expected; record: BuildRecord | null }> {
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
      expected: {
        ref: record.imageId,
        imageId: record.imageId,
        digest: null,
        created: facts?.created ?? null,
        tags: record.tags,
        deploy: record.deploy ?? null,
        files: record.files
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
    expected: {
      ref: digest ?? facts?.id ?? image,
      imageId: facts?.id ?? null,
      digest,
      created: facts?.created ?? null,
      tags: digest ? [image] : facts?.repoTags.includes(image) ? [image] : (facts?.repoTags ?? []),
      deploy: same ? (record.deploy ?? null) : null,
      files: same ? record.files : null
    }
  }
}
