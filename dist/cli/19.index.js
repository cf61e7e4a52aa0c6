export const id = 19;
export const ids = [19];
export const modules = {

/***/ 2671:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PV: () => (/* binding */ defaultConcurrency),
/* harmony export */   QN: () => (/* binding */ digestBytes),
/* harmony export */   Uc: () => (/* binding */ StreamDigester),
/* harmony export */   aU: () => (/* binding */ digestAll),
/* harmony export */   yS: () => (/* binding */ digestString)
/* harmony export */ });
/* unused harmony exports POOL_MIN_WORK, defaultPool, digestEach, createLimiter, mapPool */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _util_bytes_path_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8203);
/* harmony import */ var _pool_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1585);
/**
 * Content digests for context entries: sha256 of file bytes (fixed buffers, never the whole
 * file in memory) and sha256 of symlink targets, run through a bounded pool.
 *
 * Digests depend on bytes only, never on mtime or owner, so the same tree hashes the same on any
 * machine. `FileDigester` is the seam for the stat cache (statcache.ts): a caching digester keys
 * on the `FileStat` fields and falls back to `StreamDigester` on a miss.
 */






/** Files up to this size are read in one synchronous pass; larger ones stream asynchronously. */
const SMALL_FILE = 256 * 1024;
const BUFFER_SIZE = 512 * 1024;
// O_NONBLOCK: a file swapped for a FIFO after the walk must not hang the open (no-op for files).
const READ_FLAGS = node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NONBLOCK ?? 0);
/**
 * What opening and closing a small file costs, in bytes hashed in the same time (~10us at the
 * ~0.6-1 GB/s one core hashes): the pool's estimate counts 20k tiny files as the work they are.
 */
const PER_FILE_BYTES = 8 * 1024;
/**
 * Below this much estimated work a pool does not pay: a worker costs ~30 ms of CPU and ~40-60 ms
 * of wall time to start here (measured, docs/benchmarks.md), and the main thread hashes ~0.6-1
 * GB/s alone, so a context under ~48 MB is done before a worker would help much.
 */
const POOL_MIN_WORK = 48 * 1024 * 1024;
/** The workers' read buffer: few syscalls for a large file, small beside a worker's heap. */
const WORKER_BUFFER = 1024 * 1024;
/** Every core: the main thread and one worker per other core. */
function defaultPool() {
    return { workers: Math.max(0, (0,node_os__WEBPACK_IMPORTED_MODULE_3__.availableParallelism)() - 1), minWork: POOL_MIN_WORK };
}
const openFd = (0,node_util__WEBPACK_IMPORTED_MODULE_2__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_1__.open);
const readFd = (0,node_util__WEBPACK_IMPORTED_MODULE_2__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_1__.read);
const closeFd = (0,node_util__WEBPACK_IMPORTED_MODULE_2__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_1__.close);
/**
 * Reads and hashes file bytes. Measured on a 20k-file tree (see docs/benchmarks.md): a libuv
 * round trip costs ~20us of main-thread time per call, more than reading a small cached file, so
 * small files are read synchronously (open, read, close: three plain syscalls). Large files are
 * read asynchronously with one read in flight while the previous chunk is hashed, so disk and
 * hash overlap. Only the stat's size picks the path: the bytes are read to EOF either way.
 */
class StreamDigester {
    bufferSize;
    pool;
    free = [];
    small;
    constructor(bufferSize = BUFFER_SIZE, pool = defaultPool()) {
        this.bufferSize = bufferSize;
        this.pool = pool;
        this.small = Buffer.allocUnsafe(Math.min(bufferSize, SMALL_FILE));
    }
    /**
     * Many files: on every core when the work pays for the workers' start (pool.ts), else on this
     * thread as digestFile does. The digests are the same either way: sha256 of the bytes to EOF.
     */
    async digestFiles(jobs, concurrency) {
        let work = 0;
        for (const j of jobs)
            work += j.stat.size + PER_FILE_BYTES;
        if (this.pool.workers < 1 || work < this.pool.minWork) {
            return await digestEach(this, jobs, concurrency);
        }
        return await (0,_pool_js__WEBPACK_IMPORTED_MODULE_4__/* .digestInPool */ .UX)(jobs.map(j => ({ path: (0,_util_bytes_path_js__WEBPACK_IMPORTED_MODULE_5__/* .fsPath */ .Jk)(j.absPath), size: j.stat.size })), jobs.map(j => j.absPath), { workers: this.pool.workers, bufferSize: WORKER_BUFFER, flags: READ_FLAGS }, async (i) => {
            const j = jobs[i];
            return await this.digestFile(j.absPath, j.stat);
        });
    }
    async digestFile(absPath, stat) {
        return stat.size <= this.small.length
            ? this.digestSync(absPath)
            : await this.digestStream(absPath);
    }
    digestSync(absPath) {
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)((0,_util_bytes_path_js__WEBPACK_IMPORTED_MODULE_5__/* .fsPath */ .Jk)(absPath), READ_FLAGS);
        const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        try {
            for (;;) {
                const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, this.small, 0, this.small.length, null);
                if (n === 0)
                    break;
                h.update(this.small.subarray(0, n));
            }
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
        }
        return `sha256:${h.digest('hex')}`;
    }
    async digestStream(absPath) {
        const fd = await openFd((0,_util_bytes_path_js__WEBPACK_IMPORTED_MODULE_5__/* .fsPath */ .Jk)(absPath), READ_FLAGS);
        let cur = this.take();
        let next = this.take();
        const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        try {
            let n = (await readFd(fd, cur, 0, cur.length, null)).bytesRead;
            while (n > 0) {
                // Sequential reads (position null) are safe: only one read is ever in flight per fd.
                const pending = readFd(fd, next, 0, next.length, null);
                h.update(cur.subarray(0, n));
                n = (await pending).bytesRead;
                [cur, next] = [next, cur];
            }
        }
        finally {
            this.free.push(cur, next);
            await closeFd(fd);
        }
        return `sha256:${h.digest('hex')}`;
    }
    take() {
        return this.free.pop() ?? Buffer.allocUnsafe(this.bufferSize);
    }
}
/** The digests of `jobs` in input order through `d`, as a batch when `d` can, else per file. */
async function digestAll(d, jobs, concurrency) {
    return d.digestFiles
        ? await d.digestFiles(jobs, concurrency)
        : await digestEach(d, jobs, concurrency);
}
/** digestFile per job, `concurrency` at once; a failure names its file (DigestFailure). */
async function digestEach(d, jobs, concurrency) {
    return await mapPool(jobs, concurrency, async (j) => {
        try {
            return await d.digestFile(j.absPath, j.stat);
        }
        catch (e) {
            throw new _pool_js__WEBPACK_IMPORTED_MODULE_4__/* .DigestFailure */ .hw(j.absPath, e);
        }
    });
}
/** sha256 of raw bytes (a symlink target as read from disk). */
function digestBytes(b) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(b).digest('hex')}`;
}
/** sha256 of a string (a symlink target) or of nothing (special files that land empty). */
function digestString(s) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(s).digest('hex')}`;
}
/** Twice the cores, at least 4 and at most 16: enough to keep the disk busy, few open fds. */
function defaultConcurrency() {
    return Math.min(16, Math.max(4, 2 * (0,node_os__WEBPACK_IMPORTED_MODULE_3__.availableParallelism)()));
}
/** A limiter: at most `limit` of the wrapped calls run at once. */
function createLimiter(limit) {
    const max = Math.max(1, Math.floor(limit));
    let active = 0;
    // A FIFO with a moving head: Array.shift is O(n), and a wide tree queues thousands of waiters.
    let waiting = [];
    let head = 0;
    return async (fn) => {
        // A finished call hands its slot straight to the next waiter, so the count never overshoots.
        if (active >= max)
            await new Promise(resolve => waiting.push(resolve));
        else
            active++;
        try {
            return await fn();
        }
        finally {
            if (head < waiting.length) {
                const next = waiting[head++];
                if (head === waiting.length) {
                    waiting = [];
                    head = 0;
                }
                next();
            }
            else
                active--;
        }
    };
}
/** Maps `items` through `fn` with at most `limit` calls in flight; results keep input order. */
async function mapPool(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
    return results;
}


/***/ }),

/***/ 1585:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hw: () => (/* binding */ DigestFailure),
  UX: () => (/* binding */ digestInPool)
});

// UNUSED EXPORTS: digestWorkerStarts, liveDigestWorkers

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./src/context/digest-worker.ts
function digestWorkerMain(wt, fs, crypto) {
    const port = wt.parentPort;
    if (port === null)
        return;
    const data = wt.workerData;
    // One buffer for every file: reads are synchronous, so a worker has one read at a time, and a
    // big buffer means few syscalls per large file.
    const buf = Buffer.allocUnsafe(data.bufferSize);
    port.on('message', (batch) => {
        const out = [];
        for (const p of batch.paths) {
            const path = typeof p === 'string' ? p : Buffer.from(p.buffer, p.byteOffset, p.byteLength);
            let fd = -1;
            try {
                fd = fs.openSync(path, data.flags);
                const h = crypto.createHash('sha256');
                for (;;) {
                    const n = fs.readSync(fd, buf, 0, buf.length, null);
                    if (n === 0)
                        break;
                    h.update(buf.subarray(0, n));
                }
                out.push(h.digest('hex'));
            }
            catch (e) {
                const err = e;
                out.push({
                    code: typeof err?.code === 'string' ? err.code : null,
                    message: String(err?.message ?? e)
                });
            }
            finally {
                if (fd >= 0)
                    fs.closeSync(fd);
            }
        }
        port.postMessage({ id: batch.id, out });
    });
}
/** The source a Worker runs with `eval: true` (CommonJS scope there: `require` is defined). */
function digestWorkerSource() {
    return `(${digestWorkerMain.toString()})(require('node:worker_threads'), require('node:fs'), require('node:crypto'))`;
}

;// CONCATENATED MODULE: ./src/context/pool.ts
/**
 * Hashes many files on every core: worker threads plus the main thread, which starts at once and
 * so hides the workers' start-up. sha256 is sequential, so one file is never split: files go
 * largest first (a big binary started last would be the run's tail) in batches, a big file alone,
 * small ones up to BATCH_FILES or BATCH_BYTES per message, so 20k small files cost a few hundred
 * messages. Messages carry paths, never file bytes.
 *
 * A worker that dies (cannot start, crashes) loses nothing: its batches go back to the queue and
 * the others, at least the main thread, finish them. A file that cannot be read ends the run with
 * that file's error, as the one-thread path does. Every worker is terminated before the returned
 * promise settles, so no thread outlives a call.
 */


/** A file that could not be hashed: its path (as the caller named it) and the fs error. */
class DigestFailure extends Error {
    path;
    cause;
    constructor(path, cause) {
        super(`cannot hash ${path}`);
        this.path = path;
        this.cause = cause;
    }
}
const BATCH_BYTES = 4 * 1024 * 1024;
const BATCH_FILES = 256;
/** Batches each worker holds, so it never waits for the main thread between two. */
const IN_FLIGHT = 2;
/** Threads started and not yet exited, and ever started: tests prove none is left behind. */
let live = 0;
let starts = 0;
function liveDigestWorkers() {
    return live;
}
function digestWorkerStarts() {
    return starts;
}
/**
 * `sha256:<hex>` of each job, in input order. `names[i]` names job i in a DigestFailure.
 * `inThread` hashes one job on the main thread (the caller's one-thread digester).
 */
