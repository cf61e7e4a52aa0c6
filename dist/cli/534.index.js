export const id = 534;
export const ids = [534];
export const modules = {

/***/ 1534:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkRecordFile: () => (/* binding */ checkRecordFile),
  resolveClearPath: () => (/* binding */ resolveClearPath),
  runClear: () => (/* binding */ runClear)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/util/paths.ts
var paths = __webpack_require__(4964);
// EXTERNAL MODULE: ./src/util/errno.ts
var errno = __webpack_require__(8196);
// EXTERNAL MODULE: ./src/util/error.ts
var error = __webpack_require__(7610);
;// CONCATENATED MODULE: ./src/util/remove.ts




function identityOf(st) {
    return { dev: st.dev, ino: st.ino };
}
/** The checked entry is not what the path leads to any more: nothing was deleted. */
class SwappedPathError extends error/* FreshBuildError */.nz {
}
/** Prefix of the trash folders; one left behind by a killed run can be deleted by hand. */
const TRASH_PREFIX = '.fresh-build-trash-';
/**
 * Removes `path` (a file, a symlink or a whole tree) only if what it names now is `expected`.
 * `trashIn` is a directory known to be safe (a checked real path) on the same file system.
 * Returns false when the path no longer exists. `label` names the path in errors.
 */
async function removeChecked(path, expected, trashIn, label) {
    const trash = await (0,promises_.mkdtemp)((0,external_node_path_.join)(trashIn, TRASH_PREFIX));
    const moved = (0,external_node_path_.join)(trash, 'entry');
    try {
        await (0,promises_.rename)(path, moved);
    }
    catch (e) {
        await (0,promises_.rmdir)(trash).catch(() => undefined);
        if ((0,errno/* errCode */.tm)(e) === 'ENOENT')
            return false;
        const why = (0,errno/* errCode */.tm)(e) === 'EXDEV' ? `it is on another file system than ${trashIn}` : String((0,errno/* errCode */.tm)(e));
        throw new error/* FreshBuildError */.nz(`cannot remove ${label}: ${why}`);
    }
    let st;
    try {
        st = await (0,promises_.lstat)(moved);
    }
    catch (e) {
        throw new error/* FreshBuildError */.nz(`cannot remove ${label}: the moved entry vanished (${(0,errno/* errCode */.tm)(e) ?? 'error'})`);
    }
    if (st.dev !== expected.dev || st.ino !== expected.ino) {
        // Back to where it came from, through the same path, so nothing outside has changed.
        const back = await (0,promises_.rename)(moved, path).then(() => true, () => false);
        if (back)
            await (0,promises_.rmdir)(trash).catch(() => undefined);
        throw new SwappedPathError(`${label} changed after it was checked (a folder on its path was swapped, a symlink?): refused, nothing deleted${back ? '' : `; what was moved is kept in ${trash}`}`);
    }
    await (0,promises_.rm)(trash, { recursive: true, force: true });
    return true;
}
/**
 * Whether removeChecked can work in `dir`: makes and drops a trash folder there, as the removal
 * will. Null when it can, else the errno code. (access() would judge by the real uid and knows
 * nothing of read-only mounts.)
 */
async function writableFolder(dir) {
    try {
        await (0,promises_.rmdir)(await (0,promises_.mkdtemp)((0,external_node_path_.join)(dir, TRASH_PREFIX)));
        return null;
    }
    catch (e) {
        return (0,errno/* errCode */.tm)(e) ?? 'error';
    }
}

// EXTERNAL MODULE: ./src/docker/index.ts + 4 modules
var docker = __webpack_require__(4565);
// EXTERNAL MODULE: ./src/record/index.ts + 6 modules
var record = __webpack_require__(7212);
// EXTERNAL MODULE: ./src/context/statcache.ts
var statcache = __webpack_require__(5359);
// EXTERNAL MODULE: ./src/pipeline/cure.ts + 1 modules
var cure = __webpack_require__(3414);
// EXTERNAL MODULE: ./src/pipeline/options.ts
var options = __webpack_require__(4920);
// EXTERNAL MODULE: ./src/pipeline/errors.ts
var errors = __webpack_require__(1539);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/registry/client.ts + 1 modules
var registry_client = __webpack_require__(3122);
// EXTERNAL MODULE: ./src/registry/reference.ts
var reference = __webpack_require__(9310);
;// CONCATENATED MODULE: ./src/registry/clear.ts
/**
 * Deleting registry cache references (`--cache-from` images, inline-cache tags) by name, through
 * the registry API. The API deletes manifests by digest, and a digest delete drops every tag that
 * points at it: a cache tag sharing its digest with an app tag would take the app tag along. So a
 * named reference whose digest any other tag (or an index under another tag) also uses is moved
 * first: the tag is re-pointed at a one-off empty manifest, and that manifest is deleted, which
 * removes that tag alone. Nothing that was not named is ever deleted.
 */



/** Parsed and checked before anything is deleted: a tag or a digest, on a named registry. */
function parseCacheRefs(refs) {
    return refs.map(text => {
        const ref = (0,reference/* parseImageRef */.Q)(text);
        if (!ref.tag && !ref.digest) {
            throw new registry_client/* RegistryError */.gl(`registry cache "${text}" names no tag or digest to delete`, 'TAG_INVALID');
        }
        return ref;
    });
}
/**
 * Checks every registry answers and allows deletes, without deleting anything: one clear error
 * before any builder prune or registry change.
 */
async function prepareCacheDeletion(refs, env) {
    const clients = new Map();
    for (const ref of refs) {
        let c = clients.get(ref.registry);
        if (!c)
            clients.set(ref.registry, (c = new registry_client/* RegistryClient */.bP(ref.registry, { env })));
    }
    for (const ref of refs) {
        const c = clients.get(ref.registry);
        await c.ping();
        await c.checkDeleteEnabled(ref.repository);
    }
    return clients;
}
async function deleteCacheRefs(refs, clients, say) {
    const report = { deleted: [], missing: [] };
    const named = new Set(refs.map(r => `${(0,reference/* repoName */.Qq)(r)}:${r.tag ?? ''}`));
    // Resolved before any delete: two named tags on one digest are both reported deleted.
    const digests = [];
    for (const ref of refs) {
        const client = clients.get(ref.registry);
        digests.push(await client.resolve(ref.repository, ref.digest ?? ref.tag));
    }
    const gone = new Set();
    for (const [i, ref] of refs.entries()) {
        const client = clients.get(ref.registry);
        const digest = digests[i] ?? null;
        if (digest && gone.has(`${(0,reference/* repoName */.Qq)(ref)}@${digest}`)) {
            say(`registry cache ${ref.text}: deleted with ${digest}`);
            report.deleted.push({ ref: ref.text, digest, how: 'manifest', keptFor: [] });
            continue;
        }
        if (!digest) {
            say(`registry cache ${ref.text}: not in the registry, nothing to delete`);
            report.missing.push(ref.text);
            continue;
        }
        const others = await otherUsers(client, ref, digest, named);
        if (others.length === 0) {
            await client.deleteManifest(ref.repository, digest);
            gone.add(`${(0,reference/* repoName */.Qq)(ref)}@${digest}`);
            say(`registry cache ${ref.text}: deleted ${digest}`);
            report.deleted.push({ ref: ref.text, digest, how: 'manifest', keptFor: [] });
            continue;
        }
        if (!ref.tag) {
            throw new registry_client/* RegistryError */.gl(`registry cache ${ref.text}: refused, the digest is also used by ${others.join(', ')}, which were not named as caches`, 'SHARED');
        }
        // Re-point the tag at a manifest nothing else uses, then delete that one.
        const tombstone = Buffer.from(JSON.stringify({
            schemaVersion: 2,
            mediaType: registry_client/* MEDIA */.Rn.ociManifest,
            config: { mediaType: registry_client/* MEDIA */.Rn.ociEmpty, digest: (0,registry_client/* sha256 */.sc)('{}'), size: 2 },
            layers: [],
            annotations: {
                'dev.fresh-build.deleted-cache': `${ref.text} ${(0,external_node_crypto_.randomBytes)(8).toString('hex')}`
            }
        }));
        await client.putBlob(ref.repository, Buffer.from('{}'));
        const moved = await client.putManifest(ref.repository, ref.tag, tombstone, registry_client/* MEDIA */.Rn.ociManifest);
        await client.deleteManifest(ref.repository, moved);
        say(`registry cache ${ref.text}: tag deleted; ${digest} kept for ${others.join(', ')}`);
        report.deleted.push({ ref: ref.text, digest, how: 'tag', keptFor: others });
    }
    return report;
}
/**
 * Tags of the repository, not named as caches, that point at `digest` or at an index listing
 * it. Record artifacts (`sha256-<hex>.fresh-build`) and signatures point elsewhere (their own
 * manifests), so they never count, and are left alone.
 */
async function otherUsers(client, ref, digest, named) {
    const out = [];
    for (const tag of await client.tags(ref.repository)) {
        if (named.has(`${(0,reference/* repoName */.Qq)(ref)}:${tag}`))
            continue;
        const m = await client.manifest(ref.repository, tag);
        if (!m)
            continue;
        const children = Array.isArray(m.json.manifests)
            ? m.json.manifests.map(x => x.digest)
            : [];
        if (m.digest === digest || children.includes(digest))
            out.push(`${(0,reference/* repoName */.Qq)(ref)}:${tag}`);
    }
    return out;
}

// EXTERNAL MODULE: ./src/report/text-safety.ts
var text_safety = __webpack_require__(4986);
;// CONCATENATED MODULE: ./src/github/caches.ts


/** The clear stopped: the message is one line and says what was already deleted. */
class ActionsCacheError extends Error {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
        this.name = 'ActionsCacheError';
    }
}
const PER_PAGE = 100;
/** 100,000 entries: far beyond the 10 GB a repository's cache holds in practice. */
const MAX_PAGES = 1000;
const MAX_ATTEMPTS = 4;
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_WAIT_MS = 90_000;
/** GitHub's advice for a secondary rate limit without retry-after: wait at least a minute. */
const SECONDARY_WAIT_MS = 60_000;
/**
 * The scope from the action's inputs, or null when none of them asks for an Actions cache clear.
 * Throws UsageError for a ref that is not a full ref (the API matches `refs/heads/main`, never
 * `main`, so a short name would silently match nothing) and for `all` combined with a filter.
 */
