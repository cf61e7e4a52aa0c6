export const id = 212;
export const ids = [212];
export const modules = {

/***/ 182:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ LABELS)
/* harmony export */ });
/**
 * The plain data that flows through the pipeline:
 *   context (scan + hash) -> dockerfile (steps + their sources) -> record (last deploy)
 *   -> docker (prune, build) -> logs (what was cached) -> verdict -> report.
 * The types here are plain data with no effects. What reads or writes the outside world
 * (files, processes, the GitHub API) takes these shapes in and out: the context walk, digests
 * and stat cache (src/context), the compose and log file readers, the docker adapter
 * (src/docker), the record store (src/record), the reporters (src/report), the pipeline (which
 * reads the Dockerfile, runs the stages and the clear) and the two entries. src/verdict is pure.
 */
/** Labels every guarded image carries, so a deployed image tells what it was built from. */
const LABELS = {
    revision: 'org.opencontainers.image.revision',
    created: 'org.opencontainers.image.created',
    contextHash: 'dev.fresh-build.context-hash',
    buildId: 'dev.fresh-build.build-id',
    /** Compact JSON: [[stage, index, sourceHash], ...] for the context steps. */
    steps: 'dev.fresh-build.steps'
};


/***/ }),

/***/ 8262:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mx: () => (/* binding */ newRecord),
/* harmony export */   OM: () => (/* binding */ diffRecords),
/* harmony export */   vl: () => (/* binding */ changedPaths),
/* harmony export */   wL: () => (/* binding */ fileSignatures)
/* harmony export */ });
/* harmony import */ var _context_hash_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9715);

/**
 * Compares the recorded files with the current ones (path -> signature). Each list is sorted in
 * byte order, the same on every machine and locale.
 */
function diffRecords(previous, files) {
    const changed = [];
    const added = [];
    const removed = [];
    const before = new Map(Object.entries(previous.files));
    for (const [path, sig] of Object.entries(files)) {
        const old = before.get(path);
        if (old === undefined)
            added.push(path);
        else if (old !== sig)
            changed.push(path);
    }
    for (const path of before.keys())
        if (!Object.hasOwn(files, path))
            removed.push(path);
    return {
        changed: changed.sort(_context_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .compareBytes */ .Xo),
        added: added.sort(_context_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .compareBytes */ .Xo),
        removed: removed.sort(_context_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .compareBytes */ .Xo)
    };
}
/** Every path the diff touches, sorted: the changed-files list of the verdict. */
function changedPaths(diff) {
    return [...diff.changed, ...diff.added, ...diff.removed].sort(_context_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .compareBytes */ .Xo);
}
/** The path -> signature map a record keeps for a context scan's entries. */
function fileSignatures(entries) {
    // fromEntries defines own properties, so a file named `__proto__` stays a file.
    return Object.fromEntries(entries.map(e => [e.path, (0,_context_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .fileSignature */ .$)(e)]));
}
/** Assembles the record of a build judged good. */
function newRecord(input) {
    return {
        version: input.inputs ? 2 : 1,
        contextHash: input.contextHash,
        files: input.files,
        steps: input.steps.map(s => ({
            stage: s.stage,
            index: s.index,
            instruction: s.instruction,
            line: s.line,
            sourceHash: s.sourceHash
        })),
        commit: input.commit,
        buildId: input.buildId,
        imageId: input.imageId,
        tags: [...input.tags],
        builtAt: (input.builtAt ?? new Date()).toISOString(),
        dockerfile: input.dockerfile,
        ...(input.deploy ? { deploy: input.deploy } : {}),
        ...(input.inputs ? { inputs: { ...input.inputs } } : {})
    };
}


/***/ }),