function digestInPool(jobs, names, opts, inThread) {
    const results = new Array(jobs.length);
    let remaining = jobs.length;
    if (remaining === 0)
        return Promise.resolve(results);
    const order = jobs.map((_, i) => i).sort((a, b) => (jobs[b]?.size ?? 0) - (jobs[a]?.size ?? 0));
    let next = 0;
    const requeued = [];
    const take = () => {
        const back = requeued.pop();
        if (back)
            return back;
        if (next >= order.length)
            return null;
        const batch = [];
        let bytes = 0;
        while (next < order.length && batch.length < BATCH_FILES && bytes < BATCH_BYTES) {
            const i = order[next++];
            batch.push(i);
            bytes += jobs[i]?.size ?? 0;
        }
        return batch;
    };
    return new Promise((resolve, reject) => {
        let settled = false;
        const slots = [];
        const finish = (error) => {
            if (settled)
                return;
            settled = true;
            void Promise.all(slots.map(s => s.worker.terminate().catch(() => undefined))).then(() => error ? reject(error) : resolve(results));
        };
        const done = (i, digest) => {
            results[i] = digest;
            if (--remaining === 0)
                finish(null);
        };
        const failed = (i, e) => finish(new DigestFailure(names[i] ?? String(jobs[i]?.path), e));
        let mainRunning = false;
        const runMain = async () => {
            if (mainRunning)
                return;
            mainRunning = true;
            try {
                for (let batch = take(); batch !== null && !settled; batch = take()) {
                    for (const i of batch) {
                        if (settled)
                            return;
                        try {
                            done(i, await inThread(i));
                        }
                        catch (e) {
                            failed(i, e);
                            return;
                        }
                    }
                    // Small files are read synchronously: let the workers' replies in between batches.
                    await new Promise(r => setImmediate(r));
                }
            }
            finally {
                mainRunning = false;
            }
        };
        let ids = 0;
        const feed = (s) => {
            while (!s.dead && !settled && s.inFlight.size < IN_FLIGHT) {
                const batch = take();
                if (batch === null)
                    return;
                const id = ids++;
                s.inFlight.set(id, batch);
                const paths = batch.map(i => jobs[i]?.path);
                s.worker.postMessage({ id, paths });
            }
        };
        const lose = (s) => {
            if (s.dead)
                return;
            s.dead = true;
            for (const batch of s.inFlight.values())
                requeued.push(batch);
            s.inFlight.clear();
            if (!settled)
                void runMain();
        };
        const data = { bufferSize: opts.bufferSize, flags: opts.flags };
        for (let w = 0; w < opts.workers; w++) {
            let worker;
            try {
                worker = new external_node_worker_threads_.Worker(opts.source ?? digestWorkerSource(), { eval: true, workerData: data });
            }
            catch {
                continue; // No thread: the main thread and the others do its share.
            }
            live++;
            starts++;
            const s = { worker, inFlight: new Map(), dead: false };
            slots.push(s);
            worker.on('message', (reply) => {
                const batch = s.inFlight.get(reply.id);
                if (!batch || settled)
                    return;
                s.inFlight.delete(reply.id);
                for (let k = 0; k < batch.length; k++) {
                    const i = batch[k];
                    const r = reply.out[k];
                    if (typeof r === 'string')
                        done(i, `sha256:${r}`);
                    else
                        return failed(i, faultError(r));
                }
                feed(s);
            });
            worker.on('error', () => lose(s));
            worker.on('exit', () => {
                live--;
                lose(s);
            });
            // Fed once running: until then the main thread takes every batch, so a worker slow to
            // start (a busy machine) never holds work the main thread could have done.
            worker.on('online', () => feed(s));
        }
        void runMain();
    });
}
/** The worker's report as the Error fs would have thrown on the main thread. */
function faultError(f) {
    const e = new Error(f?.message ?? 'no reply for this file');
    return f?.code ? Object.assign(e, { code: f.code }) : e;
}


/***/ }),

/***/ 5359:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CV: () => (/* binding */ STAT_CACHE_MAGIC),
/* harmony export */   XO: () => (/* binding */ StatCache),
/* harmony export */   tj: () => (/* binding */ statCachePathFor),
/* harmony export */   wt: () => (/* binding */ describeStatCache)
/* harmony export */ });
/* unused harmony exports RACY_MARGIN_MS, parseStatCache, formatStatCache, settledBefore */
/* harmony import */ var _util_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7610);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _util_errno_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8196);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2671);
/**
 * A stat cache for file digests, so an unchanged file is not read again on the next deploy.
 *
 * Correctness rests on ctime: the kernel sets a file's ctime to "now" on every content or
 * metadata change, and no tool can set it back (rsync -t, tar, `touch -d` and mtime-restoring
 * checkouts restore mtime only). An entry is reused only when path, size, mtime, ctime, inode and
 * device all equal the current lstat, so the same-size, mtime-kept edit that fools Docker's
 * context sync changes the ctime and is re-read.
 *
 * Timestamps are coarse (a kernel tick, 1-2 s on some file systems), so a change made in the same
 * tick as the stat that filled an entry can leave every field equal. Git's "racy" rule closes
 * that gap: an entry is trusted only when its mtime and ctime are older than the moment the
 * scan that stored it began (the "horizon", read from the file system's own clock before the
 * first lstat, and never later than the cache file's own write time) by a margin of RACY_MARGIN_MS.
 * Any change after the horizon gets a newer ctime, which no trusted entry has.
 *
 * The cache lives outside the context (beside the record), is written atomically (temp file and
 * rename), carries a checksum, and is a pure optimisation: a missing, unreadable, torn or
 * tampered file is ignored and every file is read, never an error.
 */







/** Changes this close to the horizon are not trusted: covers 2 s file system granularity (FAT). */
const RACY_MARGIN_MS = 2000;
/** The first line's start: `clear` deletes a stat cache only when it shows this. */
const STAT_CACHE_MAGIC = 'fresh-build stat cache v1';
const MAGIC = STAT_CACHE_MAGIC;
const HEX = /^[0-9a-f]{64}$/;
/** Where the stat cache for a record lives: beside it, like its lock file. */
function statCachePathFor(recordPath) {
    return `${recordPath}.stat-cache`;
}
/** Rows parsed from a cache file, or the reason it was ignored. */
function parseStatCache(text) {
    const nl = text.indexOf('\n');
    const header = nl < 0 ? text : text.slice(0, nl);
    if (!header.startsWith(`${MAGIC} `))
        return { ignored: 'not a stat cache file' };
    const fields = header.slice(MAGIC.length + 1).split(' ');
    const horizonMs = Number(fields[0]);
    const sum = fields[1] ?? '';
    if (fields.length !== 2)
        return { ignored: 'bad header' };
    const body = text.slice(nl + 1);
    if (!Number.isFinite(horizonMs) || !HEX.test(sum))
        return { ignored: 'bad header' };
    if ((0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update(body).digest('hex') !== sum)
        return { ignored: 'bad checksum' };
    let rows;
    try {
        rows = JSON.parse(body);
    }
    catch {
        return { ignored: 'not JSON' };
    }
    if (!Array.isArray(rows) || !rows.every(isRow))
        return { ignored: 'bad rows' };
    return { horizonMs, rows };
}
function isRow(r) {
    return (Array.isArray(r) &&
        r.length === 7 &&
        typeof r[0] === 'string' &&
        r.slice(1, 6).every(n => typeof n === 'number' && Number.isFinite(n)) &&
        typeof r[6] === 'string' &&
        HEX.test(r[6]));
}
/** The cache text for `rows` stored at `horizonMs`. */
function formatStatCache(horizonMs, rows) {
    const body = JSON.stringify(rows);
    const sum = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update(body).digest('hex');
    return `${MAGIC} ${horizonMs} ${sum}\n${body}`;
}
function sameStat(row, st) {
    return (row[1] === st.size &&
        row[2] === st.mtimeMs &&
        row[3] === st.ctimeMs &&
        row[4] === st.ino &&
        row[5] === st.dev);
}
/** Old enough to trust against a horizon: the racy rule. */
function settledBefore(st, horizonMs) {
    const limit = horizonMs - RACY_MARGIN_MS;
    return st.mtimeMs < limit && st.ctimeMs < limit;
}
/**
 * One scan's use of a cache file: open() before the walk (it fixes the horizon), digester() for
 * the walk, then save() or discard(). Never throws for cache trouble; it reports it in `stats`.
 */
class StatCache {
    path;
    previous;
    horizonMs;
    tmp;
    notes;
    kept = new Map();
    hits = 0;
    misses = 0;
    saved = false;
    constructor(path, 
    /** Trusted rows from the previous run, by absolute path. */
    previous, 
    /** This scan's horizon on the file system clock; null: the cache cannot be written. */
    horizonMs, tmp, notes) {
        this.path = path;
        this.previous = previous;
        this.horizonMs = horizonMs;
        this.tmp = tmp;
        this.notes = notes;
    }
    /**
     * Reads the cache at `path` and reserves its replacement. The temp file is created now, before
     * the walk, so its mtime is the horizon on the file system clock.
     */
    static async open(path) {
        const notes = [];
        let tmp = null;
        let horizonMs = null;
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.dirname)(path), { recursive: true });
            await removeOrphans(path);
            const tmpPath = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.dirname)(path), `${tmpPrefix(path)}${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(4).toString('hex')}.tmp`);
            const fh = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.open)(tmpPath, CREATE_EXCL, 0o644);
            tmp = { path: tmpPath, fh };
            horizonMs = (await fh.stat()).mtimeMs;
        }
        catch (e) {
            notes.push(`not writable (${errText(e)})`);
        }
        const previous = new Map();
        try {
            const [text, st] = await readNoFollow(path);
            const parsed = parseStatCache(text);
            if ('ignored' in parsed) {
                notes.push(`ignored (${parsed.ignored})`);
            }
            else {
                // Trust nothing newer than the cache file itself, whatever its header claims.
                const limit = Math.min(parsed.horizonMs, st.mtimeMs);
                for (const row of parsed.rows) {
                    if (settledBefore({ mtimeMs: row[2], ctimeMs: row[3] }, limit))
                        previous.set(row[0], row);
                }
            }
        }
        catch (e) {
            if ((0,_util_errno_js__WEBPACK_IMPORTED_MODULE_5__/* .errCode */ .tm)(e) !== 'ENOENT')
                notes.push(`ignored (${errText(e)})`);
        }
        return new StatCache(path, previous, horizonMs, tmp, notes);
    }
    /**
     * The digester for this scan: a cache hit skips the read, a miss reads through `inner` (all
     * misses of a batch in one inner batch, so they may share a worker pool).
     */
    digester(inner = new _digest_js__WEBPACK_IMPORTED_MODULE_6__/* .StreamDigester */ .Uc()) {
        const hit = (absPath, st) => {
            const row = this.previous.get(absPath);
            if (!row || !sameStat(row, st))
                return null;
            this.hits++;
            // Still settled against the new horizon, which is later than the old one.
            if (this.horizonMs !== null)
                this.kept.set(absPath, row);
            return `sha256:${row[6]}`;
        };
        const read = (absPath, st, digest) => {
            this.misses++;
            // Rows that will not be trusted next time are not worth storing.
            if (this.horizonMs !== null && settledBefore(st, this.horizonMs)) {
                const hex = digest.slice('sha256:'.length);
                this.kept.set(absPath, [absPath, st.size, st.mtimeMs, st.ctimeMs, st.ino, st.dev, hex]);
            }
        };
        return {
            digestFile: async (absPath, st) => {
                const cached = hit(absPath, st);
                if (cached !== null)
                    return cached;
                const digest = await inner.digestFile(absPath, st);
                read(absPath, st, digest);
                return digest;
            },
            digestFiles: async (jobs, concurrency) => {
                const out = jobs.map(j => hit(j.absPath, j.stat));
                const missed = [];
                out.forEach((d, i) => d === null && missed.push(i));
                const misses = missed.map(i => jobs[i]);
                const digests = await (0,_digest_js__WEBPACK_IMPORTED_MODULE_6__/* .digestAll */ .aU)(inner, misses, concurrency);
                misses.forEach((j, k) => read(j.absPath, j.stat, digests[k]));
                missed.forEach((i, k) => (out[i] = digests[k]));
                return out;
            }
        };
    }
    /**
     * Replaces the cache file with this scan's rows (temp file, then rename: readers see the old
     * file or the new one, never a mix). Skipped when nothing changed. No fsync: a file torn by a
     * crash fails its checksum and is ignored.
     */
    async save() {
        const tmp = this.tmp;
        this.tmp = null;
        if (tmp === null || this.horizonMs === null)
            return this.stats();
        const unchanged = this.misses === 0 && this.kept.size === this.previous.size;
        try {
            if (!unchanged) {
                await tmp.fh.writeFile(formatStatCache(this.horizonMs, [...this.kept.values()]), 'utf8');
            }
            await tmp.fh.close();
            if (unchanged) {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.unlink)(tmp.path);
            }
            else {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rename)(tmp.path, this.path);
                this.saved = true;
            }
        }
        catch (e) {
            await tmp.fh.close().catch(() => undefined);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.unlink)(tmp.path).catch(() => undefined);
            this.notes.push(`not saved (${errText(e)})`);
        }
        return this.stats();
    }
    /** Drops the reserved temp file (the scan failed). */
    async discard() {
        const tmp = this.tmp;
        this.tmp = null;
        if (tmp === null)
            return;
        await tmp.fh.close().catch(() => undefined);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.unlink)(tmp.path).catch(() => undefined);
    }
    stats() {
        return {
            path: this.path,
            hits: this.hits,
            misses: this.misses,
            note: this.notes.length > 0 ? `stat cache ${this.notes.join('; ')}` : null,
            saved: this.saved
        };
    }
}
/** A new file only: never an existing one, never through a symlink planted at the name. */
const CREATE_EXCL = node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_WRONLY | node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_CREAT | node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_EXCL | node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_NOFOLLOW;
/** The cache's text and stat, never through a symlink at its name (ELOOP: ignored). */
async function readNoFollow(path) {
    const fh = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.open)(path, node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_NOFOLLOW | node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_NONBLOCK);
    try {
        const st = await fh.stat();
        if (!st.isFile())
            throw Object.assign(new Error('not a regular file'), { code: 'EISDIR' });
        return [await fh.readFile('utf8'), st];
    }
    finally {
        await fh.close();
    }
}
/** Temp files of a run that died mid-scan are removed after this long. */
const ORPHAN_AGE_MS = 60 * 60 * 1000;
function tmpPrefix(path) {
    return `.${(0,node_path__WEBPACK_IMPORTED_MODULE_4__.basename)(path)}.`;
}
/** Removes temp files left by runs killed mid-scan (a live scan's temp is never this old). */
async function removeOrphans(path) {
    const prefix = tmpPrefix(path);
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.dirname)(path);
    const names = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readdir)(dir)).filter(n => n.startsWith(prefix) && n.endsWith('.tmp'));
    for (const name of names) {
        const p = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, name);
        const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.stat)(p).catch(() => null);
        if (st && Date.now() - st.mtimeMs > ORPHAN_AGE_MS)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.unlink)(p).catch(() => undefined);
    }
}
function errText(e) {
    return (0,_util_errno_js__WEBPACK_IMPORTED_MODULE_5__/* .errCode */ .tm)(e) ?? (0,_util_error_js__WEBPACK_IMPORTED_MODULE_0__/* .thrownMessage */ .U4)(e).split('\n')[0] ?? '';
}
/** One progress line for a person: how much of the context the cache spared reading. */
function describeStatCache(s) {
    const total = s.hits + s.misses;
    const line = `stat cache: ${s.hits} of ${total} file digest(s) reused, ${s.misses} read`;
    return s.note ? `${line}; ${s.note}` : line;
}