function parseCacheScope(keyPrefix, ref, all, names = { keyPrefix: 'gha-cache-key-prefix', ref: 'gha-cache-ref', all: 'gha-cache-all' }) {
    const prefix = keyPrefix.trim();
    const r = ref.trim();
    if (all && (prefix || r)) {
        throw new UsageError(`input ${names.all}: deletes every Actions cache entry, so it cannot be combined with ${prefix ? names.keyPrefix : names.ref}`);
    }
    if (r && !/^refs\/\S+$/.test(r)) {
        throw new UsageError(`input ${names.ref}: "${visible(r)}" is not a full ref (e.g. refs/heads/main, refs/pull/7/merge)`);
    }
    if (!all && !prefix && !r)
        return null;
    return { keyPrefix: prefix || null, ref: r || null, all };
}
/** Exactly the entries of the scope: the API's own filters are not trusted to be exact. */
function inScope(entry, scope) {
    if (scope.keyPrefix !== null && !entry.key.startsWith(scope.keyPrefix))
        return false;
    if (scope.ref !== null && entry.ref !== scope.ref)
        return false;
    return scope.all || scope.keyPrefix !== null || scope.ref !== null;
}
/** `key prefix "x", ref refs/heads/main`, or `every entry`. */
function describeScope(scope) {
    const parts = [
        ...(scope.keyPrefix !== null ? [`key prefix "${(0,text_safety/* visible */.RK)(scope.keyPrefix)}"`] : []),
        ...(scope.ref !== null ? [`ref ${(0,text_safety/* visible */.RK)(scope.ref)}`] : [])
    ];
    return parts.length > 0 ? parts.join(', ') : 'every entry';
}
/**
 * Deletes the scope's entries and reports them. Refuses an empty scope without `all`. Errors
 * are ActionsCacheError with one line: a 403 names the `actions: write` permission, a rate limit
 * says when it resets; either says how many entries were deleted before it.
 */
