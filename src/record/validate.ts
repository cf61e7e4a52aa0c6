import type { BuildInputs, BuildRecord, DeployFacts } from '../model.js'
import { NamedError } from '../util/index.js'

/** Thrown by {@link validateRecord}; `field` is the JSON path of the first bad value. */
export class RecordShapeError extends NamedError {
  constructor(
    readonly field: string,
    problem: string
  ) {
    super(`${field} ${problem}`)
  }
}

const HASH = /^sha256:[0-9a-f]{64}$/

type Obj = Record<string, unknown>

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isString(v: unknown): v is string {
  return typeof v === 'string'
}

function describe(v: unknown): string {
  if (v === null) return 'null'
  if (v === undefined) return 'missing'
  if (Array.isArray(v)) return 'an array'
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`.slice(0, 60)
}

function str(o: Obj, key: string, at: string): string {
  const v = o[key]
  if (typeof v !== 'string')
    throw new RecordShapeError(`${at}${key}`, `must be a string, not ${describe(v)}`)
  return v
}

function hash(o: Obj, key: string, at: string): string {
  const v = str(o, key, at)
  if (!HASH.test(v)) throw new RecordShapeError(`${at}${key}`, 'must be sha256:<64 hex>')
  return v
}

function nullableStr(o: Obj, key: string, at: string): string | null {
  const v = o[key]
  if (v === null) return null
  if (typeof v !== 'string') {
    throw new RecordShapeError(`${at}${key}`, `must be a string or null, not ${describe(v)}`)
  }
  return v
}

function positiveInt(o: Obj, key: string, at: string): number {
  const v = o[key]
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw new RecordShapeError(`${at}${key}`, `must be a positive integer, not ${describe(v)}`)
  }
  return v
}

/**
 * The first own key whose value is not a string, or null. One typeof per entry and no copy: a map
 * of a record's size (a path per context file) is checked once, and once this passes the object
 * holds only key -> string. JSON.parse and fromEntries define own properties, so a file named
 * `__proto__` stays a key.
 */
function firstNonString(o: Obj): string | null {
  for (const key of Object.keys(o)) if (typeof o[key] !== 'string') return key
  return null
}

/** `v` once it holds only strings, returned as it is (see firstNonString); `field` names it in errors. */
function stringMap(v: Obj, field: string): Record<string, string> {
  const bad = firstNonString(v)
  if (bad !== null) {
    throw new RecordShapeError(
      `${field}[${JSON.stringify(bad)}]`,
      `must be a string, not ${describe(v[bad])}`
    )
  }
  return v as Record<string, string>
}

/**
 * Checks that `value` is a version-1 or version-2 BuildRecord (2 adds `inputs`) and returns a clean copy holding only the known
 * fields (unknown fields are dropped, so a newer writer's extras never leak into our writes). The
 * path maps (`files`, each deploy copy's `files`) hold nothing but strings once checked, so they are
 * kept as they are rather than copied.
 * Throws RecordShapeError naming the first field at fault.
 */
export function validateRecord(value: unknown): BuildRecord {
  if (!isObject(value))
    throw new RecordShapeError('(root)', `must be an object, not ${describe(value)}`)
  if (value.version !== 1 && value.version !== 2) {
    throw new RecordShapeError(
      'version',
      `is ${describe(value.version)}; this build reads versions 1 and 2`
    )
  }
  const version = value.version
  let inputs: BuildInputs | undefined
  if (version === 2) {
    const i = value.inputs
    if (!isObject(i)) throw new RecordShapeError('inputs', `must be an object, not ${describe(i)}`)
    inputs = {
      dockerfile: hash(i, 'dockerfile', 'inputs.'),
      ignoreFile: nullableStr(i, 'ignoreFile', 'inputs.'),
      ignore: i.ignore === null ? null : hash(i, 'ignore', 'inputs.')
    }
  }
  const files = value.files
  if (!isObject(files))
    throw new RecordShapeError('files', `must be an object, not ${describe(files)}`)
  const cleanFiles = stringMap(files, 'files')
  const steps = value.steps
  if (!Array.isArray(steps))
    throw new RecordShapeError('steps', `must be an array, not ${describe(steps)}`)
  const cleanSteps = steps.map((s: unknown, i) => {
    const at = `steps[${i}].`
    if (!isObject(s))
      throw new RecordShapeError(`steps[${i}]`, `must be an object, not ${describe(s)}`)
    return {
      stage: str(s, 'stage', at),
      index: positiveInt(s, 'index', at),
      instruction: str(s, 'instruction', at),
      line: positiveInt(s, 'line', at),
      sourceHash: hash(s, 'sourceHash', at)
    }
  })
  const tags = value.tags
  if (!Array.isArray(tags) || !tags.every(isString)) {
    throw new RecordShapeError('tags', 'must be an array of strings')
  }
  const builtAt = str(value, 'builtAt', '')
  if (Number.isNaN(Date.parse(builtAt)))
    throw new RecordShapeError('builtAt', 'must be an ISO time')
  const deploy = value.deploy === undefined ? undefined : validateDeploy(value.deploy)
  return {
    version,
    contextHash: hash(value, 'contextHash', ''),
    files: cleanFiles,
    steps: cleanSteps,
    commit: nullableStr(value, 'commit', ''),
    buildId: nullableStr(value, 'buildId', ''),
    imageId: nullableStr(value, 'imageId', ''),
    tags: [...tags],
    builtAt,
    dockerfile: str(value, 'dockerfile', ''),
    ...(inputs ? { inputs } : {}),
    ...(deploy ? { deploy } : {})
  }
}

/** The optional `deploy` section (see record/deploy.ts); older records have none. */
function validateDeploy(value: unknown): DeployFacts {
  if (!isObject(value))
    throw new RecordShapeError('deploy', `must be an object, not ${describe(value)}`)
  const copies = value.copies
  if (!Array.isArray(copies))
    throw new RecordShapeError('deploy.copies', `must be an array, not ${describe(copies)}`)
  const changed = value.changed
  if (changed !== null && !(Array.isArray(changed) && changed.every(isString))) {
    throw new RecordShapeError('deploy.changed', 'must be an array of strings or null')
  }
  return {
    stage: str(value, 'stage', 'deploy.'),
    copies: copies.map((c: unknown, i) => {
      const at = `deploy.copies[${i}].`
      if (!isObject(c))
        throw new RecordShapeError(`deploy.copies[${i}]`, `must be an object, not ${describe(c)}`)
      const files = c.files
      if (!isObject(files) || firstNonString(files) !== null) {
        throw new RecordShapeError(`${at}files`, 'must map image paths to context paths')
      }
      return {
        stage: str(c, 'stage', at),
        index: positiveInt(c, 'index', at),
        line: positiveInt(c, 'line', at),
        instruction: str(c, 'instruction', at),
        dest: str(c, 'dest', at),
        files: files as Record<string, string>
      }
    }),
    changed: changed === null ? null : [...(changed as string[])]
  }
}