/***/ }),

/***/ 1705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Cl: () => (/* binding */ findIgnoreFile),
  hp: () => (/* binding */ scanContext)
});

// UNUSED EXPORTS: ContextError, readIgnore

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/util/errno.ts
var errno = __webpack_require__(8196);
// EXTERNAL MODULE: ./src/util/bytes-path.ts
var bytes_path = __webpack_require__(8203);
// EXTERNAL MODULE: ./src/context/digest.ts
var digest = __webpack_require__(2671);
// EXTERNAL MODULE: ./src/context/pool.ts + 1 modules
var pool = __webpack_require__(1585);
;// CONCATENATED MODULE: ./src/context/nfa.ts
/**
 * A regular-expression matcher that runs in time linear in the input (times the pattern size):
 * a Thompson NFA simulated with a set of states, as Go's RE2 engine does. JavaScript's RegExp
 * backtracks: the optional any-directories groups that `**` patterns become, or runs of
 * `[^/]*`, take exponential time there against a deep or repetitive path.
 *
 * Only what `test` needs: no captures, and greedy and lazy repetition match the same strings.
 * Pure: no I/O.
 */
/** ASCII word characters, which both Go's and JS's (non-`i`) `\b` use. */
function isWord(code) {
    return ((code >= 0x30 && code <= 0x39) ||
        (code >= 0x41 && code <= 0x5a) ||
        (code >= 0x61 && code <= 0x7a) ||
        code === 0x5f);
}
function classTest(c) {
    const { ranges, negated } = c;
    const props = c.props.length === 0 ? null : new RegExp(`^[${c.props.join('')}]$`, 'u');
    if (props === null && ranges.length === 1 && ranges[0][0] === ranges[0][1]) {
        const only = ranges[0][0];
        return negated ? cp => cp !== only : cp => cp === only;
    }
    return cp => {
        let hit = false;
        for (const [lo, hi] of ranges) {
            if (cp >= lo && cp <= hi) {
                hit = true;
                break;
            }
        }
        if (!hit && props !== null)
            hit = props.test(String.fromCodePoint(cp));
        return hit !== negated;
    };
}
/** A compiled regexp; `test` is an unanchored search, as RegExp.prototype.test is. */
class Nfa {
    insts = [];
    start;
    // Reused between calls: the state lists and the per-step "already added" marks.
    cur;
    nxt;
    /** The states a step entered, before their closure: what a prefix ending there re-closes. */
    seeds;
    spare;
    mark;
    gen = 0;
    stack;
    /** Set by `close` when it reaches the match state. */
    matched = false;
    constructor(root) {
        const matchAt = this.emit({ op: 'match' });
        this.start = this.compile(root, matchAt);
        const n = this.insts.length;
        this.cur = new Int32Array(n);
        this.nxt = new Int32Array(n);
        this.seeds = new Int32Array(n);
        this.spare = new Int32Array(n);
        this.mark = new Int32Array(n);
        // Each state is pushed at most once per closure, but a split pushes two before marking.
        this.stack = new Int32Array(2 * n + 2);
    }
    emit(inst) {
        this.insts.push(inst);
        return this.insts.length - 1;
    }
    /** Thompson construction, back to front: the states for `node`, continuing at `next`. */
    compile(node, next) {
        switch (node.kind) {
            case 'class':
                return this.emit({ op: 'char', test: classTest(node), next });
            case 'assert':
                return this.emit({ op: 'assert', at: node.at, next });
            case 'concat': {
                let at = next;
                for (let k = node.items.length - 1; k >= 0; k--)
                    at = this.compile(node.items[k], at);
                return at;
            }
            case 'alt': {
                let at = this.compile(node.alts[node.alts.length - 1], next);
                for (let k = node.alts.length - 2; k >= 0; k--) {
                    const first = this.compile(node.alts[k], next);
                    at = this.emit({ op: 'split', next: first, alt: at });
                }
                return at;
            }
            case 'repeat': {
                if (node.op === '?') {
                    const body = this.compile(node.sub, next);
                    return this.emit({ op: 'split', next: body, alt: next });
                }
                // The loop's split is emitted first so the body can jump back to it.
                const loop = this.emit({ op: 'split', next: -1, alt: next });
                const body = this.compile(node.sub, loop);
                this.insts[loop].next = body;
                return node.op === '*' ? loop : body;
            }
        }
    }
    /**
     * Adds `from` and every state reachable from it without reading a character to `list`
     * (length `len`), judging assertions between the code units `before` and `after` (-1 at the
     * ends). Returns the new length; sets `matched` if the match state was reached.
     */
    close(from, list, len, before, after) {
        const { insts, mark, stack, gen } = this;
        let top = 0;
        stack[top++] = from;
        while (top > 0) {
            const s = stack[--top];
            if (mark[s] === gen)
                continue;
            mark[s] = gen;
            const inst = insts[s];
            switch (inst.op) {
                case 'char':
                    list[len++] = s;
                    break;
                case 'match':
                    this.matched = true;
                    break;
                case 'split':
                    // Order is irrelevant without captures; both branches are explored.
                    stack[top++] = inst.alt;
                    stack[top++] = inst.next;
                    break;
                case 'assert': {
                    let ok;
                    if (inst.at === 'begin')
                        ok = before === -1;
                    else if (inst.at === 'end')
                        ok = after === -1;
                    else {
                        const boundary = isWord(before) !== isWord(after);
                        ok = inst.at === 'wordBoundary' ? boundary : !boundary;
                    }
                    if (ok)
                        stack[top++] = inst.next;
                    break;
                }
            }
        }
        return len;
    }
    /** Whether the expression matches somewhere in `input` (code points, as the `u` flag reads it). */
    test(input) {
        return this.testPrefixes(input, []);
    }
    /**
     * Whether the expression matches `input` or one of its prefixes `input.slice(0, c)` for the
     * ascending code-point boundaries `cuts`, in one pass: patternmatcher tries a path's parent
     * directories too, and running each of them separately would be quadratic in the depth.
     * A prefix sees the same states as the whole input up to its end; only the assertions judged
     * there differ (its end is the end of text), so the states entering a cut are closed once more.
     */
    testPrefixes(input, cuts) {
        const { insts, seeds } = this;
        let cur = this.cur;
        let nxt = this.nxt;
        let curLen = 0;
        let seedLen = 0;
        let ci = 0;
        let pos = 0;
        this.matched = false;
        for (;;) {
            const before = pos === 0 ? -1 : input.charCodeAt(pos - 1);
            while (ci < cuts.length && cuts[ci] < pos)
                ci++;
            if (ci < cuts.length && cuts[ci] === pos) {
                this.gen++;
                let len = this.close(this.start, this.spare, 0, before, -1);
                for (let k = 0; k < seedLen; k++)
                    len = this.close(seeds[k], this.spare, len, before, -1);
                if (this.matched)
                    return true;
            }
            const cp = pos < input.length ? input.codePointAt(pos) : -1;
            // A match may start at any position: the start state joins the states already running.
            this.gen++;
            for (let k = 0; k < curLen; k++)
                this.mark[cur[k]] = this.gen;
            curLen = this.close(this.start, cur, curLen, before, cp);
            if (this.matched)
                return true;
            if (cp === -1)
                return false;
            const width = cp > 0xffff ? 2 : 1;
            const afterPos = pos + width;
            const after = afterPos < input.length ? input.charCodeAt(afterPos) : -1;
            this.gen++;
            let nxtLen = 0;
            seedLen = 0;
            for (let k = 0; k < curLen; k++) {
                const inst = insts[cur[k]];
                if (inst.op !== 'char' || !inst.test(cp))
                    continue;
                seeds[seedLen++] = inst.next;
                nxtLen = this.close(inst.next, nxt, nxtLen, cp, after);
                if (this.matched)
                    return true;
            }
            ;
            [cur, nxt] = [nxt, cur];
            curLen = nxtLen;
            pos = afterPos;
        }
    }
}

// EXTERNAL MODULE: ./src/util/error.ts
var error = __webpack_require__(7610);
;// CONCATENATED MODULE: ./src/context/goregexp.ts
/**
 * Compiles the Go (RE2) regular expressions that moby/patternmatcher builds from .dockerignore
 * patterns into matchers with the same meaning and Go's linear running time.
 *
 * Why a parser and not a pass-through: patternmatcher copies `[`, `]`, `^` and `\x` escapes
 * from the pattern into the regexp unchanged, so Go's syntax decides what they mean (`[!a]` is a
 * class of `!` and `a`, `\d` is a digit class, `[[:alpha:]]` a POSIX class, a lone `]` a literal,
 * `[z-a]` an error). JavaScript reads several of these differently, so the Go syntax is parsed
 * here (the subset regexp.Compile accepts with its Perl flags). And why not a JS RegExp: it
 * backtracks, and `**` / `*` patterns explode on deep or repetitive paths; the parsed expression
 * runs as an NFA instead (./nfa.ts). Pure: no I/O.
 */


/** A Go regexp the parser (like Go's regexp.Compile) rejects. */
class GoRegexpError extends error/* NamedError */.iK {
}
const MAX_RUNE = 0x10ffff;
// ASCII tables as Go's regexp/syntax defines them (perl_groups.go).
const PERL = {
    d: [[0x30, 0x39]],
    s: [
        [0x09, 0x0a],
        [0x0c, 0x0d],
        [0x20, 0x20]
    ],
    w: [
        [0x30, 0x39],
        [0x41, 0x5a],
        [0x5f, 0x5f],
        [0x61, 0x7a]
    ]
};
const POSIX = {
    alnum: [
        [0x30, 0x39],
        [0x41, 0x5a],
        [0x61, 0x7a]
    ],
    alpha: [
        [0x41, 0x5a],
        [0x61, 0x7a]
    ],
    ascii: [[0x00, 0x7f]],
    blank: [
        [0x09, 0x09],
        [0x20, 0x20]
    ],
    cntrl: [
        [0x00, 0x1f],
        [0x7f, 0x7f]
    ],
    digit: [[0x30, 0x39]],
    graph: [[0x21, 0x7e]],
    lower: [[0x61, 0x7a]],
    print: [[0x20, 0x7e]],
    punct: [
        [0x21, 0x2f],
        [0x3a, 0x40],
        [0x5b, 0x60],
        [0x7b, 0x7e]
    ],
    space: [
        [0x09, 0x0d],
        [0x20, 0x20]
    ],
    upper: [[0x41, 0x5a]],
    word: PERL.w,
    xdigit: [
        [0x30, 0x39],
        [0x41, 0x46],
        [0x61, 0x66]
    ]
};
const GENERAL_CATEGORIES = new Set('C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '));
function negate(ranges) {
    const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
    const out = [];
    let next = 0;
    for (const [lo, hi] of sorted) {
        if (lo > next)
            out.push([next, lo - 1]);
        next = Math.max(next, hi + 1);
    }
    if (next <= MAX_RUNE)
        out.push([next, MAX_RUNE]);
    return out;
}
function charClass(ranges, negated = false, props = []) {
    return { kind: 'class', ranges, props, negated };
}
const literal = (cp) => charClass([[cp, cp]]);
const assertion = (at) => ({ kind: 'assert', at });
/**
 * A Go Unicode class name as class members: `Any` as a range, general categories and scripts as
 * JS property escapes (`\p{Lu}`, `\P{Script=Greek}`).
 */
