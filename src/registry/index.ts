/** The registry HTTP API: references, the record beside an image, and deleting cache references. */
export { attachRecord, fetchRecord, recordTag } from './artifact.js'
export {
  deleteCacheRefs,
  parseCacheRefs,
  prepareCacheDeletion,
  type RegistryCacheReport
} from './clear.js'
export { MEDIA, RegistryClient } from './client.js'
export { RegistryError } from './errors.js'
export { namesRegistry, parseImageRef, repoName, type ImageRef } from './reference.js'