/***/ 7212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W1: () => (/* reexport */ RecordError),
  K0: () => (/* reexport */ defaultStatePath),
  lo: () => (/* reexport */ deployFacts),
  wL: () => (/* reexport */ diff/* fileSignatures */.wL),
  Mx: () => (/* reexport */ diff/* newRecord */.Mx),
  aE: () => (/* reexport */ readRecord),
  FZ: () => (/* reexport */ recordLabels),
  fB: () => (/* reexport */ stateInsideContext),
  eV: () => (/* reexport */ validateRecord),
  D4: () => (/* reexport */ withRecordLock),
  rh: () => (/* reexport */ writeRecord)
});

// UNUSED EXPORTS: LockError, RecordShapeError, changedPaths, diffRecords, imageChain, nodeRecordFs, parseRecord, pidAlive, recordFromLabels, stateDir

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/util/errno.ts
var errno = __webpack_require__(8196);
// EXTERNAL MODULE: ./src/util/error.ts
var error = __webpack_require__(7610);
;// CONCATENATED MODULE: ./src/record/validate.ts

/** Thrown by {@link validateRecord}; `field` is the JSON path of the first bad value. */
class RecordShapeError extends error/* NamedError */.iK {
    field;
    constructor(field, problem) {
        super(`${field} ${problem}`);
        this.field = field;
    }
}
const HASH = /^sha256:[0-9a-f]{64}$/;
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isString(v) {
    return typeof v === 'string';
}
function describe(v) {
    if (v === null)
        return 'null';
    if (v === undefined)
        return 'missing';
    if (Array.isArray(v))
        return 'an array';
    return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`.slice(0, 60);
}
function str(o, key, at) {
    const v = o[key];
    if (typeof v !== 'string')
        throw new RecordShapeError(`${at}${key}`, `must be a string, not ${describe(v)}`);
    return v;
}
function hash(o, key, at) {
    const v = str(o, key, at);
    if (!HASH.test(v))
        throw new RecordShapeError(`${at}${key}`, 'must be sha256:<64 hex>');
    return v;
}
function nullableStr(o, key, at) {
    const v = o[key];
    if (v === null)
        return null;
    if (typeof v !== 'string') {
        throw new RecordShapeError(`${at}${key}`, `must be a string or null, not ${describe(v)}`);
    }
    return v;
}
function positiveInt(o, key, at) {
    const v = o[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
        throw new RecordShapeError(`${at}${key}`, `must be a positive integer, not ${describe(v)}`);
    }
    return v;
}
/**
 * Checks that `value` is a version-1 or version-2 BuildRecord (2 adds `inputs`) and returns a clean copy holding only the known
 * fields (unknown fields are dropped, so a newer writer's extras never leak into our writes).
 * Throws RecordShapeError naming the first field at fault.
 */
function validateRecord(value) {
    if (!isObject(value))
        throw new RecordShapeError('(root)', `must be an object, not ${describe(value)}`);
    if (value.version !== 1 && value.version !== 2) {
        throw new RecordShapeError('version', `is ${describe(value.version)}; this build reads versions 1 and 2`);
    }
    const version = value.version;
    let inputs;
    if (version === 2) {
        const i = value.inputs;
        if (!isObject(i))
            throw new RecordShapeError('inputs', `must be an object, not ${describe(i)}`);
        inputs = {
            dockerfile: hash(i, 'dockerfile', 'inputs.'),
            ignoreFile: nullableStr(i, 'ignoreFile', 'inputs.'),
            ignore: i.ignore === null ? null : hash(i, 'ignore', 'inputs.')
        };
    }
    const files = value.files;
    if (!isObject(files))
        throw new RecordShapeError('files', `must be an object, not ${describe(files)}`);
    // One typeof per entry and no copy: the object holds only path -> string once this passes.
    // (JSON.parse and fromEntries define own properties, so a file named `__proto__` stays a file.)
    for (const path of Object.keys(files)) {
        const sig = files[path];
        if (typeof sig !== 'string') {
            throw new RecordShapeError(`files[${JSON.stringify(path)}]`, `must be a string, not ${describe(sig)}`);
        }
    }
    const cleanFiles = files;
    const steps = value.steps;
    if (!Array.isArray(steps))
        throw new RecordShapeError('steps', `must be an array, not ${describe(steps)}`);
    const cleanSteps = steps.map((s, i) => {
        const at = `steps[${i}].`;
        if (!isObject(s))
            throw new RecordShapeError(`steps[${i}]`, `must be an object, not ${describe(s)}`);
        return {
            stage: str(s, 'stage', at),
            index: positiveInt(s, 'index', at),
            instruction: str(s, 'instruction', at),
            line: positiveInt(s, 'line', at),
            sourceHash: hash(s, 'sourceHash', at)
        };
    });
    const tags = value.tags;
    if (!Array.isArray(tags) || !tags.every(isString)) {
        throw new RecordShapeError('tags', 'must be an array of strings');
    }
    const builtAt = str(value, 'builtAt', '');
    if (Number.isNaN(Date.parse(builtAt)))
        throw new RecordShapeError('builtAt', 'must be an ISO time');
    const deploy = value.deploy === undefined ? undefined : validateDeploy(value.deploy);
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
    };
}
/** The optional `deploy` section (see record/deploy.ts); older records have none. */
function validateDeploy(value) {
    if (!isObject(value))
        throw new RecordShapeError('deploy', `must be an object, not ${describe(value)}`);
    const copies = value.copies;
    if (!Array.isArray(copies))
        throw new RecordShapeError('deploy.copies', `must be an array, not ${describe(copies)}`);
    const changed = value.changed;
    if (changed !== null && !(Array.isArray(changed) && changed.every(isString))) {
        throw new RecordShapeError('deploy.changed', 'must be an array of strings or null');
    }
    return {
        stage: str(value, 'stage', 'deploy.'),
        copies: copies.map((c, i) => {
            const at = `deploy.copies[${i}].`;
            if (!isObject(c))
                throw new RecordShapeError(`deploy.copies[${i}]`, `must be an object, not ${describe(c)}`);
            const files = c.files;
            if (!isObject(files) || !Object.values(files).every(isString)) {
                throw new RecordShapeError(`${at}files`, 'must map image paths to context paths');
            }
            return {
                stage: str(c, 'stage', at),
                index: positiveInt(c, 'index', at),
                line: positiveInt(c, 'line', at),
                instruction: str(c, 'instruction', at),
                dest: str(c, 'dest', at),
                files: Object.fromEntries(Object.entries(files))
            };
        }),
        changed: changed === null ? null : [...changed]
    };
}

;// CONCATENATED MODULE: ./src/record/store.ts







/**
 * The record file is unusable: unreadable, not JSON, another version, or the wrong shape. The
 * message is one line naming the path and the fault; the caller decides whether that is fatal.
 */
class RecordError extends error/* FreshBuildError */.nz {
    path;
    constructor(path, problem) {
        super(oneLine(`${path}: ${problem}`));
        this.path = path;
    }
}
/** Create a new file, never through a symlink. */
const EXCLUSIVE = external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | external_node_fs_.constants.O_NOFOLLOW;
const nodeRecordFs = {
    readFile: path => (0,promises_.readFile)(path, 'utf8'),
    mkdirp: async (path) => {
        await (0,promises_.mkdir)(path, { recursive: true });
    },
    writeSynced: async (path, data) => {
        // O_EXCL never opens an existing entry, a planted symlink included; O_NOFOLLOW says so twice.
        const fh = await (0,promises_.open)(path, EXCLUSIVE, 0o644);
        try {
            await fh.writeFile(data, 'utf8');
            await fh.sync();
        }
        finally {
            await fh.close();
        }
    },
    rename: (from, to) => (0,promises_.rename)(from, to),
    unlink: path => (0,promises_.unlink)(path),
    syncDir: async (path) => {
        const fh = await (0,promises_.open)(path, 'r');
        try {
            await fh.sync();
        }
        catch (e) {
            // Some file systems cannot fsync a directory; the rename is still atomic there.
            if (!['EINVAL', 'EISDIR', 'EPERM', 'ENOTSUP'].includes((0,errno/* errCode */.tm)(e) ?? ''))
                throw e;
        }
        finally {
            await fh.close();
        }
    }
};
/**
 * Reads the record of the last good build. Null when there is none yet (the file does not
 * exist); a RecordError for anything else, since silently treating a damaged record as "no
 * record" would turn the next build into an unchecked baseline.
 */
async function readRecord(path, fs = nodeRecordFs) {
    let text;
    try {
        text = await fs.readFile(path);
    }
    catch (e) {
        if ((0,errno/* errCode */.tm)(e) === 'ENOENT')
            return null;
        throw new RecordError(path, `cannot read the record: ${errText(e)}`);
    }
    return parseRecord(text, path);
}
/** Parses and validates record JSON; `path` only names the source in errors. */
function parseRecord(text, path) {
    if (text.trim() === '')
        throw new RecordError(path, 'the record file is empty');
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (e) {
        // Never the parser's message: it quotes the file's bytes, and --state may name any file.
        throw new RecordError(path, `the record is not valid JSON${jsonPosition(text, e)}`);
    }
    try {
        return validateRecord(value);
    }
    catch (e) {
        if (e instanceof RecordShapeError) {
            const what = e.field === 'version' ? 'unsupported record' : 'malformed record';
            throw new RecordError(path, `${what}: ${e.message}`);
        }
        throw e;
    }
}
/**
 * Replaces the record atomically: a temp file in the same directory (same file system, so the
 * rename is atomic), fsync, rename over the old record, fsync the directory. If any step fails
 * the previous record is left as it was and the temp file is removed.
 */
async function writeRecord(path, record, fs = nodeRecordFs) {
    let clean;
    try {
        clean = validateRecord(record);
    }
    catch (e) {
        throw new RecordError(path, `refusing to write a malformed record: ${errText(e)}`);
    }
    const dir = (0,external_node_path_.dirname)(path);
    const tmp = (0,external_node_path_.join)(dir, `.${(0,external_node_path_.basename)(path)}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`);
    try {
        await fs.mkdirp(dir);
        await fs.writeSynced(tmp, `${JSON.stringify(clean, null, 2)}\n`);
        await fs.rename(tmp, path);
    }
    catch (e) {
        await fs.unlink(tmp).catch(() => undefined);
        throw new RecordError(path, `cannot write the record: ${errText(e)}`);
    }
    try {
        await fs.syncDir(dir);
    }
    catch (e) {
        throw new RecordError(path, `record written but its directory could not be synced: ${errText(e)}`);
    }
}
/** ` (line L, column C)` of a JSON.parse error, from its position only; '' when unknown. */
function jsonPosition(text, e) {
    const m = /position (\d+)/.exec(errText(e));
    if (!m)
        return /end of JSON input/.test(errText(e)) ? ' (it ends too early)' : '';
    const before = text.slice(0, Number(m[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return ` (line ${line}, column ${column})`;
}
/** A thrown value as one short line (Error or not). */
function errText(e) {
    return oneLine((0,error/* thrownMessage */.U4)(e));
}
function oneLine(s) {
    return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

// EXTERNAL MODULE: external "node:async_hooks"
var external_node_async_hooks_ = __webpack_require__(6698);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./src/record/lock.ts









/** The lock could not be taken in time, or is already held by this process. */
class LockError extends error/* FreshBuildError */.nz {
    lockPath;
    constructor(lockPath, problem) {
        super(`${lockPath}: ${problem}`);
        this.lockPath = lockPath;
    }
}
/** Lock paths this process holds; a lock naming our own pid but not listed here is stale. */
const held = new Set();
/** Lock paths held by the calling async chain, to refuse a nested take (it would deadlock). */
const chain = new external_node_async_hooks_.AsyncLocalStorage();
/**
 * Runs `fn` while holding `<path>.lock`, so two runs on one host cannot interleave reading,
 * building and writing the record. The lock file is created with O_EXCL and holds pid, host, time
 * and a random token; a lock whose pid is dead on this host is reclaimed. Waits with capped
 * exponential backoff until `timeoutMs`.
 */
async function withRecordLock(path, fn, opts = {}) {
    const lockPath = `${(0,external_node_path_.resolve)(path)}.lock`;
    const outer = chain.getStore() ?? new Set();
    if (outer.has(lockPath))
        throw new LockError(lockPath, 'already held by this call chain (nested lock)');
    const info = await acquire(lockPath, opts);
    try {
        return await chain.run(new Set([...outer, lockPath]), fn);
    }
    finally {
        held.delete(lockPath);
        await release(lockPath, info.token);
    }
}
async function acquire(lockPath, opts) {
    const timeoutMs = opts.timeoutMs ?? 10 * 60_000;
    const maxDelay = opts.maxDelayMs ?? 2000;
    let delay = opts.minDelayMs ?? 50;
    const host = opts.host ?? (0,external_node_os_.hostname)();
    const deadline = Date.now() + timeoutMs;
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(lockPath), { recursive: true });
    for (;;) {
        const info = {
            pid: process.pid,
            host,
            time: new Date().toISOString(),
            token: (0,external_node_crypto_.randomBytes)(8).toString('hex')
        };
        // Marked held the moment the file exists, before another caller in this process can read it
        // and mistake our pid for a stale incarnation.
        if (await tryCreate(lockPath, info, () => held.add(lockPath)))
            return info;
        const holder = await readHolder(lockPath);
        if (holder !== 'gone' && (await isStale(lockPath, holder, host, opts))) {
            await reclaim(lockPath, holder, host, opts);
            continue;
        }
        if (holder === 'gone')
            continue;
        if (Date.now() >= deadline) {
            const who = holder === null
                ? 'an unreadable lock file'
                : `pid ${holder.pid} on ${holder.host} since ${holder.time}`;
            throw new LockError(lockPath, `still locked by ${who} after ${Math.round(timeoutMs / 1000)}s; delete the file if that run is gone`);
        }
        const wait = Math.min(delay, Math.max(0, deadline - Date.now()));
        await (0,external_node_timers_promises_.setTimeout)(wait / 2 + Math.random() * (wait / 2));
        delay = Math.min(delay * 2, maxDelay);
    }
}
async function tryCreate(lockPath, info, onCreated) {
    let fh;
    try {
        fh = await (0,promises_.open)(lockPath, EXCLUSIVE, 0o644);
    }
    catch (e) {
        if ((0,errno/* errCode */.tm)(e) === 'EEXIST')
            return false;
        throw new LockError(lockPath, `cannot create the lock: ${errText(e)}`);
    }
    onCreated?.();
    try {
        await fh.writeFile(`${JSON.stringify(info)}\n`, 'utf8');
    }
    catch (e) {
        // An empty lock would block every other run until it aged out.
        held.delete(lockPath);
        await fh.close().catch(() => undefined);
        await (0,promises_.unlink)(lockPath).catch(() => undefined);
        throw new LockError(lockPath, `cannot write the lock: ${errText(e)}`);
    }
    await fh.close();
    return true;
}
/** The holder as written, null when unparseable (possibly still being written), 'gone' if absent. */
async function readHolder(lockPath) {
    let text;
    try {
        text = await (0,promises_.readFile)(lockPath, 'utf8');
    }
    catch (e) {
        if ((0,errno/* errCode */.tm)(e) === 'ENOENT')
            return 'gone';
        throw new LockError(lockPath, `cannot read the lock: ${errText(e)}`);
    }
    return parseLock(text);
}
function parseLock(text) {
    let v;
    try {
        v = JSON.parse(text);
    }
    catch {
        return null;
    }
    if (typeof v !== 'object' || v === null)
        return null;
    const o = v;
    const { pid, host, time, token } = o;
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0)
        return null;
    if (typeof host !== 'string' || typeof time !== 'string' || typeof token !== 'string')
        return null;
    return { pid, host, time, token };
}
async function isStale(lockPath, holder, host, opts) {
    if (holder !== null && holder.host === host) {
        if (holder.pid === process.pid)
            return !held.has(lockPath); // a previous incarnation with our pid
        return !(opts.isAlive ?? pidAlive)(holder.pid);
    }
    // Another host, or a file still being written by its creator: judge by age only.
    const staleMs = holder === null ? 30_000 : (opts.foreignStaleMs ?? 6 * 3600_000);
    try {
        const st = await (0,promises_.stat)(lockPath);
        return Date.now() - st.mtimeMs > staleMs;
    }
    catch {
        return false;
    }
}
/**
 * Removes a stale lock without racing another reclaimer: under a short-lived `.reclaim` lock,
 * re-read the lock and delete it only if it is still the same stale holder. Without this, two
 * waiters could both see the dead pid, and the slower one would delete the faster one's new lock.
 */
async function reclaim(lockPath, stale, host, opts) {
    const guard = `${lockPath}.reclaim`;
    const mine = {
        pid: process.pid,
        host,
        time: new Date().toISOString(),
        token: 'reclaim'
    };
    if (!(await tryCreate(guard, mine))) {
        // Someone else is reclaiming; a guard left by a crashed reclaimer expires quickly.
        try {
            const st = await (0,promises_.stat)(guard);
            if (Date.now() - st.mtimeMs > 30_000)
                await (0,promises_.unlink)(guard);
        }
        catch {
            // gone already
        }
        await (0,external_node_timers_promises_.setTimeout)(10);
        return;
    }
    try {
        const now = await readHolder(lockPath);
        if (now === 'gone')
            return;
        const same = now === null ? stale === null : stale !== null && now.token === stale.token;
        if (same && (await isStale(lockPath, now, host, opts)))
            await (0,promises_.unlink)(lockPath).catch(() => undefined);
    }
    finally {
        await (0,promises_.unlink)(guard).catch(() => undefined);
    }
}
async function release(lockPath, token) {
    const now = await readHolder(lockPath).catch(() => null);
    // Only remove our own lock: if it was reclaimed from us (we looked dead), it is not ours.
    if (now !== null && now !== 'gone' && now.token === token) {
        await (0,promises_.unlink)(lockPath).catch(() => undefined);
    }
}
/** Whether a process with this pid exists on this host (EPERM: it exists, owned by another user). */
function pidAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return (0,errno/* errCode */.tm)(e) === 'EPERM';
    }
}

// EXTERNAL MODULE: ./src/util/paths.ts
var paths = __webpack_require__(4964);
;// CONCATENATED MODULE: ./src/record/path.ts




/**
 * Where the record lives by default on the builder host. The rule:
 *
 *   dir  = $FRESH_BUILD_STATE_DIR
 *        | $XDG_STATE_HOME/fresh-build        (only when absolute, as the XDG spec requires)
 *        | ~/.local/state/fresh-build
 *   file = <slug>-<hash>.json
 *          slug: the context folder name (plus the target), lower-case [a-z0-9._-], for humans
 *          hash: first 16 hex of sha256(abs context \0 abs Dockerfile \0 target)
 *
 * The state must live OUTSIDE the build context: a file written inside it would change the
 * context hash on every run (use stateInsideContext to warn about an override that does). The
 * hash keys the record to one build, so two projects whose folders share a name never share a
 * record (the very mix-up BuildKit's source.local cache makes), and one Dockerfile built for two
 * targets keeps two records. Paths are resolved, not realpath'd: pure, and a symlinked
 * alias gets its own record rather than a wrong one.
 */
function defaultStatePath(opts) {
    const cwd = opts.cwd ?? process.cwd();
    const context = (0,external_node_path_.resolve)(cwd, opts.context);
    const file = (0,external_node_path_.resolve)(cwd, opts.file);
    const target = opts.target ?? '';
    const key = (0,external_node_crypto_.createHash)('sha256')
        .update(`${context}\0${file}\0${target}`)
        .digest('hex')
        .slice(0, 16);
    const readable = [(0,external_node_path_.basename)(context) || 'root', target].filter(Boolean).join('-');
    const slug = readable
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^[-.]+|-+$/g, '')
        .slice(0, 40) || 'context';
    return (0,external_node_path_.join)(stateDir(opts), `${slug}-${key}.json`);
}
/** The directory part of the rule above. */
function stateDir(opts) {
    const { env } = opts;
    if (env.FRESH_BUILD_STATE_DIR)
        return (0,external_node_path_.resolve)(opts.cwd ?? process.cwd(), env.FRESH_BUILD_STATE_DIR);
    if (env.XDG_STATE_HOME && (0,external_node_path_.isAbsolute)(env.XDG_STATE_HOME))
        return (0,external_node_path_.join)(env.XDG_STATE_HOME, 'fresh-build');
    const home = opts.home ?? (env.HOME || (0,external_node_os_.homedir)());
    return (0,external_node_path_.join)(home, '.local', 'state', 'fresh-build');
}
/** True when the state file would sit inside the build context (and so change its hash). */
function stateInsideContext(statePath, context, cwd = process.cwd()) {
    return (0,paths/* strictlyInside */.vA)((0,external_node_path_.resolve)(cwd, context), (0,external_node_path_.resolve)(cwd, statePath));
}

// EXTERNAL MODULE: ./src/model.ts
var model = __webpack_require__(182);
;// CONCATENATED MODULE: ./src/record/labels.ts

const labels_HASH = /^sha256:[0-9a-f]{64}$/;
/**
 * The labels a guarded image carries (LABELS in model.ts). Labels whose value is unknown (no
 * commit, no build id) are left out rather than set empty, so they never overwrite a real value
 * inherited from a base image with nothing.
 */
function recordLabels(record) {
    const labels = {
        [model/* LABELS */.k.created]: record.builtAt,
        [model/* LABELS */.k.contextHash]: record.contextHash,
        [model/* LABELS */.k.steps]: JSON.stringify(record.steps.map(s => [s.stage, s.index, s.sourceHash]))
    };
    if (record.commit)
        labels[model/* LABELS */.k.revision] = record.commit;
    if (record.buildId)
        labels[model/* LABELS */.k.buildId] = record.buildId;
    return labels;
}
/** Reads back recordLabels' output from `docker inspect` labels; tolerates missing or garbled ones. */
function recordFromLabels(labels) {
    const l = labels ?? {};
    const problems = [];
    const text = (key) => {
        const v = l[key];
        return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
    };
    let contextHash = text(LABELS.contextHash);
    if (contextHash !== null && !labels_HASH.test(contextHash)) {
        problems.push(`label ${LABELS.contextHash} is not sha256:<64 hex>: ${preview(contextHash)}`);
        contextHash = null;
    }
    let builtAt = text(LABELS.created);
    if (builtAt !== null && Number.isNaN(Date.parse(builtAt))) {
        problems.push(`label ${LABELS.created} is not a time: ${preview(builtAt)}`);
        builtAt = null;
    }
    const rawSteps = text(LABELS.steps);
    let steps = null;
    if (rawSteps !== null) {
        steps = parseSteps(rawSteps);
        if (steps === null)
            problems.push(`label ${LABELS.steps} is not [[stage, index, sha256], ...]: ${preview(rawSteps)}`);
    }
    return {
        contextHash,
        steps,
        commit: text(LABELS.revision),
        buildId: text(LABELS.buildId),
        builtAt,
        problems
    };
}
function parseSteps(raw) {
    let v;
    try {
        v = JSON.parse(raw);
    }
    catch {
        return null;
    }
    if (!Array.isArray(v))
        return null;
    const steps = [];
    for (const item of v) {
        if (!Array.isArray(item) || item.length !== 3)
            return null;
        const [stage, index, sourceHash] = item;
        if (typeof stage !== 'string' || typeof sourceHash !== 'string' || !labels_HASH.test(sourceHash))
            return null;
        if (typeof index !== 'number' || !Number.isInteger(index) || index < 1)
            return null;
        steps.push({ stage, index, sourceHash });
    }
    return steps;
}
function preview(s) {
    const flat = JSON.stringify(s);
    return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

// EXTERNAL MODULE: ./src/record/diff.ts
var diff = __webpack_require__(8262);
// EXTERNAL MODULE: ./src/dockerfile/index.ts + 3 modules
var dockerfile = __webpack_require__(3990);
;// CONCATENATED MODULE: ./src/record/deploy.ts
/**
 * What `verify` needs to know about a build after the build is gone: where the final image's
 * context COPY/ADD steps put each file, and which files this build changed. Kept in the record
 * as the optional `deploy` section (records written before it simply have none).
 */


/**
 * The stages whose filesystem is the final image's: the final stage and, through `FROM <stage>`,
 * the stages it starts from. Other stages reach the image only by `COPY --from`, never straight
 * from the context.
 */
function imageChain(stages, finalStage) {
    const byName = new Map(stages.map(s => [s.name, s]));
    const chain = [];
    for (let s = byName.get(finalStage); s && !chain.includes(s.name);) {
        chain.push(s.name);
        s = byName.get(s.base.toLowerCase());
    }
    return chain;
}
/**
 * The deploy facts of a build: every context COPY/ADD of the image chain with the absolute path
 * each selected file or symlink got in the image (paths an ADD unpacks are unknown and left
 * out), and the context paths that changed since the previous record (null: no previous record,
 * everything is new).
 */
function deployFacts(steps, stages, finalStage, changed) {
    const chain = new Set(imageChain(stages, finalStage));
    const copies = [];
    for (const step of steps) {
        if (step.keyword === 'RUN' || step.dest === null || !chain.has(step.stage))
            continue;
        const files = [];
        for (const path of step.selected) {
            const dest = (0,dockerfile/* destinationFor */.mZ)(step, path);
            if (dest !== null)
                files.push([`/${dest}`, path]);
        }
        copies.push({
            stage: step.stage,
            index: step.index,
            line: step.line,
            instruction: step.instruction,
            dest: external_node_path_.posix.resolve(step.workdir, step.dest),
            // fromEntries defines own properties, so a file named `__proto__` stays a file.
            files: Object.fromEntries(files)
        });
    }
    return { stage: finalStage, copies, changed: changed === null ? null : [...changed] };
}

;// CONCATENATED MODULE: ./src/record/index.ts
/** The record of the last build judged good: state file on the builder host, labels on the image. */









/***/ }),

/***/ 4964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X8: () => (/* binding */ escapesRoot),
/* harmony export */   vA: () => (/* binding */ strictlyInside),
/* harmony export */   xK: () => (/* binding */ containedIn)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** `abs` lies outside `root` (lexically: `..` first, or another drive). `root` itself is inside. */
function escapesRoot(root, abs) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, abs);
    return rel === '..' || rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel);
}
/** `abs` lies below `root`, and is not `root` itself. */
function strictlyInside(root, abs) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, abs) !== '' && !escapesRoot(root, abs);
}
/**
 * `abs` stays inside `root` both lexically and through symlinks: its deepest existing ancestor's
 * real path, with the rest appended, lies inside `root`'s real path. A path that does not exist
 * yet is judged by where it would be created.
 */
async function containedIn(root, abs) {
    if (escapesRoot(root, abs))
        return false;
    const realRoot = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(root);
    let p = abs;
    for (;;) {
        try {
            const real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(p);
            return !escapesRoot(realRoot, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(real, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(p, abs)));
        }
        catch {
            const up = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(p);
            if (up === p)
                return false;
            p = up;
        }
    }
}


/***/ })

};