function unicodeClass(name, negated) {
    if (name === 'Any')
        return { ranges: negated ? [] : [[0, MAX_RUNE]], props: [] };
    const prop = GENERAL_CATEGORIES.has(name) ? name : `Script=${name}`;
    const out = `\\${negated ? 'P' : 'p'}{${prop}}`;
    try {
        new RegExp(out, 'u');
    }
    catch {
        throw new GoRegexpError(`invalid character class range: \\p{${name}}`);
    }
    return { ranges: [], props: [out] };
}
class Parser {
    i = 0;
    s;
    constructor(src) {
        this.s = Array.from(src, c => c.codePointAt(0) ?? 0);
    }
    peek(k = 0) {
        return this.s[this.i + k];
    }
    is(ch, k = 0) {
        return this.peek(k) === ch.codePointAt(0);
    }
    parse() {
        const out = this.sequence(0);
        if (this.i < this.s.length)
            throw new GoRegexpError('unexpected )');
        return out;
    }
    /** A concatenation (with alternation) up to `)` or the end. */
    sequence(depth) {
        const alts = [[]];
        let items = alts[0];
        let lastAtom = false;
        const done = () => alts.length === 1 ? concat(items) : { kind: 'alt', alts: alts.map(concat) };
        while (this.i < this.s.length) {
            const c = this.peek();
            const ch = String.fromCodePoint(c);
            if (ch === ')') {
                if (depth === 0)
                    throw new GoRegexpError('unexpected )');
                return done();
            }
            if (ch === '*' || ch === '+' || ch === '?') {
                if (!lastAtom)
                    throw new GoRegexpError(`missing argument to repetition operator: ${ch}`);
                this.i++;
                // Lazy `*?` matches the same strings as `*`; only `test` is asked.
                if (this.is('?'))
                    this.i++;
                if (this.is('*') || this.is('+') || this.is('?')) {
                    throw new GoRegexpError('invalid nested repetition operator');
                }
                items.push({ kind: 'repeat', op: ch, sub: items.pop() });
                lastAtom = false;
                continue;
            }
            if (ch === '|') {
                this.i++;
                items = [];
                alts.push(items);
                lastAtom = false;
                continue;
            }
            const atom = this.atom();
            items.push(atom.node);
            lastAtom = atom.quantifiable;
        }
        if (depth > 0)
            throw new GoRegexpError('missing closing )');
        return done();
    }
    atom() {
        const c = this.peek();
        const ch = String.fromCodePoint(c);
        switch (ch) {
            case '^':
                this.i++;
                return { node: assertion('begin'), quantifiable: false };
            case '$':
                this.i++;
                return { node: assertion('end'), quantifiable: false };
            case '.':
                // Go's `.` (no s flag) is any character but newline.
                this.i++;
                return { node: charClass([[0x0a, 0x0a]], true), quantifiable: true };
            case '(': {
                this.i++;
                if (this.is('?'))
                    throw new GoRegexpError('unsupported group flags');
                const inner = this.sequence(1);
                this.i++; // the `)`
                return { node: inner, quantifiable: true };
            }
            case '[':
                return { node: this.charClass(), quantifiable: true };
            case '\\':
                return this.escapeAtom();
            default:
                // Includes `{`: Go reads one that does not start a valid repeat as a literal, and
                // patternmatcher escapes it anyway.
                this.i++;
                return { node: literal(c), quantifiable: true };
        }
    }
    escapeAtom() {
        const next = this.peek(1);
        if (next === undefined)
            throw new GoRegexpError('trailing backslash at end of expression');
        const n = String.fromCodePoint(next);
        switch (n) {
            case 'A':
                this.i += 2;
                return { node: assertion('begin'), quantifiable: false };
            case 'z':
                this.i += 2;
                return { node: assertion('end'), quantifiable: false };
            case 'b':
                this.i += 2;
                return { node: assertion('wordBoundary'), quantifiable: false };
            case 'B':
                this.i += 2;
                return { node: assertion('notWordBoundary'), quantifiable: false };
            case 'Q': {
                this.i += 2;
                const items = [];
                while (this.i < this.s.length) {
                    if (this.is('\\') && this.is('E', 1)) {
                        this.i += 2;
                        break;
                    }
                    items.push(literal(this.peek()));
                    this.i++;
                }
                // A quantifier after `\Q..\E` applies to the whole quoted text, as before the NFA
                // (Go would apply it to the last character; patternmatcher never writes one there).
                return { node: concat(items), quantifiable: items.length > 0 };
            }
            case 'p':
            case 'P': {
                const { ranges, props } = this.unicodeEscape();
                return { node: charClass(ranges, false, props), quantifiable: true };
            }
            case 'd':
            case 's':
            case 'w':
                this.i += 2;
                return { node: charClass(PERL[n]), quantifiable: true };
            case 'D':
            case 'S':
            case 'W':
                this.i += 2;
                return { node: charClass(PERL[n.toLowerCase()], true), quantifiable: true };
            default:
                return { node: literal(this.escapedChar()), quantifiable: true };
        }
    }
    unicodeEscape() {
        const negatedEsc = this.is('P', 1);
        this.i += 2;
        let name;
        if (this.is('{')) {
            const close = this.s.indexOf(0x7d, this.i);
            if (close < 0)
                throw new GoRegexpError('invalid character class range');
            name = String.fromCodePoint(...this.s.slice(this.i + 1, close));
            this.i = close + 1;
        }
        else {
            const c = this.peek();
            if (c === undefined)
                throw new GoRegexpError('invalid character class range');
            name = String.fromCodePoint(c);
            this.i++;
        }
        let negated = negatedEsc;
        if (name.startsWith('^')) {
            negated = !negated;
            name = name.slice(1);
        }
        return unicodeClass(name, negated);
    }
    /** Go's parseEscape: one character from `\x`-style escapes; `this.i` is at the backslash. */
    escapedChar() {
        this.i++;
        const c = this.peek();
        if (c === undefined)
            throw new GoRegexpError('trailing backslash at end of expression');
        this.i++;
        const ch = String.fromCodePoint(c);
        const isOct = (x) => x !== undefined && x >= 0x30 && x <= 0x37;
        if (c < 0x80 && !/[A-Za-z0-9]/.test(ch))
            return c;
        if (ch >= '1' && ch <= '7' && !isOct(this.peek())) {
            throw new GoRegexpError(`invalid escape sequence: \\${ch}`);
        }
        if (ch >= '0' && ch <= '7') {
            let r = c - 0x30;
            for (let k = 1; k < 3 && isOct(this.peek()); k++) {
                r = r * 8 + (this.peek() - 0x30);
                this.i++;
            }
            return r;
        }
        if (ch === 'x')
            return this.hexEscape();
        const cEsc = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
        if (ch in cEsc)
            return cEsc[ch];
        throw new GoRegexpError(`invalid escape sequence: \\${ch}`);
    }
    hexEscape() {
        const hex = (x) => x !== undefined && /^[0-9A-Fa-f]$/.test(String.fromCodePoint(x));
        if (this.is('{')) {
            this.i++;
            let digits = '';
            while (hex(this.peek())) {
                digits += String.fromCodePoint(this.peek());
                this.i++;
            }
            if (!this.is('}') || digits === '' || parseInt(digits, 16) > MAX_RUNE) {
                throw new GoRegexpError('invalid escape sequence: \\x{');
            }
            this.i++;
            return parseInt(digits, 16);
        }
        if (!hex(this.peek()) || !hex(this.peek(1)))
            throw new GoRegexpError('invalid escape sequence: \\x');
        const v = parseInt(String.fromCodePoint(this.peek(), this.peek(1)), 16);
        this.i += 2;
        return v;
    }
    /** Go's parseClass, as explicit ranges plus Unicode property escapes. */
    charClass() {
        this.i++; // [
        let negated = false;
        if (this.is('^')) {
            negated = true;
            this.i++;
        }
        const ranges = [];
        const props = [];
        let first = true;
        while (first || !this.is(']')) {
            if (this.i >= this.s.length)
                throw new GoRegexpError('missing closing ]');
            first = false;
            // POSIX [:name:]: Go looks for the closing `:]` anywhere in the rest of the expression.
            if (this.is('[') && this.is(':', 1)) {
                const rest = this.s.slice(this.i + 2);
                let end = -1;
                for (let k = 0; k + 1 < rest.length; k++) {
                    if (rest[k] === 0x3a && rest[k + 1] === 0x5d) {
                        end = k;
                        break;
                    }
                }
                if (end >= 0) {
                    let name = String.fromCodePoint(...rest.slice(0, end));
                    let neg = false;
                    if (name.startsWith('^')) {
                        neg = true;
                        name = name.slice(1);
                    }
                    const group = Object.hasOwn(POSIX, name) ? POSIX[name] : undefined;
                    if (!group)
                        throw new GoRegexpError(`invalid character class range: [:${name}:]`);
                    ranges.push(...(neg ? negate(group) : group));
                    this.i += 2 + end + 2;
                    continue;
                }
            }
            if (this.is('\\') && (this.is('p', 1) || this.is('P', 1))) {
                const u = this.unicodeEscape();
                ranges.push(...u.ranges);
                props.push(...u.props);
                continue;
            }
            if (this.is('\\')) {
                const n = this.peek(1);
                const nc = n === undefined ? '' : String.fromCodePoint(n);
                if ('dswDSW'.includes(nc) && nc !== '') {
                    const g = PERL[nc.toLowerCase()];
                    ranges.push(...(nc === nc.toUpperCase() ? negate(g) : g));
                    this.i += 2;
                    continue;
                }
            }
            const lo = this.classChar();
            let hi = lo;
            if (this.is('-') && this.peek(1) !== undefined && !this.is(']', 1)) {
                this.i++;
                hi = this.classChar();
                if (hi < lo)
                    throw new GoRegexpError('invalid character class range');
            }
            ranges.push([lo, hi]);
        }
        this.i++; // ]
        return charClass(ranges, negated, props);
    }
    classChar() {
        const c = this.peek();
        if (c === undefined)
            throw new GoRegexpError('missing closing ]');
        if (c === 0x5c)
            return this.escapedChar();
        this.i++;
        return c;
    }
}
function concat(items) {
    return items.length === 1 ? items[0] : { kind: 'concat', items };
}
/** Parses a Go regexp (as patternmatcher writes it); throws GoRegexpError where Go would. */
function parseGoRegexp(source) {
    return new Parser(source).parse();
}
/** A Go regexp as a matcher whose `test` (an unanchored search) is linear in the input. */
function compileGoRegexp(source) {
    return new Nfa(parseGoRegexp(source));
}

;// CONCATENATED MODULE: ./src/context/ignore.ts
/**
 * .dockerignore with the semantics of current Docker: moby/patternmatcher (pattern compilation
 * and matching) and its ignorefile.ReadAll (file parsing), as BuildKit's fsutil walker uses them.
 * Not the 20.10 `fileutils` rules, which differ (see __tests__/fixtures/conformance).
 * Pure: no I/O.
 */


/** A malformed .dockerignore pattern; `file` and `line` say where it was written. */
class IgnoreSyntaxError extends error/* FreshBuildError */.nz {
    file;
    line;
    pattern;
    constructor(message, file, line, pattern) {
        super(`${file ?? '.dockerignore'}${line === null ? '' : `:${line}`}: ${message}`);
        this.file = file;
        this.line = line;
        this.pattern = pattern;
    }
}
// unicode.IsSpace, which Go's strings.TrimSpace uses (JS trim() differs: it trims U+FEFF, keeps U+0085).
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_SPACE = new RegExp(`^[${GO_SPACE}]+`);
const TRAILING_SPACE = new RegExp(`[${GO_SPACE}]+$`);
function goTrimSpace(s) {
    return s.replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '');
}
/** Go's filepath.Clean on a Unix path. */
function goClean(p) {
    if (p === '')
        return '.';
    const rooted = p.startsWith('/');
    const out = [];
    for (const el of p.split('/')) {
        if (el === '' || el === '.')
            continue;
        if (el === '..') {
            if (out.length > 0 && out[out.length - 1] !== '..')
                out.pop();
            else if (!rooted)
                out.push('..');
            continue;
        }
        out.push(el);
    }
    const joined = out.join('/');
    if (rooted)
        return `/${joined}`;
    return joined === '' ? '.' : joined;
}
/**
 * ignorefile.ReadAll: BOM stripped, `#` comments only at column 0, whitespace trimmed, paths
 * cleaned, one leading `/` dropped, `!` kept in front. Lines are split like bufio.ScanLines.
 */
function parseIgnoreFile(text) {
    const lines = text.split('\n');
    if (lines.length > 0 && lines[lines.length - 1] === '')
        lines.pop();
    const out = [];
    lines.forEach((raw, i) => {
        let pattern = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (i === 0 && pattern.startsWith('\ufeff'))
            pattern = pattern.slice(1);
        if (pattern.startsWith('#'))
            return;
        pattern = goTrimSpace(pattern);
        if (pattern === '')
            return;
        const invert = pattern.startsWith('!');
        if (invert)
            pattern = goTrimSpace(pattern.slice(1));
        if (pattern.length > 0) {
            pattern = goClean(pattern);
            if (pattern.length > 1 && pattern.startsWith('/'))
                pattern = pattern.slice(1);
        }
        out.push({ pattern: invert ? `!${pattern}` : pattern, line: i + 1 });
    });
    return out;
}
/**
 * Whether Go's filepath.Match accepts the pattern's syntax (patternmatcher.New calls
 * `filepath.Match(p, ".")` only for this). Every chunk is checked, as Match does before it
 * returns false. Note filepath.Match does not reject reversed ranges like `[z-a]`.
 */
