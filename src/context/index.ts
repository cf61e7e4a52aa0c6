/** The build context as Docker reads it: the walk, .dockerignore, digests, the stat cache. */
export { excludedChanged, literalSource } from './excluded.js'
export {
  compareBytes,
  fileSignature,
  formatMode,
  hashEntries,
  signatureSize,
  sortedByBytes
} from './hash.js'
export {
  STAT_CACHE_MAGIC,
  StatCache,
  describeStatCache,
  statCachePathFor,
  type StatCacheStats
} from './statcache.js'
export { findIgnoreFile, scanContext } from './walk.js'
export { writtenSince } from './written.js'