async function clearActionsCaches(target, io) {
    const { owner, repo, scope } = target;
    if (!scope.all && scope.keyPrefix === null && scope.ref === null) {
        throw new options/* UsageError */.eb(`refusing to delete every Actions cache entry of ${owner}/${repo}: give a key prefix or a ref, or all`);
    }
    const client = await octokit(target.token, target.baseUrl ?? process.env.GITHUB_API_URL);
    const api = new Api(target, io);
    const where = `${owner}/${repo}`;
    io.progress(`GitHub Actions cache of ${where}: listing ${describeScope(scope)}`);
    let listing;
    try {
        listing = await listScope(client, api, target);
    }
    catch (e) {
        throw e instanceof ActionsCacheError
            ? new ActionsCacheError(`${e.message}; nothing was deleted`, e.status)
            : e;
    }
    const { listed, matching } = listing;
    const matchedBytes = matching.reduce((n, e) => n + e.sizeInBytes, 0);
    io.progress(`${matching.length} of ${listed} listed entries match (${matchedBytes} bytes); deleting them`);
    const deleted = [];
    let alreadyGone = 0;
    for (const entry of matching) {
        try {
            await api.call(`deleting cache ${entry.id}`, signal => client.rest.actions.deleteActionsCacheById({
                owner,
                repo,
                cache_id: entry.id,
                request: { signal }
            }));
            deleted.push(entry);
            io.progress(`deleted ${(0,text_safety/* visible */.RK)(entry.key)} (${(0,text_safety/* visible */.RK)(entry.ref)}, ${entry.sizeInBytes} bytes)`);
        }
        catch (e) {
            if (!(e instanceof ActionsCacheError))
                throw e;
            if (e.status === 404) {
                alreadyGone++;
                io.progress(`already gone: ${(0,text_safety/* visible */.RK)(entry.key)} (${(0,text_safety/* visible */.RK)(entry.ref)})`);
                continue;
            }
            const done = deleted.length === 0
                ? 'nothing was deleted'
                : `${deleted.length} of ${matching.length} matching entries were deleted before it`;
            throw new ActionsCacheError(`${e.message}; ${done}`, e.status);
        }
    }
    return {
        repository: where,
        keyPrefix: scope.keyPrefix,
        ref: scope.ref,
        all: scope.all,
        listed,
        matched: matching.length,
        deleted,
        deletedBytes: deleted.reduce((n, e) => n + e.sizeInBytes, 0),
        alreadyGone
    };
}
/** Every page of the API's listing for the scope, then exactly the entries in it. */
async function listScope(client, api, { owner, repo, scope }) {
    const seen = new Set();
    const matching = [];
    for (let page = 1;; page++) {
        if (page > MAX_PAGES) {
            throw new ActionsCacheError(`GitHub Actions cache of ${owner}/${repo}: more than ${MAX_PAGES * PER_PAGE} entries listed: narrow the key prefix or ref`);
        }
        const data = await api.call(`list page ${page}`, signal => client.rest.actions.getActionsCacheList({
            owner,
            repo,
            per_page: PER_PAGE,
            page,
            ...(scope.keyPrefix !== null ? { key: scope.keyPrefix } : {}),
            ...(scope.ref !== null ? { ref: scope.ref } : {}),
            request: { signal }
        }));
        const raw = Array.isArray(data?.actions_caches) ? data.actions_caches : [];
        for (const item of raw) {
            const entry = cacheEntry(item);
            // Entries created while listing shift later pages: an id seen twice is one entry.
            if (entry === null || seen.has(entry.id))
                continue;
            seen.add(entry.id);
            if (inScope(entry, scope))
                matching.push(entry);
        }
        if (raw.length < PER_PAGE)
            return { listed: seen.size, matching };
    }
}
function cacheEntry(item) {
    if (typeof item !== 'object' || item === null)
        return null;
    const { id, key, ref, size_in_bytes: size } = item;
    // An entry without an id cannot be deleted, and one without key or ref cannot be matched.
    if (typeof id !== 'number' || typeof key !== 'string' || typeof ref !== 'string')
        return null;
    return { id, key, ref, sizeInBytes: typeof size === 'number' && size >= 0 ? size : 0 };
}
async function octokit(token, baseUrl) {
    // Imported on use: loading @actions/github reads the event file and env, which the CLI never needs.
    const { getOctokit } = await __webpack_require__.e(/* import() */ 157).then(__webpack_require__.bind(__webpack_require__, 157));
    return getOctokit(token, baseUrl ? { baseUrl: baseUrl.replace(/\/+$/, '') } : {});
}
/** One bounded, rate-limit-aware request at a time, sharing one wait budget. */
class Api {
    io;
    waitLeft;
    timeoutMs;
    redact;
    where;
    constructor(target, io) {
        this.io = io;
        this.waitLeft = target.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
        this.timeoutMs = target.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.redact = (0,text_safety/* redactor */.$p)([target.token]);
        this.where = `${target.owner}/${target.repo}`;
    }
    async call(what, send) {
        for (let attempt = 1;; attempt++) {
            const signal = AbortSignal.timeout(this.timeoutMs);
            try {
                return (await send(signal)).data;
            }
            catch (e) {
                if (signal.aborted) {
                    throw new ActionsCacheError(`GitHub Actions cache of ${this.where}: ${what}: no answer within ${seconds(this.timeoutMs)}`);
                }
                const status = httpStatus(e);
                const reason = this.reason(e);
                const limit = rateLimit(e, status, reason);
                const retryable = limit !== null || (status !== undefined && status >= 502 && status <= 504);
                const wait = limit?.waitMs ?? 1000 * attempt;
                if (retryable && attempt < MAX_ATTEMPTS && wait <= this.waitLeft) {
                    this.waitLeft -= wait;
                    this.io.progress(`${what}: HTTP ${status} (${limit ? 'rate limited' : reason}); retrying in ${seconds(wait)}`);
                    await (this.io.sleep ?? sleep)(wait);
                    continue;
                }
                throw new ActionsCacheError(this.failure(what, status, reason, limit, attempt), status);
            }
        }
    }
    reason(e) {
        const text = e instanceof Error ? e.message : String(e);
        return (0,text_safety/* visible */.RK)(this.redact(text).replace(/\s+/g, ' ').trim());
    }
    failure(what, status, reason, limit, attempts) {
        const head = `GitHub Actions cache of ${this.where}: ${what}: ${status === undefined ? '' : `HTTP ${status}: `}${reason}`;
        if (limit !== null) {
            return limit.resetAt !== null
                ? `${head}: rate limited until ${limit.resetAt.toISOString().replace(/\.\d+Z$/, 'Z')} (in ${seconds(limit.waitMs)}): run the clear again after it`
                : `${head}: rate limited (retry after ${seconds(limit.waitMs)}), still after ${attempts} tries: run the clear again later`;
        }
        if (status === 403) {
            return `${head}: the token may not delete Actions caches here: give the job \`permissions: actions: write\``;
        }
        if (status === 404) {
            return `${head}: no such repository or cache, or the token cannot see it`;
        }
        return head;
    }
}
/**
 * A 429, or a 403 that GitHub marks as a rate limit: `retry-after` (secondary limits), or
 * `x-ratelimit-remaining: 0` with `x-ratelimit-reset` (the hourly budget). A 403 without these
 * is a permission error.
 */