function isValidGlob(pattern) {
    const s = Array.from(pattern);
    let i = 0;
    // getEsc: one range endpoint, possibly escaped; must be followed by more of the class.
    const esc = () => {
        if (i >= s.length || s[i] === '-' || s[i] === ']')
            return false;
        if (s[i] === '\\') {
            i++;
            if (i >= s.length)
                return false;
        }
        i++;
        return i < s.length;
    };
    while (i < s.length) {
        const c = s[i];
        if (c === '*' || c === '?') {
            i++;
        }
        else if (c === '[') {
            i++;
            if (s[i] === '^')
                i++;
            let nrange = 0;
            for (;;) {
                if (i < s.length && s[i] === ']' && nrange > 0) {
                    i++;
                    break;
                }
                if (!esc())
                    return false;
                if (s[i] === '-') {
                    i++;
                    if (!esc())
                        return false;
                }
                nrange++;
            }
        }
        else if (c === '\\') {
            i++;
            if (i >= s.length)
                return false;
            i++;
        }
        else {
            i++;
        }
    }
    return true;
}
// Characters patternmatcher escapes: regexp-special yet plain in filepath.Match. Not `^`.
const ESCAPED = new Set(['.', '+', '(', ')', '|', '{', '}', '$']);
/** patternmatcher's Pattern.compile with `/` as separator. */
function compileForm(cleaned) {
    const s = Array.from(cleaned);
    let re = '^';
    let type = 'exact';
    let pos = 0;
    for (let i = 0; pos < s.length; i++) {
        const ch = s[pos++];
        if (ch === '*') {
            if (s[pos] === '*') {
                pos++;
                if (s[pos] === '/')
                    pos++; // `**/` is treated as `**`
                if (pos >= s.length) {
                    if (type === 'exact')
                        type = 'prefix';
                    else {
                        re += '.*';
                        type = 'regexp';
                    }
                }
                else {
                    re += '(.*/)?';
                    type = 'regexp';
                }
                if (i === 0)
                    type = 'suffix';
            }
            else {
                re += '[^/]*';
                type = 'regexp';
            }
        }
        else if (ch === '?') {
            re += '[^/]';
            type = 'regexp';
        }
        else if (ESCAPED.has(ch)) {
            re += `\\${ch}`;
        }
        else if (ch === '\\') {
            if (pos < s.length) {
                re += `\\${s[pos++]}`;
                type = 'regexp';
            }
            else {
                re += '\\';
            }
        }
        else if (ch === '[' || ch === ']') {
            re += ch;
            type = 'regexp';
        }
        else {
            re += ch;
        }
    }
    return type === 'regexp'
        ? { matchType: type, regexp: `${re}$` }
        : { matchType: type, regexp: null };
}
/**
 * The parent directories patternmatcher checks for `path`, shortest first: the prefixes of
 * filepath.Dir(path) ("a", "a/b" for "a/b/c"); none for a top-level path.
 */
function parentDirs(path) {
    const slash = path.lastIndexOf('/');
    const dir = slash < 0 ? '.' : goClean(path.slice(0, slash + 1));
    if (dir === '.')
        return [];
    const parts = dir.split('/');
    return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}
const SLASH = 0x2f;
/**
 * Where parentDirs(path) cuts a clean relative path: the index of every `/`, so that the parents
 * are `path.slice(0, cut)`. Null for other paths (rooted, `a//b`, `./a`), whose parents are
 * cleaned and so not plain prefixes.
 */
function parentCuts(path) {
    if (path.startsWith('/') || goClean(path) !== path)
        return null;
    const cuts = [];
    for (let k = path.indexOf('/'); k >= 0; k = path.indexOf('/', k + 1))
        cuts.push(k);
    return cuts;
}
const GLOB_CHARS = /[*?[\]\\^]/;
/** A path that is not clean and relative: a `.` or `..` segment, `//`, a leading or trailing `/`. */
const UNCLEAN = /(^|\/)\.\.?(\/|$)|\/\/|^\/|\/$/;
class Matcher {
    file;
    patterns;
    /** Some pattern starts with `!`. */
    hasExclusions;
    regexps = new Map();
    /** Pattern evaluations so far (one pattern against one path and its parents): for tests. */
    evaluations = 0;
    /** Patterns by their leading literal segments; `unindexed` have none. See candidates(). */
    index = { children: new Map(), patterns: [] };
    unindexed = [];
    compiledAll = false;
    all = null;
    constructor(patterns, file) {
        this.file = file;
        this.patterns = patterns;
        this.hasExclusions = patterns.some(p => p.exclusion);
        patterns.forEach((p, i) => {
            const segs = p.text.split('/');
            let node = this.index;
            let k = 0;
            for (const seg of segs) {
                if (seg === '' || seg === '.' || seg === '..' || GLOB_CHARS.test(seg))
                    break;
                let next = node.children.get(seg);
                if (!next)
                    node.children.set(seg, (next = { children: new Map(), patterns: [] }));
                node = next;
                k++;
            }
            if (k === 0)
                this.unindexed.push(i);
            else
                node.patterns.push(i);
        });
    }
    /**
     * The patterns that can match `path` or one of its parents, in file order. A pattern's leading
     * segments without a special character must be the leading segments of whatever it matches
     * (nothing in a glob can produce or skip a literal segment before the first special one), so a
     * path is tried only against the patterns indexed under its own leading segments, plus those
     * that start with a special segment. With a 10,000-line ignore file of paths this is a few
     * patterns per path instead of all of them; Docker tries every pattern on every path.
     */
    candidates(path) {
        this.compileAllOnce();
        // parentDirs cleans a path such as `x/../a/b` (its parents include `a`): no index for those.
        if (UNCLEAN.test(path))
            return (this.all ??= this.patterns.map((_, i) => i));
        const lists = [this.unindexed];
        let node = this.index;
        let from = 0;
        while (node !== undefined && from <= path.length) {
            const slash = path.indexOf('/', from);
            const seg = path.slice(from, slash < 0 ? path.length : slash);
            node = node.children.get(seg);
            if (node && node.patterns.length > 0)
                lists.push(node.patterns);
            if (slash < 0)
                break;
            from = slash + 1;
        }
        if (lists.length === 1)
            return this.unindexed;
        return lists.flat().sort((a, b) => a - b);
    }
    /**
     * Go compiles a pattern on its first evaluation, which for nearly every pattern is the first
     * path walked: a pattern Go's regexp rejects fails the walk even when no path could reach it,
     * so every regexp pattern is compiled at the first match, in file order.
     */
    compileAllOnce() {
        if (this.compiledAll)
            return;
        this.compiledAll = true;
        this.patterns.forEach((p, i) => {
            if (p.form.matchType === 'regexp')
                this.regexp(i);
        });
    }
    /**
     * One pattern against one path, no parent logic. The regexp is compiled on first use, as Go
     * does, so a pattern that Go's regexp rejects (`[z-a]`) fails when it is first evaluated.
     */
    matchOne(index, path) {
        const p = this.patterns[index];
        switch (p.form.matchType) {
            case 'exact':
                return path === p.text;
            case 'prefix':
                return path.startsWith(p.text.slice(0, -2));
            case 'suffix': {
                const suffix = p.text.slice(2);
                return path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
            }
            case 'regexp':
                return this.regexp(index).test(path);
        }
    }
    regexp(index) {
        let re = this.regexps.get(index);
        if (!re) {
            const p = this.patterns[index];
            try {
                re = compileGoRegexp(p.form.regexp ?? '');
            }
            catch (e) {
                const why = e instanceof GoRegexpError ? ` (${e.message})` : '';
                throw new IgnoreSyntaxError(`syntax error in pattern "${p.text}"${why}`, this.file, p.line, p.text);
            }
            this.regexps.set(index, re);
        }
        return re;
    }
    /**
     * One pattern against `path` or any of its parent directories. For a clean relative path the
     * parents are the prefixes that end before each `/`, judged in one pass over the path rather
     * than one pass per parent (quadratic in the depth); other paths take parentDirs literally.
     */
    matchOneOrParents(index, path, cuts) {
        if (cuts === null)
            return this.matchOne(index, path) || parentDirs(path).some(d => this.matchOne(index, d));
        const p = this.patterns[index];
        switch (p.form.matchType) {
            case 'regexp':
                return this.regexp(index).testPrefixes(path, cuts);
            case 'exact':
                return (this.matchOne(index, path) ||
                    (path.startsWith(p.text) && path.charCodeAt(p.text.length) === SLASH));
            case 'prefix': {
                const prefix = p.text.slice(0, -2);
                return (this.matchOne(index, path) ||
                    (cuts.length > 0 && prefix.length <= cuts[cuts.length - 1] && path.startsWith(prefix)));
            }
            case 'suffix': {
                const suffix = p.text.slice(2);
                const bare = suffix.startsWith('/') ? suffix.slice(1) : null;
                return (this.matchOne(index, path) ||
                    cuts.some(c => (c >= suffix.length && path.startsWith(suffix, c - suffix.length)) ||
                        (bare !== null && c === bare.length && path.startsWith(bare))));
            }
        }
    }
    /**
     * patternmatcher.MatchesOrParentMatches: is `path` excluded, judging the path and each of its
     * parent directories against every pattern, last match winning.
     */
    matchesOrParentMatches(path) {
        let matched = false;
        const cuts = parentCuts(path);
        for (const i of this.candidates(path)) {
            const p = this.patterns[i];
            if (p.exclusion !== matched)
                continue;
            this.evaluations++;
            if (this.matchOneOrParents(i, path, cuts))
                matched = !p.exclusion;
        }
        return matched;
    }
    /**
     * patternmatcher.MatchesUsingParentResults, what the BuildKit walker calls: a pattern that
     * matched the parent directory counts as matching here; without parent info (top level, or a
     * lone path) the parent directories are checked as in matchesOrParentMatches.
     */
    match(path, parent) {
        const inherited = parent?.parentMatched ?? [];
        const withParents = parent === undefined;
        const cuts = withParents ? parentCuts(path) : null;
        // Sparse: only matched patterns are set (a hole reads as false). A pattern that matched the
        // parent is a candidate here too (same leading segments), so nothing inherited is skipped.
        const info = [];
        let matched = false;
        for (const i of this.candidates(path)) {
            const p = this.patterns[i];
            let m = inherited[i] ?? false;
            if (!m) {
                if (p.exclusion !== matched)
                    continue;
                this.evaluations++;
                m = withParents ? this.matchOneOrParents(i, path, cuts) : this.matchOne(i, path);
            }
            if (m) {
                info[i] = true;
                matched = !p.exclusion;
            }
        }
        return { excluded: matched, info: { parentMatched: info } };
    }
    /** Shorthand for walks that track only the result. */
    excluded(path, parent) {
        return this.match(path, parent).excluded;
    }
    /**
     * Whether some `!` exception could re-include anything strictly below the excluded directory
     * `dir`. When not, the directory need not be read at all. Below an excluded directory a path is
     * re-included only by an exception that matches a path under `dir` on its own (the parent
     * results carry the exclusion down), so this asks, per exception, whether it can match any
     * `dir/...` path. Conservative: true when unsure.
     */
    exceptionMayMatchUnder(dir) {
        if (!this.hasExclusions)
            return false;
        const dirSlash = `${dir}/`;
        const compatible = (prefix) => prefix.startsWith(dirSlash) || dirSlash.startsWith(prefix);
        return this.patterns.some(p => {
            if (!p.exclusion)
                return false;
            switch (p.form.matchType) {
                case 'exact':
                    return p.text.startsWith(dirSlash);
                case 'prefix':
                    return compatible(p.text.slice(0, -2));
                case 'suffix':
                    return true;
                case 'regexp':
                    return this.regexpMayMatchUnder(p, dirSlash);
            }
        });
    }
    regexpMayMatchUnder(p, dirSlash) {
        // Classes can match `/` (`[^a]` does), `**` spans levels and `\` escapes read as Go regexp:
        // for those, only the literal text before the first special character can rule a dir out.
        const special = p.text.search(GLOB_CHARS);
        const literal = special < 0 ? p.text : p.text.slice(0, special);
        if (!(literal.startsWith(dirSlash) || dirSlash.startsWith(literal)))
            return false;
        if (/[[\]\\^]|\*\*/.test(p.text))
            return true;
        // Only `*` and `?` remain, neither crosses `/`: the pattern has a fixed number of segments,
        // and must be deeper than `dir` with its leading segments matching dir's.
        const segs = p.text.split('/');
        const dirSegs = dirSlash.slice(0, -1).split('/');
        if (segs.length <= dirSegs.length)
            return false;
        const head = compileForm(segs.slice(0, dirSegs.length).join('/'));
        const dirPath = dirSegs.join('/');
        if (head.regexp === null)
            return head.matchType !== 'exact' || dirPath === segs.slice(0, dirSegs.length).join('/');
        try {
            return compileGoRegexp(head.regexp).test(dirPath);
        }
        catch {
            return true;
        }
    }
}
/**
 * patternmatcher.New: trims and cleans each pattern, drops empty ones, takes a leading `!` as an
 * exception, and rejects what filepath.Match would reject. Lines come from `parseIgnoreFile`
 * (or are the 1-based positions of plain strings); `file` names the source in errors.
 */
