/**
 * The record beside the image in the registry. The full record is an OCI artifact: an OCI image
 * manifest with `artifactType` set, an empty config, one layer holding the record JSON, and a
 * `subject` naming the image manifest. It is tagged `sha256-<hex>.fresh-build` after the image's
 * digest, the tag scheme cosign uses for signatures (`sha256-<hex>.sig`): any registry that keeps
 * tags can serve it, and a client that knows the image's digest finds it with one HEAD. The
 * `subject` also lets a registry with the OCI 1.1 referrers API list it.
 */
import { validateRecord } from '../record/index.js'
import type { BuildRecord } from '../model.js'
import { MEDIA, RegistryClient, RegistryError, sha256 } from './client.js'

export const RECORD_ARTIFACT_TYPE = 'application/vnd.dev.fresh-build.record.v1+json'
const EMPTY_CONFIG = Buffer.from('{}')

/** The tag the record of the image with this manifest digest goes under. */
export function recordTag(imageDigest: string): string {
  const m = /^sha256:([0-9a-f]{64})$/.exec(imageDigest)
  if (!m) throw new RegistryError(`not a sha256 digest: ${imageDigest}`, 'DIGEST_INVALID')
  return `sha256-${m[1]}.fresh-build`
}

/**
 * The record as it travels: the same shape as the local record file (validated, so only its
 * known fields go), never a build arg or a credential, since the record holds neither.
 */
export function recordDocument(record: BuildRecord): Buffer {
  return Buffer.from(`${JSON.stringify(validateRecord(record))}\n`)
}

/** Pushes the record for the image `imageDigest` of `repository`; returns the artifact's digest. */
export async function attachRecord(
  client: RegistryClient,
  repository: string,
  imageDigest: string,
  record: BuildRecord
): Promise<{ tag: string; digest: string }> {
  const image = await client.manifest(repository, imageDigest)
  if (!image) {
    throw new RegistryError(
      `registry ${client.registry}: ${repository}@${imageDigest} is not there to attach the record to`,
      'MANIFEST_UNKNOWN'
    )
  }
  const doc = recordDocument(record)
  await client.putBlob(repository, EMPTY_CONFIG)
  await client.putBlob(repository, doc)
  const manifest = {
    schemaVersion: 2,
    mediaType: MEDIA.ociManifest,
    artifactType: RECORD_ARTIFACT_TYPE,
    config: { mediaType: MEDIA.ociEmpty, digest: sha256(EMPTY_CONFIG), size: EMPTY_CONFIG.length },
    layers: [{ mediaType: RECORD_ARTIFACT_TYPE, digest: sha256(doc), size: doc.length }],
    subject: { mediaType: image.mediaType, digest: imageDigest, size: image.bytes.length },
    annotations: {
      'org.opencontainers.image.created': record.builtAt,
      'dev.fresh-build.context-hash': record.contextHash
    }
  }
  const bytes = Buffer.from(JSON.stringify(manifest))
  const tag = recordTag(imageDigest)
  const digest = await client.putManifest(repository, tag, bytes, MEDIA.ociManifest)
  return { tag, digest }
}

export type RemoteRecord =
  | { status: 'found'; imageDigest: string; record: BuildRecord }
  /** The tag names no image yet (a first push). */
  | { status: 'no-image' }
  /** The image has no record beside it (pushed by something else), or one that is not ours. */
  | { status: 'no-record'; imageDigest: string; problem: string | null }

/** The record attached to the image `reference` (a tag or a digest) names in `repository`. */
export async function fetchRecord(
  client: RegistryClient,
  repository: string,
  reference: string
): Promise<RemoteRecord> {
  const imageDigest = await client.resolve(repository, reference)
  if (!imageDigest) return { status: 'no-image' }
  const artifact = await client.manifest(repository, recordTag(imageDigest))
  if (!artifact) return { status: 'no-record', imageDigest, problem: null }
  const layers = artifact.json.layers
  const subject = artifact.json.subject as { digest?: unknown } | undefined
  const layer = Array.isArray(layers)
    ? (layers as { mediaType?: unknown; digest?: unknown }[]).find(
        l => l.mediaType === RECORD_ARTIFACT_TYPE
      )
    : undefined
  if (
    artifact.json.artifactType !== RECORD_ARTIFACT_TYPE ||
    !layer ||
    typeof layer.digest !== 'string'
  ) {
    return {
      status: 'no-record',
      imageDigest,
      problem: `${recordTag(imageDigest)} is not a fresh-build record`
    }
  }
  if (subject?.digest !== imageDigest) {
    return {
      status: 'no-record',
      imageDigest,
      problem: `${recordTag(imageDigest)} names another image (${String(subject?.digest)})`
    }
  }
  const bytes = await client.blob(repository, layer.digest, 32 * 1024 * 1024)
  try {
    return {
      status: 'found',
      imageDigest,
      record: validateRecord(JSON.parse(bytes.toString('utf8')))
    }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    return {
      status: 'no-record',
      imageDigest,
      problem: `the record in ${recordTag(imageDigest)} is unusable: ${why}`
    }
  }
}