function rateLimit(e, status, reason, now = Date.now()) {
    if (status !== 403 && status !== 429)
        return null;
    const headers = responseHeaders(e);
    const retryAfter = Number(headers['retry-after']);
    if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter) && retryAfter >= 0) {
        return { waitMs: retryAfter * 1000, resetAt: null };
    }
    const reset = Number(headers['x-ratelimit-reset']);
    if (headers['x-ratelimit-remaining'] === '0' && Number.isFinite(reset)) {
        // One second past the reset: the header is whole seconds.
        const waitMs = Math.max(0, reset * 1000 - now) + 1000;
        return { waitMs, resetAt: new Date(reset * 1000) };
    }
    if (status === 429 || /rate limit/i.test(reason)) {
        return { waitMs: SECONDARY_WAIT_MS, resetAt: null };
    }
    return null;
}
function responseHeaders(e) {
    if (typeof e !== 'object' || e === null || !('response' in e))
        return {};
    const response = e.response;
    const headers = response?.headers;
    if (typeof headers !== 'object' || headers === null)
        return {};
    return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v === undefined ? v : String(v)]));
}
function httpStatus(e) {
    if (typeof e === 'object' && e !== null && 'status' in e && typeof e.status === 'number')
        return e.status;
    return undefined;
}
function seconds(ms) {
    if (ms >= 120_000)
        return `${Math.round(ms / 60_000)} min`;
    return `${Math.round(ms / 100) / 10} s`;
}
function sleep(ms) {
    return new Promise(done => setTimeout(done, ms));
}