function compilePatterns(patterns, file = null) {
    const out = [];
    patterns.forEach((entry, idx) => {
        const line = typeof entry === 'string' ? idx + 1 : entry.line;
        let p = goTrimSpace(typeof entry === 'string' ? entry : entry.pattern);
        if (p === '')
            return;
        p = goClean(p);
        let exclusion = false;
        if (p.startsWith('!')) {
            if (p.length === 1)
                throw new IgnoreSyntaxError('illegal exclusion pattern: "!"', file, line, p);
            exclusion = true;
            p = p.slice(1);
        }
        if (!isValidGlob(p))
            throw new IgnoreSyntaxError(`syntax error in pattern "${p}"`, file, line, p);
        out.push({ text: p, exclusion, line, form: compileForm(p) });
    });
    return new Matcher(out, file);
}

;// CONCATENATED MODULE: ./src/context/walk.ts









/** A context that cannot be read; `path` is the file or directory at fault. */
class ContextError extends error/* FreshBuildError */.nz {
    path;
    code;
    constructor(message, path, code = null) {
        super(message);
        this.path = path;
        this.code = code;
    }
}
// Synchronous calls behind the async interface: a libuv round trip costs ~20us of main-thread
// time per call, ten times a cached lstat, and dominated the walk of a 20k-file tree
// (docs/benchmarks.md). Errors still surface as rejections, which the walker handles.
// Paths are name strings (util/bytes-path.ts): fsPath gives fs the bytes when a name needs it.
const nodeFs = {
    readdir: async (p) => (0,external_node_fs_.readdirSync)((0,bytes_path/* fsPath */.Jk)(p), { withFileTypes: true, encoding: 'buffer' }),
    lstat: async (p) => (0,external_node_fs_.lstatSync)((0,bytes_path/* fsPath */.Jk)(p)),
    readlink: async (p) => (0,bytes_path/* nameFromBytes */.Dj)((0,external_node_fs_.readlinkSync)((0,bytes_path/* fsPath */.Jk)(p), { encoding: 'buffer' }))
};
function fail(what, path, e) {
    return new ContextError(`${what} ${path}: ${(0,errno/* errnoReason */.bs)(e, error/* thrownMessage */.U4)}`, path, (0,errno/* errCode */.tm)(e) ?? null);
}
async function isFile(p) {
    try {
        return (await (0,promises_.stat)(p)).isFile();
    }
    catch (e) {
        if ((0,errno/* errCode */.tm)(e) === 'ENOENT' || (0,errno/* errCode */.tm)(e) === 'ENOTDIR')
            return false;
        throw fail('cannot read ignore file', p, e);
    }
}
/**
 * BuildKit's choice of ignore file: `<Dockerfile path>.dockerignore` when it exists, else
 * `<context>/.dockerignore`, else none.
 */
async function findIgnoreFile(root, dockerfile) {
    if (dockerfile !== undefined) {
        const specific = `${(0,external_node_path_.resolve)(dockerfile)}.dockerignore`;
        if (await isFile(specific))
            return specific;
    }
    const common = (0,external_node_path_.join)((0,external_node_path_.resolve)(root), '.dockerignore');
    return (await isFile(common)) ? common : null;
}
async function readIgnore(root, dockerfile) {
    const file = await findIgnoreFile(root, dockerfile);
    if (file === null)
        return { file, lines: [] };
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (e) {
        throw fail('cannot read ignore file', file, e);
    }
    return { file, lines: parseIgnoreFile(text) };
}
async function resolveRoot(root) {
    const abs = (0,external_node_path_.resolve)(root);
    let real;
    try {
        real = await (0,promises_.realpath)(abs);
    }
    catch (e) {
        if ((0,errno/* errCode */.tm)(e) === 'ENOENT')
            throw new ContextError(`build context not found: ${abs}`, abs, 'ENOENT');
        throw fail('cannot read build context', abs, e);
    }
    const st = await (0,promises_.stat)(real).catch((e) => {
        throw fail('cannot read build context', abs, e);
    });
    if (!st.isDirectory())
        throw new ContextError(`build context is not a directory: ${abs}`, abs, 'ENOTDIR');
    return real;
}
class Walker {
    fs;
    matcher;
    constructor(fs, matcher) {
        this.fs = fs;
        this.matcher = matcher;
    }
    /**
     * Appends the entries below `absDir` to `out` and returns how many; `excluded` says the
     * directory itself is excluded (walked for exceptions). Sequential, like fsutil's walker: with
     * the synchronous default fs, a promise per entry and per directory only fed the garbage
     * collector (the walk of a 20k-file tree went from ~600 ms to ~150 ms). Order is irrelevant:
     * scanContext sorts.
     */
    async walk(absDir, relDir, info, excluded, out) {
        let dirents;
        try {
            dirents = await this.fs.readdir(absDir);
        }
        catch (e) {
            // fsutil ignores permission errors inside excluded directories, and vanished ones anywhere.
            const code = (0,errno/* errCode */.tm)(e);
            if (excluded && (code === 'EACCES' || code === 'EPERM'))
                return 0;
            if (code === 'ENOENT' && relDir !== '')
                return 0;
            throw fail('cannot read directory', absDir, e);
        }
        const before = out.length;
        for (const d of dirents) {
            const name = typeof d.name === 'string' ? d.name : (0,bytes_path/* nameFromBytes */.Dj)(d.name);
            const rel = relDir === '' ? name : `${relDir}/${name}`;
            const abs = (0,external_node_path_.join)(absDir, name);
            const isDir = d.isDirectory();
            const m = this.matcher.match(rel, info);
            if (m.excluded) {
                if (!isDir || !this.matcher.exceptionMayMatchUnder(rel))
                    continue;
                // An excluded directory is sent only for what is re-included below it.
                if ((await this.walk(abs, rel, m.info, true, out)) === 0)
                    continue;
                const self = await this.entry(abs, rel);
                if (self)
                    out.push(self);
                continue;
            }
            const self = await this.entry(abs, rel);
            if (!self)
                continue;
            out.push(self);
            if (self.entry.type === 'dir')
                await this.walk(abs, rel, m.info, false, out);
        }
        return out.length - before;
    }
    async entry(abs, rel) {
        let st;
        try {
            st = await this.fs.lstat(abs);
        }
        catch (e) {
            // Listed a moment ago: gone now is a change under the walk, named, never skipped silently.
            throw fail('cannot stat', abs, e);
        }
        const mode = st.mode & 0o7777;
        const fileStat = {
            size: st.size,
            mode,
            ino: st.ino,
            dev: st.dev,
            ctimeMs: st.ctimeMs,
            mtimeMs: st.mtimeMs
        };
        if (st.isDirectory())
            return { abs, stat: null, entry: { path: rel, type: 'dir', mode, size: 0 } };
        if (st.isSymbolicLink()) {
            let target;
            try {
                target = await this.fs.readlink(abs);
            }
            catch (e) {
                throw fail('cannot read symlink', abs, e);
            }
            const entry = { path: rel, type: 'symlink', mode, size: 0, linkTarget: target };
            // The target's bytes, as Docker sends them.
            entry.digest = (0,digest/* digestBytes */.QN)((0,bytes_path/* pathToBytes */.iJ)(target));
            return { abs, stat: null, entry };
        }
        if (st.isFile())
            return { abs, stat: fileStat, entry: { path: rel, type: 'file', mode, size: st.size } };
        if (st.isFIFO())
            return null;
        // Sockets and devices land in the image as empty files; never open them.
        return {
            abs,
            stat: null,
            entry: { path: rel, type: 'file', mode, size: 0, digest: (0,digest/* digestString */.yS)('') }
        };
    }
}
/**
 * Every entry Docker would send for the context at `root`, with digests, sorted by path bytes.
 * Throws ContextError (unreadable or missing paths) or IgnoreSyntaxError (bad ignore pattern).
 */
async function scanContext(root, opts = {}) {
    const realRoot = await resolveRoot(root);
    const ignore = await readIgnore(root, opts.dockerfile);
    const matcher = compilePatterns(ignore.lines, ignore.file);
    const concurrency = opts.concurrency ?? (0,digest/* defaultConcurrency */.PV)();
    const fs = { ...nodeFs, ...opts.fs };
    const found = [];
    await new Walker(fs, matcher).walk(realRoot, '', undefined, false, found);
    const digester = opts.digester ?? new digest/* StreamDigester */.Uc();
    const files = found.filter(f => f.stat !== null);
    let digests;
    try {
        digests = await (0,digest/* digestAll */.aU)(digester, files.map(f => ({ absPath: f.abs, stat: f.stat })), concurrency);
    }
    catch (e) {
        if (e instanceof pool/* DigestFailure */.hw)
            throw fail('cannot read file', e.path, e.cause);
        throw e;
    }
    for (let i = 0; i < files.length; i++)
        files[i].entry.digest = digests[i];
    // Sort on precomputed UTF-8 keys: the same order as compareBytes, without re-encoding per compare.
    const keyed = found.map(f => ({ key: (0,bytes_path/* pathToBytes */.iJ)(f.entry.path), entry: f.entry }));
    keyed.sort((a, b) => Buffer.compare(a.key, b.key));
    return {
        root: (0,external_node_path_.resolve)(root),
        ignoreFile: ignore.file,
        ignorePatterns: ignore.lines.map(l => l.pattern),
        entries: keyed.map(k => k.entry)
    };
}


/***/ }),

/***/ 7890:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mM: () => (/* binding */ buildxWarnings)
/* harmony export */ });
/* unused harmony exports parseBuildxInspect, builderWarnings */
/** Parses `docker buildx inspect` text; unknown lines are ignored. */
function parseBuildxInspect(text) {
    let name = null;
    let driver = null;
    const endpoints = [];
    let inNodes = false;
    for (const raw of text.split(/\r?\n/)) {
        if (/^Nodes:\s*$/.test(raw)) {
            inNodes = true;
            continue;
        }
        const m = /^([A-Za-z][A-Za-z ]*):\s*(.*)$/.exec(raw);
        if (!m)
            continue;
        const [, key, value] = m;
        if (!inNodes && key === 'Name')
            name = value.trim() || null;
        else if (!inNodes && key === 'Driver')
            driver = value.trim() || null;
        else if (inNodes && key === 'Endpoint')
            endpoints.push(value.trim());
    }
    return { name, driver, endpoints };
}
/** Drivers whose BuildKit (and so its cache) lives outside the docker daemon's image store. */
const OWN_BUILDKIT = new Set(['docker-container', 'kubernetes', 'remote']);
/** Warnings about a builder: where its cache lives and how long it lives. */
function builderWarnings(b) {
    if (b.driver === null || !OWN_BUILDKIT.has(b.driver))
        return [];
    const name = b.name ?? 'the current builder';
    const out = [
        `buildx builder ${name} uses the ${b.driver} driver: its cache lives in its own BuildKit, which fresh-build prunes and whose image is loaded into the daemon (--load) to be proven`
    ];
    if (b.driver === 'docker-container') {
        out.push(`buildx builder ${name} is a docker-container builder as docker/setup-buildx-action creates it, removed after the job: each job starts with an empty cache, so only cache-from imports can serve old layers; keep a builder (or a self-hosted runner) to reuse the cache between runs`);
    }
    return out;
}
/** Asks buildx about the builder (`--builder` or the current one); no warnings when it cannot. */
async function buildxWarnings(exec, builder) {
    const r = await exec(['buildx', 'inspect', ...(builder ? [builder] : [])]).catch(() => null);
    if (!r || r.code !== 0)
        return [];
    return builderWarnings(parseBuildxInspect(r.stdout));
}


/***/ }),

