/** Shared primitives below every other folder: errors, errno wording, paths, byte-exact names, text cuts, canonical JSON. */
export { isBuildArgName, splitBuildArg } from './build-arg.js'
export { canonical } from './canonical.js'
export { fsPath, hasEscapedBytes, nameFromBytes, pathToBytes } from './bytes-path.js'
export { errCode, errnoReason, fileFault, type FaultWording } from './errno.js'
export { FreshBuildError, NamedError, UsageError, thrownMessage } from './error.js'
export { containedIn, escapesRoot, strictlyInside } from './paths.js'
export { identityOf, removeChecked, writableFolder, type Identity } from './remove.js'
export { MESSAGE_CUT, truncate } from './text.js'