;// CONCATENATED MODULE: ./src/pipeline/clear.ts















/**
 * Where a clear path really is. Its parent is resolved through symlinks (so `link/x` with `link`
 * pointing outside is refused) but the last component is not: a symlink is removed as a link,
 * never followed, and refused when it points outside the root. Refuses `/`, the root itself,
 * and anything outside the root.
 */
async function resolveClearPath(root, p) {
    return (await checkClearPath(root, p)).abs;
}
async function checkClearPath(root, p) {
    if (p.trim() === '' || p.includes('\0'))
        throw new options/* UsageError */.eb(`clear path "${p}" is empty or invalid`);
    const realRoot = await (0,promises_.realpath)(root).catch(() => {
        throw new options/* UsageError */.eb(`clear: the directory ${root} does not exist, so no path in it can be cleared`);
    });
    if (realRoot === '/') {
        throw new options/* UsageError */.eb(`clear: ${root} is the file system root, which cannot contain clear paths`);
    }
    const abs = (0,external_node_path_.resolve)(realRoot, p);
    if (abs === '/' || !(0,paths/* strictlyInside */.vA)(realRoot, abs)) {
        throw new options/* UsageError */.eb(`clear path "${p}" is outside ${root}: refused`);
    }
    let parent;
    try {
        parent = await (0,promises_.realpath)((0,external_node_path_.dirname)(abs));
    }
    catch {
        // The parent does not exist, so neither does the path.
        return { given: p, abs, realRoot, found: null };
    }
    const target = (0,external_node_path_.join)(parent, (0,external_node_path_.basename)(abs));
    if (!(0,paths/* strictlyInside */.vA)(realRoot, target)) {
        throw new options/* UsageError */.eb(`clear path "${p}" leads outside ${root} through a symlink: refused`);
    }
    // Removing a link would not touch its target, but a user naming a link to a cache outside
    // expects that cache cleared: refuse rather than silently do something else.
    const link = await (0,promises_.readlink)(target).catch(() => null);
    if (link !== null) {
        const dest = (0,external_node_path_.resolve)(parent, link);
        const real = await (0,promises_.realpath)(dest).catch(() => dest);
        if (!(0,paths/* strictlyInside */.vA)(realRoot, real)) {
            throw new options/* UsageError */.eb(`clear path "${p}" is a symlink to ${real}, outside ${root}: refused`);
        }
    }
    const st = await (0,promises_.lstat)(target).catch(() => null);
    return { given: p, abs: target, realRoot, found: st ? identityOf(st) : null };
}
/** The same path checked again leads to the same entry (or still to nothing). */
function sameCheck(a, b) {
    if (a.abs !== b.abs)
        return false;
    if (a.found === null || b.found === null)
        return a.found === b.found;
    return a.found.dev === b.found.dev && a.found.ino === b.found.ino;
}
/**
 * The workflow_dispatch cache clear: prune the builder (all records, or by filter), delete host
 * cache paths, reset the record. Builder records only: never volumes, containers or images.
 *
 * Everything is checked before the prune (a bad path or a foreign file is an error before
 * anything changed) and checked again after it, since the prune can take minutes; each deletion
 * then goes through removeChecked, which cannot follow a folder swapped after the last check.
 */