/***/ 4565:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  c8: () => (/* reexport */ BUILD_LOG_MAGIC),
  $k: () => (/* reexport */ buildLogPathFor),
  gx: () => (/* reexport */ prune/* clearCommands */.gx),
  h4: () => (/* reexport */ builder/* detectBuilder */.h4),
  _n: () => (/* reexport */ docker_exec/* dockerClient */._n),
  SW: () => (/* reexport */ docker_exec/* dockerExec */.SW),
  mm: () => (/* reexport */ inspectImage),
  D8: () => (/* reexport */ layerForStep),
  R3: () => (/* reexport */ prune/* prune */.R3),
  LW: () => (/* reexport */ prune/* pruneImpliesNoCache */.LW),
  w$: () => (/* reexport */ readOnBuild),
  QX: () => (/* reexport */ readWantedLayers),
  eF: () => (/* reexport */ docker_exec/* run */.eF),
  cM: () => (/* reexport */ runBuild),
  uf: () => (/* reexport */ prune/* runPrune */.uf),
  me: () => (/* reexport */ stageBaseLength)
});

// UNUSED EXPORTS: BUILD_CACHE_ARGV, DEFAULT_DOCKER_TIMEOUT_S, DockerError, LayerScan, NON_CACHEMOUNT_TYPES, PRUNE_FILTER_KEYS, TarWalker, buildCommand, builderWarnings, buildxWarnings, chainIds, classifyBuilder, classifyHistory, commandError, commandLabel, diffDirEntry, dockerTimeoutMs, historyIndexForStep, historyKeyword, imageIdFromLog, lastErrorLine, layerDiffDir, listLocalSources, normalizeLayerPath, overlayDataRoot, parseBuildxInspect, parseConfigHistory, parseHistoryLines, parseHumanSize, parseImageInspect, parseLocalSources, parseReclaimed, parseVersion, parseVersionJson, pruneCommands, pruneNote, readImageConfig, readLayerEntries, runOrThrow, sameUse, scanLayer, usedBetween, walkImageSave

// EXTERNAL MODULE: ./src/docker/exec.ts + 1 modules
var docker_exec = __webpack_require__(4177);
// EXTERNAL MODULE: ./src/docker/builder.ts
var builder = __webpack_require__(9683);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/docker/build.ts
/**
 * `docker build` for each builder kind: a pure argv builder, and a thin runner that streams
 * the log live while keeping all of it in a file (logs can be far larger than memory allows).
 */






/** Pure: the exact argv (without the docker binary) and env for a build. */
function buildCommand(kind, opts) {
    const f = opts.flags ?? {};
    const argv = kind === 'buildx' ? ['buildx', 'build'] : ['build'];
    // The builder goes first: `--builder` selects the instance every later flag is read against.
    if (kind === 'buildx' && f.builder)
        argv.push('--builder', f.builder);
    if (kind === 'buildx')
        argv.push('--load');
    if (kind !== 'legacy')
        argv.push(`--progress=${opts.progress ?? 'plain'}`);
    if (opts.file !== undefined)
        argv.push('--file', opts.file);
    for (const t of opts.tags)
        argv.push('--tag', t);
    for (const [k, v] of Object.entries(opts.buildArgs))
        argv.push('--build-arg', `${k}=${v}`);
    for (const [k, v] of Object.entries(opts.labels))
        argv.push('--label', `${k}=${v}`);
    for (const c of opts.cacheFrom)
        argv.push('--cache-from', c);
    if (opts.target !== undefined)
        argv.push('--target', opts.target);
    if (opts.noCache)
        argv.push('--no-cache');
    for (const n of f.noCacheFilters ?? [])
        argv.push('--no-cache-filter', n);
    if (f.pull)
        argv.push('--pull');
    for (const s of f.secrets ?? [])
        argv.push('--secret', `id=${s.id},src=${s.src}`);
    for (const s of f.ssh ?? [])
        argv.push('--ssh', s);
    if (f.network)
        argv.push('--network', f.network);
    for (const h of f.addHosts ?? [])
        argv.push('--add-host', h);
    if (f.shmSize)
        argv.push('--shm-size', f.shmSize);
    for (const u of f.ulimits ?? [])
        argv.push('--ulimit', u);
    if (f.platforms && f.platforms.length > 0)
        argv.push('--platform', f.platforms.join(','));
    for (const [name, dir] of Object.entries(f.buildContexts ?? {})) {
        argv.push('--build-context', `${name}=${dir}`);
    }
    if (kind === 'buildx' && f.metadataFile)
        argv.push('--metadata-file', f.metadataFile);
    if (opts.iidFile !== undefined)
        argv.push('--iidfile', opts.iidFile);
    argv.push(opts.context);
    // Pin the builder explicitly: an inherited DOCKER_BUILDKIT must not switch it under us.
    const env = kind === 'buildkit'
        ? { DOCKER_BUILDKIT: '1' }
        : kind === 'legacy'
            ? { DOCKER_BUILDKIT: '0' }
            : {};
    return { argv, env };
}
/** The image id a build log names at its end (BuildKit `writing image`, legacy `Successfully built`). */
function imageIdFromLog(text) {
    const bk = [...text.matchAll(/writing image (sha256:[0-9a-f]{64})/g)].pop();
    if (bk)
        return bk[1];
    const legacy = [...text.matchAll(/^Successfully built ([0-9a-f]{12,64})\s*$/gm)].pop();
    return legacy ? legacy[1] : null;
}
/** The kept log's first line: `clear` deletes a `<state>.build.log` only when it starts so. */
const BUILD_LOG_MAGIC = '# fresh-build build log v1';
/** Where the last build's log is kept: beside its record. */
function buildLogPathFor(recordPath) {
    return `${recordPath}.build.log`;
}
/**
 * The kept log is written to a new temp file beside it (O_EXCL | O_NOFOLLOW, 0600: a symlink
 * planted at either name is never followed) and renamed over the old log at the end, which
 * replaces whatever entry is there rather than writing through it.
 */
