/** The GitHub Actions cache API, for clear mode. */
export {
  ActionsCacheError,
  clearActionsCaches,
  describeScope,
  parseCacheScope,
  type ActionsCacheReport,
  type ActionsCacheTarget
} from './caches.js'