async function runClear(opts, io) {
    const plan = await planClear(opts, io);
    const actionsCache = await clearActionsCacheFirst(opts, io);
    const pruned = await pruneBuilder(plan, opts, io.progress);
    await recheckAfterPrune(plan, opts.root);
    const { removedPaths, missingPaths } = await removePaths(plan.targets, io.progress);
    const registryCache = plan.registries
        ? await deleteCacheRefs(plan.cacheRefs, plan.registries, io.progress)
        : null;
    const recordReset = await resetRecord(plan.ownFiles.files, plan.statePath, io.progress);
    return {
        verdict: 'cleared',
        pruned,
        reclaimedBytes: pruned.reclaimedBytes,
        removedPaths,
        missingPaths,
        recordReset,
        statePath: plan.statePath,
        warnings: plan.warnings,
        registryCache,
        actionsCache
    };
}
const checkPaths = (root, paths) => Promise.all(paths.map(p => checkClearPath(root, p)));
/** The checks before anything changes: paths, own files, registries, the builder and its commands. */
async function planClear(opts, io) {
    const targets = await checkPaths(opts.root, opts.paths);
    const statePath = opts.state ??
        (0,record/* defaultStatePath */.K0)({ context: opts.context, file: opts.file, target: opts.target, env: io.env });
    const ownFiles = await checkOwnFiles(statePath);
    // Registries are asked (reachable, deletes on) before anything is pruned or deleted.
    const cacheRefs = parseCacheRefs(opts.registryCache ?? []);
    const registries = cacheRefs.length > 0 ? await prepareCacheDeletion(cacheRefs, io.env) : null;
    const exec = io.exec ?? (0,docker/* dockerExec */.SW)((0,docker/* dockerClient */._n)({ dockerPath: opts.docker, env: io.env }));
    const host = await (0,docker/* detectBuilder */.h4)(exec, io.env);
    const warnings = [...host.warnings, ...ownFiles.warnings];
    let commands;
    try {
        commands = (0,docker/* clearCommands */.gx)(host.kind, { all: opts.all, filters: opts.filters });
    }
    catch (e) {
        throw new options/* UsageError */.eb((0,errors/* errorMessage */.gJ)(e));
    }
    if (host.kind === 'legacy') {
        warnings.push('legacy builder: its layer cache lives in images, which clear never removes; the next build should pass --no-cache');
    }
    return { targets, statePath, ownFiles, cacheRefs, registries, exec, commands, warnings };
}
/**
 * The Actions cache goes first, after every local check and before anything local is deleted:
 * it is the step a token or a rate limit can refuse, and a refusal then leaves the builder
 * cache, the paths and the record exactly as they were (no half-done clear).
 */