class KeptLog {
    path;
    tmp;
    out;
    error = null;
    constructor(path, tmp, out) {
        this.path = path;
        this.tmp = tmp;
        this.out = out;
        // A failing log file (ENOSPC, EACCES) must not crash the process or stop the build.
        out.on('error', e => {
            this.error ??= e.message;
        });
    }
    static async create(path) {
        const tmp = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.${(0,external_node_path_.basename)(path)}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`);
        const flags = external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | external_node_fs_.constants.O_NOFOLLOW;
        try {
            const fh = await (0,promises_.open)(tmp, flags, 0o600);
            const log = new KeptLog(path, tmp, fh.createWriteStream());
            log.write(BUILD_LOG_MAGIC);
            return log;
        }
        catch (e) {
            return e instanceof Error ? e.message : String(e);
        }
    }
    write(line) {
        if (this.error === null)
            this.out.write(`${line}\n`);
    }
    /** Closes and moves the log into place; the temp file never stays behind. */
    async finish() {
        await new Promise(done => this.out.end(() => done()));
        if (this.error === null) {
            try {
                await (0,promises_.rename)(this.tmp, this.path);
                return;
            }
            catch (e) {
                this.error = e instanceof Error ? e.message : String(e);
            }
        }
        await (0,promises_.unlink)(this.tmp).catch(() => undefined);
    }
}
/**
 * Runs the build, streaming lines to `onLine` (and to `logPath` when given). The temp directory
 * for the image id file is always removed: builds must leave nothing behind.
 */
async function runBuild(exec, kind, opts, run = {}) {
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'fb-build-'));
    try {
        const iidFile = opts.iidFile ?? (0,external_node_path_.join)(dir, 'iid');
        // BuildKit keys the context-sync record (source.local) on the context argument as typed: every
        // `docker build .` on a host shares one record, whatever the directory (measured on 20.10), so
        // a same-size, same-mtime file of another project can be served. An absolute path isolates it.
        const context = (0,external_node_path_.isAbsolute)(opts.context) || /^[a-z]+:\/\/|^-$/.test(opts.context)
            ? opts.context
            : (0,external_node_path_.resolve)(opts.context);
        const metadataFile = kind === 'buildx' ? (0,external_node_path_.join)(dir, 'metadata.json') : undefined;
        const flags = metadataFile ? { ...opts.flags, metadataFile } : opts.flags;
        const cmd = buildCommand(kind, { ...opts, context, iidFile, ...(flags ? { flags } : {}) });
        run.onCommand?.(cmd.argv, cmd.env);
        const kept = run.logPath ? await KeptLog.create(run.logPath) : null;
        const log = kept instanceof KeptLog ? kept : null;
        const redact = run.redact ?? ((line) => line);
        let result;
        try {
            result = await exec(cmd.argv, {
                env: cmd.env,
                signal: run.signal,
                // A RUN step may print nothing for an hour: only the build's own bound applies.
                idleTimeoutMs: Infinity,
                ...(run.timeoutMs !== undefined ? { timeoutMs: run.timeoutMs } : {}),
                // Only the tail is held in memory, for the error line and the image id fallback.
                maxCapture: 256 * 1024,
                onLine: (line, stream) => {
                    // The kept log is redacted here; the caller gets the raw line (it parses it, and
                    // redacts what it prints).
                    log?.write(redact(line));
                    run.onLine?.(line, stream);
                }
            });
        }
        finally {
            await log?.finish();
        }
        const logError = typeof kept === 'string' ? kept : (log?.error ?? null);
        let imageId = null;
        if (result.code === 0) {
            imageId = (await (0,promises_.readFile)(iidFile, 'utf8').catch(() => '')).trim() || null;
            imageId ??= imageIdFromLog(result.stdout + '\n' + result.stderr);
        }
        const metadata = metadataFile ? await readMetadata(metadataFile) : null;
        return {
            code: result.code,
            logPath: run.logPath && logError === null ? run.logPath : null,
            logError,
            imageId,
            error: result.code === 0 ? null : redact((0,docker_exec/* lastErrorLine */.HY)(result)),
            metadata
        };
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}
/** buildx's metadata file as an object; null when missing or not a JSON object. */
async function readMetadata(path) {
    try {
        const doc = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
        return typeof doc === 'object' && doc !== null && !Array.isArray(doc)
            ? doc
            : null;
    }
    catch {
        return null;
    }
}

// EXTERNAL MODULE: ./src/docker/prune.ts
var prune = __webpack_require__(6600);
// EXTERNAL MODULE: ./src/docker/save.ts
var save = __webpack_require__(2751);
// EXTERNAL MODULE: ./src/docker/units.ts
var units = __webpack_require__(4735);
;// CONCATENATED MODULE: ./src/docker/image.ts
/**
 * What an image is made of: id, labels, layer diffIds and the history that says which
 * instruction wrote which layer.
 *
 * Measured on Docker 20.10 (BuildKit and the legacy builder of a 28.x client):
 * - `docker image inspect` has no history; the image config (inside `docker save`) has it with
 *   `empty_layer` flags. `docker history` has the entries but no flags, only sizes.
 * - Every instruction after FROM writes exactly one history entry, with both builders, and a
 *   stage built FROM an earlier stage continues that stage's history. So instruction `i` of a
 *   stage (FROM = 1) is entry `baseHistoryLength + i - 2`.
 * - BuildKit: COPY, ADD, RUN and WORKDIR always write a layer (WORKDIR an empty one when the dir
 *   exists); every other instruction is an empty_layer entry.
 * - Legacy: COPY/ADD always write a layer; RUN and WORKDIR only when they changed something (an
 *   unchanged `RUN true` or a repeated WORKDIR is empty_layer). `docker history` shows both as
 *   0B, so those need the config (read from `docker save`) when the count does not settle it.
 */



/** Parses `docker image inspect --format '{{json .}}'` (or the array form). */
function parseImageInspect(text) {
    let v;
    try {
        v = JSON.parse(text);
    }
    catch {
        throw new docker_exec/* DockerError */.Bi('docker image inspect: unreadable output');
    }
    const img = Array.isArray(v) ? v[0] : v;
    if (!img?.Id)
        throw new docker_exec/* DockerError */.Bi('docker image inspect: no image id in output');
    return {
        id: img.Id,
        labels: img.Config?.Labels ?? {},
        created: img.Created ?? '',
        diffIds: img.RootFS?.Layers ?? [],
        graphDriver: graphDriverOf(img.GraphDriver)
    };
}
function graphDriverOf(gd) {
    if (!gd || typeof gd.Name !== 'string')
        return null;
    const data = {};
    if (typeof gd.Data === 'object' && gd.Data !== null) {
        for (const [k, v] of Object.entries(gd.Data))
            if (typeof v === 'string')
                data[k] = v;
    }
    return { name: gd.Name, data };
}
/** Parses `docker history` JSON lines (newest first) into oldest-first entries. */
function parseHistoryLines(text) {
    const out = [];
    for (const line of text.split('\n')) {
        if (!line.trim().startsWith('{'))
            continue;
        const v = JSON.parse(line);
        out.push({
            createdBy: v.CreatedBy ?? '',
            comment: v.Comment ?? '',
            size: (0,units/* parseHumanSize */.y)(v.Size ?? '')
        });
    }
    return out.reverse();
}
/** The Dockerfile keyword of a history entry (`COPY`, `RUN`, ...), for either builder; null if none. */
function historyKeyword(createdBy) {
    const nop = /#\(nop\)\s+([A-Z]+)\b/.exec(createdBy);
    if (nop)
        return nop[1];
    if (createdBy.endsWith(' # buildkit') || /^[A-Z]+\s/.test(createdBy)) {
        const m = /^([A-Z]+)\b/.exec(createdBy);
        if (m)
            return m[1];
    }
    // Legacy RUN entries are the bare command: `/bin/sh -c ...` or `|1 A=b /bin/sh -c ...`.
    if (/^(\|\d+ .*)?\/bin\/sh -c /.test(createdBy) || createdBy.startsWith('|'))
        return 'RUN';
    return null;
}
function guess(raw) {
    const kw = historyKeyword(raw.createdBy);
    const sized = raw.size !== null && raw.size > 0 ? 'layer' : 'unknown';
    if (raw.comment === 'buildkit.dockerfile.v0' && kw !== null) {
        return ['COPY', 'ADD', 'RUN', 'WORKDIR'].includes(kw) ? 'layer' : 'empty';
    }
    if (raw.createdBy.includes('#(nop)')) {
        if (kw === 'COPY' || kw === 'ADD')
            return 'layer';
        return kw === 'WORKDIR' ? sized : 'empty';
    }
    return sized;
}
/**
 * Decides `emptyLayer` for each entry from builder rules and sizes, settling the 0-byte
 * entries that could go either way by the layer count. Null when the count does not settle it.
 */
function classifyHistory(raw, layerCount) {
    const guesses = raw.map(guess);
    const layers = guesses.filter(g => g === 'layer').length;
    const unknown = guesses.filter(g => g === 'unknown').length;
    let unknownIsLayer;
    if (layers === layerCount)
        unknownIsLayer = false;
    else if (layers + unknown === layerCount)
        unknownIsLayer = true;
    else
        return null;
    return raw.map((r, i) => ({
        createdBy: r.createdBy,
        emptyLayer: guesses[i] === 'empty' || (guesses[i] === 'unknown' && !unknownIsLayer)
    }));
}
/** History entry index of instruction `stepIndex` (FROM = 1) in a stage. */
function historyIndexForStep(baseHistoryLength, stepIndex) {
    return baseHistoryLength + stepIndex - 2;
}
/**
 * The base history length of a stage found by counting back from the end: `chainTotals` are the
 * instruction totals (FROM included) of that stage and of each stage built on it, up to the
 * image's own (last) stage. For the last stage alone: `[total]`.
 */
function stageBaseLength(historyLength, chainTotals) {
    return historyLength - chainTotals.reduce((sum, t) => sum + t - 1, 0);
}
/**
 * Index into `diffIds` of the layer that instruction `stepIndex` of a stage wrote, or null when
 * that instruction wrote no layer (or lies outside the history).
 */
function layerForStep(history, baseHistoryLength, stepIndex) {
    const h = historyIndexForStep(baseHistoryLength, stepIndex);
    if (stepIndex < 2 || h < 0 || h >= history.length || history[h].emptyLayer)
        return null;
    return history.slice(0, h).filter(e => !e.emptyLayer).length;
}
/** Parses an image config blob's history. */
function parseConfigHistory(text) {
    const c = JSON.parse(text);
    return (c.history ?? []).map(h => ({
        createdBy: h.created_by ?? '',
        emptyLayer: h.empty_layer === true
    }));
}
/**
 * Reads the image config out of `docker save` (v1 layout `<hex>.json`, OCI `blobs/sha256/<hex>`),
 * stopping the save as soon as it has passed.
 */
async function readImageConfig(exec, imageId) {
    const hex = imageId.replace(/^sha256:/, '');
    let config = null;
    await (0,save/* walkImageSave */.y)(exec, imageId, async (name, size, body) => {
        if (name !== `${hex}.json` && name !== `blobs/sha256/${hex}`)
            return false;
        if (size > 64 * 1024 * 1024)
            throw new docker_exec/* DockerError */.Bi(`image config of ${imageId} is implausibly large`);
        const chunks = [];
        for await (const c of body)
            chunks.push(c);
        config = Buffer.concat(chunks).toString('utf8');
        return true;
    });
    if (config === null)
        throw new docker_exec/* DockerError */.Bi(`docker save ${imageId}: no image config in output`);
    return config;
}
/** Inspects an image: cheap commands first, the config from `docker save` only when needed. */
async function inspectImage(exec, ref) {
    const info = parseImageInspect((await (0,docker_exec/* runOrThrow */.nf)(exec, ['image', 'inspect', '--format', '{{json .}}', ref])).stdout);
    const hist = await (0,docker_exec/* runOrThrow */.nf)(exec, ['history', '--no-trunc', '--format', '{{json .}}', info.id]);
    const classified = classifyHistory(parseHistoryLines(hist.stdout), info.diffIds.length);
    if (classified)
        return { ...info, history: classified, historyFromConfig: false };
    const history = parseConfigHistory(await readImageConfig(exec, info.id));
    return { ...info, history, historyFromConfig: true };
}

// EXTERNAL MODULE: ./src/docker/layers.ts
var docker_layers = __webpack_require__(6748);
;// CONCATENATED MODULE: ./src/docker/overlay.ts
/**
 * The byte proof read straight from the daemon's layer store, when it is on this host and
 * readable: only the wanted paths of the wanted layers are touched, so the cost follows the
 * bytes to prove, not the image (a 1 GB base layer is never read).
 *
 * Measured on Docker 20.10 with overlay2: `docker image inspect` names the driver and its
 * directories (`GraphDriver.Data.UpperDir` = `<data-root>/overlay2/<id>/diff`); the layer store
 * keeps, per chain ID, the layer's diffId (`image/overlay2/layerdb/sha256/<chain>/diff`) and
 * its overlay2 directory (`.../cache-id`). A layer's diff directory holds exactly what its
 * `docker save` tar holds, with whiteouts as 0:0 character devices. A layer is read here only
 * when the layer store names the very diffId the image lists at that position; anything else
 * (another driver, a remote daemon, no permission) falls back to the `docker save` stream.
 */





/** Chain IDs of a layer stack (`chain[i] = sha256(chain[i-1] + " " + diff[i])`), base first. */
function chainIds(diffIds) {
    const out = [];
    for (const d of diffIds) {
        const prev = out.at(-1);
        out.push(prev === undefined ? d : `sha256:${(0,external_node_crypto_.createHash)('sha256').update(`${prev} ${d}`).digest('hex')}`);
    }
    return out;
}
/** `<data-root>` of an overlay2 image, from its UpperDir; null for another driver or shape. */
function overlayDataRoot(gd) {
    if (!gd || gd.name !== 'overlay2')
        return null;
    const upper = gd.data.UpperDir;
    const m = typeof upper === 'string' ? /^(\/.*)\/overlay2\/[^/]+\/diff$/.exec(upper) : null;
    return m ? m[1] : null;
}
const HEX = /^sha256:[0-9a-f]{64}$/;
const CACHE_ID = /^[0-9A-Za-z]+$/;
/** The diff directory of layer `index` of an image on this host, or null when it cannot be trusted. */
async function layerDiffDir(dataRoot, diffIds, index) {
    const diffId = diffIds[index];
    const chain = chainIds(diffIds.slice(0, index + 1)).at(-1);
    if (!diffId || !chain || !HEX.test(diffId) || !HEX.test(chain))
        return null;
    const meta = (0,external_node_path_.join)(dataRoot, 'image', 'overlay2', 'layerdb', 'sha256', chain.slice(7));
    try {
        const [recorded, cacheId] = await Promise.all([
            (0,promises_.readFile)((0,external_node_path_.join)(meta, 'diff'), 'utf8'),
            (0,promises_.readFile)((0,external_node_path_.join)(meta, 'cache-id'), 'utf8')
        ]);
        if (recorded.trim() !== diffId || !CACHE_ID.test(cacheId.trim()))
            return null;
        const dir = (0,external_node_path_.join)(dataRoot, 'overlay2', cacheId.trim(), 'diff');
        return (await (0,promises_.lstat)(dir)).isDirectory() ? dir : null;
    }
    catch {
        return null;
    }
}
const isWhiteout = (st) => st.isCharacterDevice() && st.rdev === 0;
/**
 * What a diff directory holds at `path`, as the layer tar would say it. Walked component by
 * component with lstat, so a symlink inside the layer is never followed out of it.
 */
async function diffDirEntry(dir, path) {
    const parts = (0,docker_layers/* normalizeLayerPath */.qr)(path).split('/').filter(Boolean);
    let at = dir;
    for (const [i, part] of parts.entries()) {
        at = (0,external_node_path_.join)(at, part);
        let st;
        try {
            st = await (0,promises_.lstat)(at);
        }
        catch {
            return { type: 'missing', mode: 0 };
        }
        if (isWhiteout(st))
            return { type: 'whiteout', mode: 0 };
        const last = i === parts.length - 1;
        if (!last) {
            if (!st.isDirectory())
                return { type: 'missing', mode: 0 };
            continue;
        }
        const mode = st.mode & 0o7777;
        if (st.isDirectory())
            return { type: 'dir', mode };
        if (st.isSymbolicLink()) {
            const target = await (0,promises_.readlink)(at);
            return {
                type: 'symlink',
                mode,
                linkTarget: target,
                digest: `sha256:${(0,external_node_crypto_.createHash)('sha256').update(target).digest('hex')}`
            };
        }
        if (!st.isFile())
            return { type: 'other', mode };
        return { type: 'file', mode, size: st.size, digest: await digestNoFollow(at) };
    }
    return { type: 'dir', mode: 0 };
}
async function digestNoFollow(path) {
    const fh = await (0,promises_.open)(path, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW);
    try {
        const h = (0,external_node_crypto_.createHash)('sha256');
        const buf = Buffer.allocUnsafe(512 * 1024);
        for (;;) {
            const { bytesRead } = await fh.read(buf, 0, buf.length, null);
            if (bytesRead === 0)
                break;
            h.update(buf.subarray(0, bytesRead));
        }
        return `sha256:${h.digest('hex')}`;
    }
    finally {
        await fh.close();
    }
}
/**
 * The wanted paths of the wanted layers: from the layer store where it vouches for the layer,
 * the rest in one `docker save` pass that stops once they have passed.
 */
async function readWantedLayers(exec, image, wanted, report) {
    const out = new Map();
    const rest = [];
    const root = overlayDataRoot(image.graphDriver);
    for (const w of wanted) {
        const index = image.diffIds.indexOf(w.diffId);
        const dir = root !== null && index >= 0 ? await layerDiffDir(root, image.diffIds, index) : null;
        // Names that are not UTF-8 are carried as lone surrogates (util/bytes-path.ts); the save
        // stream's reader knows how they were written, this direct read does not.
        if (dir === null || w.paths.some(p => /[\uD800-\uDFFF]/.test(p))) {
            rest.push(w);
            continue;
        }
        const entries = out.get(w.diffId) ?? new Map();
        try {
            for (const p of w.paths)
                entries.set((0,docker_layers/* normalizeLayerPath */.qr)(p), await diffDirEntry(dir, p));
            out.set(w.diffId, entries);
        }
        catch {
            rest.push(w); // a file removed under us (the layer deleted?): read the save stream instead
        }
    }
    const fromStore = [...out.keys()];
    if (rest.length > 0) {
        const saved = await (0,docker_layers/* readLayerEntries */.aR)(exec, image.id, rest);
        for (const [d, m] of saved)
            out.set(d, new Map([...(out.get(d) ?? []), ...m]));
    }
    report?.({ fromStore, fromSave: [...new Set(rest.map(r => r.diffId))] });
    return out;
}

// EXTERNAL MODULE: ./src/docker/buildx.ts
var buildx = __webpack_require__(7890);
;// CONCATENATED MODULE: ./src/docker/onbuild.ts
/** Reads the triggers of each image; never throws. */
async function readOnBuild(exec, images) {
    const triggers = new Map();
    const problems = [];
    await Promise.all([...new Set(images)].map(async (image) => {
        const r = await exec([
            'image',
            'inspect',
            '--format',
            '{{json .Config.OnBuild}}',
            image
        ]).catch((e) => ({
            code: -1,
            stdout: '',
            stderr: e instanceof Error ? e.message : String(e)
        }));
        if (r.code !== 0) {
            // An image that is not local is pulled by the build: its triggers are not knowable here.
            if (!/no such (image|object)/i.test(r.stderr)) {
                problems.push(`the ONBUILD triggers of base image ${image} could not be read (${r.stderr.trim().split('\n')[0] ?? ''}): steps they add are not judged`);
            }
            return;
        }
        try {
            const list = JSON.parse(r.stdout.trim() || 'null');
            if (Array.isArray(list) && list.length > 0 && list.every(t => typeof t === 'string')) {
                triggers.set(image, list);
            }
        }
        catch {
            problems.push(`the ONBUILD triggers of base image ${image} are unreadable`);
        }
    }));
    return { triggers, problems };
}

;// CONCATENATED MODULE: ./src/docker/index.ts
/** The Docker adapter: every docker call of the pipeline goes through these modules. */














/***/ })

};