async function clearActionsCacheFirst(opts, io) {
    if (!opts.actionsCache)
        return null;
    return clearActionsCaches(opts.actionsCache, io).catch((e) => {
        if (!(e instanceof ActionsCacheError))
            throw e;
        throw new ActionsCacheError(`${e.message}; the builder cache, the paths and the record were left as they were`, e.status);
    });
}
async function pruneBuilder(plan, opts, progress) {
    progress(`pruning the builder cache: ${plan.commands.map(c => c.join(' ')).join('; ')}`);
    const policy = opts.all ? 'all' : opts.filters.length > 0 ? 'filter' : 'unused';
    const pruned = await (0,docker/* runPrune */.uf)(plan.exec, policy, plan.commands);
    if (!pruned.done)
        throw new Error(`builder prune failed: ${pruned.note ?? 'unknown error'}`);
    return pruned;
}
/** The prune took a while: every path and own file must still be what it was. */
async function recheckAfterPrune(plan, root) {
    const again = await checkPaths(root, plan.targets.map(t => t.given)).catch((e) => {
        throw new options/* UsageError */.eb(`a clear path changed while the builder was pruned: ${(0,errors/* errorMessage */.gJ)(e)}; no path deleted`);
    });
    for (const [i, t] of plan.targets.entries()) {
        const now = again[i];
        if (!sameCheck(t, now)) {
            throw new options/* UsageError */.eb(`clear path "${t.given}" changed while the builder was pruned (now ${now.abs}): refused, no path deleted`);
        }
    }
    const ownAgain = await checkOwnFiles(plan.statePath);
    for (const [i, f] of plan.ownFiles.files.entries()) {
        const now = ownAgain.files[i];
        if (now?.path !== f.path || !sameIdentity(now.found, f.found)) {
            throw new options/* UsageError */.eb(`clear: ${f.path} changed while the builder was pruned: refused, the record is not reset`);
        }
    }
}
async function removePaths(targets, progress) {
    const removedPaths = [];
    const missingPaths = [];
    for (const t of targets) {
        if (t.found === null) {
            missingPaths.push(t.given);
            continue;
        }
        progress(`removing ${t.abs}`);
        if (await removeChecked(t.abs, t.found, t.realRoot, `clear path "${t.given}"`))
            removedPaths.push(t.given);
        else
            missingPaths.push(t.given);
    }
    return { removedPaths, missingPaths };
}
/** Removes the record and its companions that are the tool's own; true when the record went. */
async function resetRecord(files, statePath, progress) {
    let recordReset = false;
    for (const f of files) {
        if (f.found === null || !f.ours)
            continue;
        const removed = await removeChecked(f.path, f.found, f.dir, f.path).catch((e) => {
            throw new options/* UsageError */.eb(`clear: ${f.path} could not be removed: ${(0,errors/* errorMessage */.gJ)(e)}`);
        });
        if (f.kind === 'record')
            recordReset = removed;
    }
    // The re-send cure's builder state goes with the record (named from the record's own path).
    await (0,promises_.rm)((0,cure/* builderStampPath */.Az)(statePath), { force: true });
    progress(recordReset ? `record reset: ${statePath}` : `no record at ${statePath}`);
    return recordReset;
}
function sameIdentity(a, b) {
    if (a === null || b === null)
        return a === b;
    return a.dev === b.dev && a.ino === b.ino;
}
/**
 * The record file named by --state / the state-file input may be any path, and so may its
 * companions (`<state>.stat-cache`, `<state>.build.log`): each is deleted only when it shows it
 * is the tool's (a record's `version` and `contextHash`, the companions' first-line magic).
 * Something that is not a regular file there, or a record that is not a record, is an error
 * before anything is pruned; a foreign regular companion is left alone with a warning. Missing
 * files are fine (nothing to reset). Reads never follow a symlink at the last component.
 */
async function checkRecordFile(path) {
    await checkOwnFiles(path);
}
async function checkOwnFiles(statePath) {
    const warnings = [];
    const files = [];
    const wanted = [
        ['record', statePath],
        ['stat cache', (0,statcache/* statCachePathFor */.tj)(statePath)],
        ['build log', (0,docker/* buildLogPathFor */.$k)(statePath)]
    ];
    for (const [kind, path] of wanted) {
        const refuse = (why) => {
            throw new options/* UsageError */.eb(`clear: ${path} ${why}, so it is not ${kind === 'record' ? 'reset' : 'removed'}; remove it yourself if it is`);
        };
        const dir = await (0,promises_.realpath)((0,external_node_path_.dirname)(path)).catch(() => null);
        const st = dir === null ? null : await (0,promises_.lstat)((0,external_node_path_.join)(dir, (0,external_node_path_.basename)(path))).catch(() => null);
        if (dir === null || st === null) {
            files.push({ kind, path, dir: dir ?? (0,external_node_path_.dirname)(path), found: null, ours: false });
            continue;
        }
        if (!st.isFile())
            refuse('is not a regular file');
        const head = await readHead((0,external_node_path_.join)(dir, (0,external_node_path_.basename)(path)), kind === 'record' ? Infinity : 4096);
        const ours = kind === 'record'
            ? looksLikeRecord(head)
            : head.startsWith(kind === 'stat cache' ? `${statcache/* STAT_CACHE_MAGIC */.CV} ` : docker/* BUILD_LOG_MAGIC */.c8);
        if (!ours && kind === 'record') {
            refuse('does not look like a fresh-build record (no JSON with version and contextHash)');
        }
        if (!ours) {
            warnings.push(`${path} is not a fresh-build ${kind} (no header): left in place`);
        }
        else {
            // Deleting needs a writable folder: tried now, before the prune rather than after it.
            const fault = await writableFolder(dir);
            if (fault !== null)
                refuse(`cannot be removed (its folder is not writable: ${fault})`);
        }
        files.push({ kind, path, dir, found: identityOf(st), ours });
    }
    return { files, warnings };
}
/** The whole record, or a companion's first bytes (its magic line). Never follows a symlink. */
async function readHead(path, max) {
    let fh;
    try {
        fh = await (0,promises_.open)(path, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW | external_node_fs_.constants.O_NONBLOCK);
    }
    catch (e) {
        throw new options/* UsageError */.eb(`clear: ${path} cannot be read (${(0,errno/* errCode */.tm)(e) ?? 'error'})`);
    }
    try {
        if (max === Infinity)
            return await fh.readFile('utf8');
        const buf = Buffer.alloc(max);
        const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
        return buf.subarray(0, bytesRead).toString('utf8');
    }
    finally {
        await fh.close();
    }
}
function looksLikeRecord(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return false;
    }
    return typeof value === 'object' && value !== null && 'version' in value && 'contextHash' in value;
}


/***/ })

};
