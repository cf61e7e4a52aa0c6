export const id = 847;
export const ids = [847];
export const modules = {

/***/ 3414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Az: () => (/* binding */ builderStampPath),
  ki: () => (/* binding */ cureStage),
  cf: () => (/* binding */ keepBuilderState),
  UE: () => (/* reexport */ listLocalSources)
});

// UNUSED EXPORTS: chooseCure, controlDigests, filesToResend, readStamp, recordBinding, removeStamp, touchForResend, writeStamp

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/docker/buildcache.ts
const BUILD_CACHE_ARGV = ['system', 'df', '-v', '--format', '{{json .BuildCache}}'];
/**
 * The `source.local` records of a `{{json .BuildCache}}` listing, sorted by ID. Throws on output
 * that is not the array of records the 20.10 client prints (an empty cache prints `[]`).
 */
function parseLocalSources(text) {
    const value = JSON.parse(text.trim() || 'null');
    if (value === null)
        return [];
    if (!Array.isArray(value))
        throw new Error('build cache listing is not an array');
    const out = [];
    for (const r of value) {
        if (typeof r !== 'object' || r === null)
            throw new Error('build cache record is not an object');
        const o = r;
        // The CLI's template prints these fields as strings; the raw API as numbers and strings.
        const type = o.CacheType ?? o.Type;
        if (type !== 'source.local')
            continue;
        const usage = Number(o.UsageCount);
        const { ID: id, Description: description, LastUsedAt: lastUsed } = o;
        if (typeof id !== 'string' || id === '' || !Number.isSafeInteger(usage)) {
            throw new Error('build cache record without an ID or a usage count');
        }
        out.push({
            id,
            description: typeof description === 'string' ? description : '',
            usage,
            lastUsed: typeof lastUsed === 'string' ? lastUsed : String(lastUsed ?? '')
        });
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
/** The daemon's `source.local` records, or the reason they cannot be listed. */
async function listLocalSources(exec) {
    try {
        const r = await exec(BUILD_CACHE_ARGV, { maxCapture: 8 * 1024 * 1024 });
        if (r.code !== 0 || r.truncated) {
            return {
                error: `docker system df failed (exit ${r.code}): ${r.stderr.trim().split('\n')[0] ?? ''}`
            };
        }
        return { sources: parseLocalSources(r.stdout) };
    }
    catch (e) {
        return { error: `docker system df: ${e instanceof Error ? e.message : String(e)}` };
    }
}
/** Same record, unused since: same ID, usage count and last-used time. */
function sameUse(a, b) {
    return a.id === b.id && a.usage === b.usage && a.lastUsed === b.lastUsed;
}
/** Records in `after` that are new or were used since `before`: what a build in between touched. */
function usedBetween(before, after) {
    const old = new Map(before.map(s => [s.id, s]));
    return after.filter(s => {
        const was = old.get(s.id);
        return was === undefined || !sameUse(was, s);
    });
}

// EXTERNAL MODULE: ./src/docker/index.ts + 4 modules
var docker = __webpack_require__(4565);
// EXTERNAL MODULE: ./src/context/walk.ts + 3 modules
var walk = __webpack_require__(1705);
// EXTERNAL MODULE: ./src/util/errno.ts
var errno = __webpack_require__(8196);
;// CONCATENATED MODULE: ./src/pipeline/cure.ts
/**
 * The cure for stale context bytes: re-send what changed instead of pruning the whole context.
 *
 * BuildKit's client re-sends a context file only when its size, mtime, mode, owner (or link
 * target) differ from the copy the builder keeps in its `source.local` record. When that copy is
 * the bytes of the guard's record, the only files that can be stale are the ones whose bytes
 * changed since the record; giving just those a new mtime makes the client re-send exactly them.
 * Whether the builder's copy IS the record's bytes is checked, not assumed: after each build the
 * guard keeps, beside the record, the `source.local` records its build used (ID, usage count,
 * last-used time); any other build that synced into them since moves those numbers, and then the
 * whole record is pruned as before. docs/resend-cure.md has the argument and the experiment.
 */







/** Where the stamp of a record lives: beside it, like the stat cache. */
function builderStampPath(recordPath) {
    return `${recordPath}.builder-state`;
}
function recordBinding(r) {
    return `${r.contextHash} ${r.builtAt}`;
}
/** The stamp at `path`, or null when it is missing or unusable (then the record cannot vouch). */
async function readStamp(path) {
    let value;
    try {
        value = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
    }
    catch {
        return null;
    }
    if (typeof value !== 'object' || value === null)
        return null;
    const v = value;
    if (v.version !== 1 || typeof v.record !== 'string' || !Array.isArray(v.sources))
        return null;
    const controls = v.controls;
    if (typeof controls !== 'object' || controls === null || Array.isArray(controls))
        return null;
    if (!Object.values(controls).every(d => typeof d === 'string'))
        return null;
    const sources = v.sources;
    const ok = sources.every(s => {
        const o = s;
        return (typeof o === 'object' &&
            o !== null &&
            typeof o.id === 'string' &&
            typeof o.description === 'string' &&
            typeof o.lastUsed === 'string' &&
            Number.isSafeInteger(o.usage));
    });
    if (!ok)
        return null;
    return {
        version: 1,
        record: v.record,
        controls: controls,
        sources: sources
    };
}
/** Replaces the stamp (temp file and rename; a torn file fails to parse and counts as none). */
async function writeStamp(path, stamp) {
    const tmp = `${path}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`;
    try {
        await (0,promises_.writeFile)(tmp, `${JSON.stringify(stamp)}\n`, { mode: 0o644, flag: 'wx' });
        await (0,promises_.rename)(tmp, path);
    }
    catch (e) {
        await (0,promises_.rm)(tmp, { force: true });
        throw e;
    }
}
async function removeStamp(path) {
    await (0,promises_.rm)(path, { force: true });
}
/** sha256 of the Dockerfile and of the ignore file BuildKit will read, by absolute path. */
async function controlDigests(context, dockerfile) {
    const out = {};
    const files = [(0,external_node_path_.resolve)(dockerfile), await (0,walk/* findIgnoreFile */.Cl)(context, dockerfile)];
    for (const file of files) {
        if (file === null)
            continue;
        const bytes = await (0,promises_.readFile)(file).catch(() => null);
        if (bytes !== null)
            out[file] = (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
    }
    return out;
}
/**
 * Pure: may this build re-send only the changed files? Only with the default `source` policy on
 * the daemon's own BuildKit (whose records `docker system df` lists; a buildx builder may be a
 * container with records of its own), with a record, a stamp written with that very record, and
 * every record the stamped build used unused since.
 */
function chooseCure(input) {
    const prune = (reason, usedOutside = false) => ({
        action: 'fallback',
        reason,
        usedOutside
    });
    if (input.policy !== 'source')
        return prune(`policy ${input.policy}`);
    if (input.kind !== 'buildkit')
        return prune(`the ${input.kind} builder's records are not listed`);
    if (input.previous === null)
        return prune('no record');
    const stamp = input.stamp;
    if (stamp === null)
        return prune('no builder state kept with the record');
    if (stamp.record !== recordBinding(input.previous)) {
        return prune('the builder state kept belongs to another record');
    }
    if (!stamp.sources.some(s => s.description.endsWith(' context'))) {
        return prune('the builder state kept names no context record');
    }
    const listing = input.listing;
    if (listing === null || 'error' in listing) {
        return prune(`the builder's records cannot be listed${listing ? ` (${listing.error})` : ''}`);
    }
    const now = new Map(listing.sources.map(s => [s.id, s]));
    for (const s of stamp.sources) {
        const cur = now.get(s.id);
        if (cur === undefined)
            return prune(`the builder's record ${s.id} is gone`, true);
        if (!sameUse(s, cur)) {
            return prune(`the builder's record ${s.id} was used outside this guard since its last build (usage ${s.usage} -> ${cur.usage})`, true);
        }
    }
    return { action: 'resend' };
}
/**
 * Context files whose bytes (or type or mode) differ from the record, plus a Dockerfile or
 * ignore file that differs from the stamp: the files to re-send. Regular files only: the client
 * compares a symlink's target and every entry's mode itself.
 */
function filesToResend(context, entries, files, previous, controlsNow, stamp) {
    const out = new Set();
    for (const e of entries) {
        if (e.type !== 'file')
            continue;
        const before = Object.hasOwn(previous.files, e.path) ? previous.files[e.path] : undefined;
        if (before !== files[e.path])
            out.add((0,external_node_path_.join)(context, e.path));
    }
    for (const [file, digest] of Object.entries(controlsNow)) {
        if (stamp.controls[file] !== digest)
            out.add(file);
    }
    return [...out];
}
/**
 * Gives each file a modification time the builder's copy cannot have: later than both this
 * run's clock and the file's own mtime (by a millisecond, far above the microsecond a double
 * of seconds resolves), so the client's size+mtime comparison sees a change. The access time is
 * kept. Throws on the first file that cannot be touched: then the caller prunes instead.
 */
async function touchForResend(paths) {
    for (const path of paths) {
        const st = await (0,promises_.lstat)(path);
        if (!st.isFile())
            continue;
        const ms = Math.max(Date.now(), st.mtimeMs) + 1;
        await (0,promises_.utimes)(path, st.atime, ms / 1000);
    }
}
/**
 * The prune stage of a build: re-send only the changed files when the stamp vouches for the
 * builder's copy, otherwise prune by the policy as before (only when the context diverged). The
 * stamp is removed first: a run that dies or ends stale leaves none, so the next run prunes.
 */
async function cureStage(input) {
    const stampPath = builderStampPath(input.statePath);
    const stamp = input.policy === 'never' ? null : await readStamp(stampPath);
    await removeStamp(stampPath);
    if (input.policy === 'never')
        return { pruned: null, resent: null, vouched: false };
    const choice = chooseCure({ ...input, stamp });
    if (choice.action === 'resend' && input.previous && stamp) {
        const controls = await controlDigests(input.context, input.dockerfile);
        const paths = filesToResend(input.context, input.entries, input.files, input.previous, controls, stamp);
        try {
            await touchForResend(paths);
            if (paths.length > 0 || input.diverged) {
                input.say(`re-sending ${paths.length} changed file(s) instead of pruning: the builder's context copy is the one the last guarded build left`);
            }
            return { pruned: null, resent: paths, vouched: true };
        }
        catch (e) {
            input.say(`cannot mark the changed files for re-sending (${(0,errno/* errCode */.tm)(e) ?? String(e)})`);
            if (!input.diverged)
                return { pruned: null, resent: null, vouched: false };
        }
    }
    else if (choice.action === 'fallback' && input.diverged && input.policy === 'source') {
        input.say(`pruning, not re-sending: ${choice.reason}`);
    }
    // Unchanged since the record, yet the builder's copy was synced by another build since: that
    // build may have left other bytes under the same size and mtime (an edit it saw, reverted
    // with the mtime kept), which no comparison with the record can see.
    const outside = choice.action === 'fallback' && choice.usedOutside;
    if (!input.diverged && outside)
        input.say(`the context equals the record, but ${choice.reason}`);
    if (!input.diverged && !outside)
        return { pruned: null, resent: null, vouched: false };
    input.say(`pruning the builder cache (policy ${input.policy})`);
    const pruned = await (0,docker/* prune */.R3)(input.exec, input.policy, input.kind);
    input.say(pruned.done
        ? `pruned: ${pruned.reclaimedBytes} bytes reclaimed`
        : `not pruned: ${pruned.note ?? ''}`);
    return { pruned, resent: null, vouched: pruned.done && input.kind === 'buildkit' };
}
/**
 * After the run's builds: keeps which `source.local` records they used, bound to the record just
 * written, so the next run can tell whether anything else used them since. Best effort: no stamp
 * only means the next diverged build prunes.
 */
async function keepBuilderState(input) {
    const path = builderStampPath(input.statePath);
    const { before, after } = input;
    if (!before || 'error' in before || !after || 'error' in after)
        return removeStamp(path);
    const sources = usedBetween(before.sources, after.sources);
    if (!sources.some(s => s.description.endsWith(' context')))
        return removeStamp(path);
    await writeStamp(path, {
        version: 1,
        record: recordBinding(input.record),
        controls: await controlDigests(input.context, input.dockerfile),
        sources
    });
}



/***/ }),

/***/ 3122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Rn: () => (/* binding */ MEDIA),
  bP: () => (/* binding */ RegistryClient),
  gl: () => (/* reexport */ errors/* RegistryError */.g),
  sc: () => (/* binding */ sha256)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/docker/exec.ts + 1 modules
var exec = __webpack_require__(4177);
;// CONCATENATED MODULE: ./src/registry/credentials.ts
/**
 * Registry credentials as `docker login` left them: `auths` in the Docker config file
 * ($DOCKER_CONFIG/config.json, else ~/.docker/config.json), or the credential helper it names
 * (`credHelpers` per registry, `credsStore` for all). Values are only ever sent to the registry
 * they belong to; nothing here logs, labels or records them.
 */




/** The keys `docker login` may have used for this registry. */
function keysFor(registry) {
    if (registry === 'docker.io') {
        return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
    }
    return [
        registry,
        `https://${registry}`,
        `http://${registry}`,
        `https://${registry}/v1/`,
        `https://${registry}/v2/`
    ];
}
function dockerConfigPath(env) {
    return (0,external_node_path_.join)(env.DOCKER_CONFIG || (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.docker'), 'config.json');
}
async function credentialsFor(registry, env) {
    let config;
    try {
        config = JSON.parse(await (0,promises_.readFile)(dockerConfigPath(env), 'utf8'));
    }
    catch {
        return null; // no config (never logged in) or unreadable: anonymous
    }
    const keys = keysFor(registry);
    const helper = keys.map(k => config.credHelpers?.[k]).find(Boolean) ?? config.credsStore;
    for (const key of keys) {
        const entry = config.auths?.[key];
        if (!entry)
            continue;
        if (entry.identitytoken) {
            return { kind: 'identity', username: entry.username ?? '<token>', token: entry.identitytoken };
        }
        if (entry.auth) {
            const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon > 0) {
                return {
                    kind: 'basic',
                    username: decoded.slice(0, colon),
                    password: decoded.slice(colon + 1)
                };
            }
        }
        if (entry.username && entry.password) {
            return { kind: 'basic', username: entry.username, password: entry.password };
        }
    }
    return helper ? fromHelper(helper, keys[0], env) : null;
}
/** `docker-credential-NAME get`, the protocol docker itself speaks; no answer means anonymous. */
async function fromHelper(name, server, env) {
    if (!/^[\w.-]+$/.test(name))
        return null;
    const r = await (0,exec/* run */.eF)(`docker-credential-${name}`, ['get'], {
        baseEnv: env,
        input: server,
        maxCapture: 1024 * 1024,
        // A helper waiting on a desktop prompt must not hang the build.
        signal: AbortSignal.timeout(30_000)
    }).catch(() => null);
    if (!r || r.code !== 0)
        return null;
    try {
        const v = JSON.parse(r.stdout);
        if (!v.Secret)
            return null;
        return v.Username === '<token>'
            ? { kind: 'identity', username: v.Username, token: v.Secret }
            : { kind: 'basic', username: v.Username ?? '', password: v.Secret };
    }
    catch {
        return null;
    }
}
/** The secret strings of a credential, to mask in anything printed. */
function credentialSecrets(c) {
    if (!c)
        return [];
    return c.kind === 'basic'
        ? [c.password, Buffer.from(`${c.username}:${c.password}`).toString('base64')]
        : [c.token];
}

// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/registry/reference.ts
var reference = __webpack_require__(9310);
;// CONCATENATED MODULE: ./src/registry/client.ts
/**
 * A small client for the registry HTTP API (OCI distribution-spec v2, as the CNCF distribution
 * registry serves it): manifests, blobs, tags, deletes. Only what fresh-build needs; `docker push`
 * still moves the image itself. Every failure is a RegistryError with one line naming the
 * registry and what went wrong (unreachable, unauthorised, name invalid, delete disabled).
 */





const MEDIA = {
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociEmpty: 'application/vnd.oci.empty.v1+json'
};
/** Every manifest kind we read; the registry answers with the one it stored. */
const ACCEPT = [MEDIA.ociManifest, MEDIA.ociIndex, MEDIA.dockerManifest, MEDIA.dockerList].join(', ');
function sha256(bytes) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
}
class RegistryClient {
    registry;
    opts;
    base;
    credentials = null;
    tokens = new Map();
    basic = false;
    constructor(registry, opts) {
        this.registry = registry;
        this.opts = opts;
        this.base = `${(0,reference/* isLoopback */.U9)(registry) ? 'http' : 'https'}://${registry}`;
    }
    /** GET /v2/: the registry answers and (with the credentials docker has) lets us in. */
    async ping() {
        const r = await this.send({ method: 'GET', path: '/v2/' });
        if (r.status !== 200)
            throw await this.failure(r, 'the API check (GET /v2/)');
    }
    /** The digest a tag or digest points at, or null when the registry has no such manifest. */
    async resolve(repository, reference) {
        const r = await this.send({
            method: 'HEAD',
            path: `/v2/${repository}/manifests/${reference}`,
            scope: { repository, actions: 'pull' },
            headers: { accept: ACCEPT }
        });
        if (r.status === 404)
            return null;
        if (r.status !== 200)
            throw await this.failure(r, `${repository}:${reference}`);
        const digest = r.headers.get('docker-content-digest');
        if (digest)
            return digest;
        // Some registries leave the header out of HEAD answers: the body's hash is the digest.
        return (await this.manifest(repository, reference))?.digest ?? null;
    }
    async manifest(repository, reference) {
        const r = await this.send({
            method: 'GET',
            path: `/v2/${repository}/manifests/${reference}`,
            scope: { repository, actions: 'pull' },
            headers: { accept: ACCEPT }
        });
        if (r.status === 404)
            return null;
        if (r.status !== 200)
            throw await this.failure(r, `${repository}:${reference}`);
        const bytes = Buffer.from(await r.arrayBuffer());
        const digest = sha256(bytes);
        if (reference.startsWith('sha256:') && digest !== reference) {
            throw new errors/* RegistryError */.g(`registry ${this.registry}: manifest ${reference} came back with other bytes (${digest})`, 'DIGEST_INVALID');
        }
        let json;
        try {
            json = JSON.parse(bytes.toString('utf8'));
        }
        catch {
            throw new errors/* RegistryError */.g(`registry ${this.registry}: manifest ${repository}:${reference} is not JSON`, 'MANIFEST_INVALID');
        }
        const mediaType = (typeof json.mediaType === 'string' ? json.mediaType : null) ??
            r.headers.get('content-type') ??
            MEDIA.ociManifest;
        return { digest, mediaType, bytes, json };
    }
    /** PUT a manifest under a tag (or its digest); returns its digest. */
    async putManifest(repository, reference, bytes, mediaType) {
        const r = await this.send({
            method: 'PUT',
            path: `/v2/${repository}/manifests/${reference}`,
            scope: { repository, actions: 'pull,push' },
            headers: { 'content-type': mediaType },
            body: bytes
        });
        if (r.status !== 201)
            throw await this.failure(r, `pushing manifest ${repository}:${reference}`);
        await r.arrayBuffer().catch(() => undefined);
        return sha256(bytes);
    }
    /** Uploads a blob unless the repository has it (monolithic upload: POST then PUT). */
    async putBlob(repository, bytes) {
        const digest = sha256(bytes);
        const scope = { repository, actions: 'pull,push' };
        const head = await this.send({
            method: 'HEAD',
            path: `/v2/${repository}/blobs/${digest}`,
            scope
        });
        if (head.status === 200)
            return digest;
        const start = await this.send({
            method: 'POST',
            path: `/v2/${repository}/blobs/uploads/`,
            scope
        });
        if (start.status !== 202)
            throw await this.failure(start, `starting a blob upload to ${repository}`);
        await start.arrayBuffer().catch(() => undefined);
        const location = start.headers.get('location');
        if (!location)
            throw new errors/* RegistryError */.g(`registry ${this.registry}: blob upload gave no Location`, 'BLOB_UPLOAD_INVALID');
        const url = new URL(location, this.base);
        url.searchParams.set('digest', digest);
        const put = await this.send({
            method: 'PUT',
            path: url.toString(),
            scope,
            headers: { 'content-type': 'application/octet-stream' },
            body: bytes
        });
        if (put.status !== 201)
            throw await this.failure(put, `uploading blob ${digest} to ${repository}`);
        await put.arrayBuffer().catch(() => undefined);
        return digest;
    }
    /** A blob's bytes, checked against its digest. */
    async blob(repository, digest, maxBytes = 64 * 1024 * 1024) {
        const r = await this.send({
            method: 'GET',
            path: `/v2/${repository}/blobs/${digest}`,
            scope: { repository, actions: 'pull' }
        });
        if (r.status !== 200)
            throw await this.failure(r, `blob ${digest} of ${repository}`);
        const size = Number(r.headers.get('content-length') ?? 0);
        if (size > maxBytes)
            throw new errors/* RegistryError */.g(`registry ${this.registry}: blob ${digest} is ${size} bytes, more than ${maxBytes}`, 'BLOB_TOO_LARGE');
        const bytes = Buffer.from(await r.arrayBuffer());
        if (sha256(bytes) !== digest) {
            throw new errors/* RegistryError */.g(`registry ${this.registry}: blob ${digest} came back with other bytes`, 'DIGEST_INVALID');
        }
        return bytes;
    }
    /** Every tag of a repository (following `Link` pages); empty when the repository is unknown. */
    async tags(repository) {
        const out = [];
        let path = `/v2/${repository}/tags/list?n=1000`;
        while (path) {
            const r = await this.send({ method: 'GET', path, scope: { repository, actions: 'pull' } });
            if (r.status === 404)
                return out;
            if (r.status !== 200)
                throw await this.failure(r, `listing the tags of ${repository}`);
            const doc = (await r.json());
            out.push(...(doc.tags ?? []));
            const link = /<([^>]+)>;\s*rel="?next"?/.exec(r.headers.get('link') ?? '');
            path = link ? link[1] : null;
        }
        return out;
    }
    /**
     * DELETE a manifest by digest. The registry then drops it and every tag pointing at it, so
     * callers decide first which digest may go. Throws a RegistryError with code `DELETE_DISABLED`
     * when the registry's delete setting is off.
     */
    async deleteManifest(repository, digest) {
        const r = await this.send({
            method: 'DELETE',
            path: `/v2/${repository}/manifests/${digest}`,
            scope: { repository, actions: 'delete' }
        });
        await r.arrayBuffer().catch(() => undefined);
        if (r.status === 202 || r.status === 200)
            return 'deleted';
        if (r.status === 404)
            return 'missing';
        if (r.status === 405) {
            throw new errors/* RegistryError */.g(`registry ${this.registry}: deleting is not enabled (the registry answers 405 UNSUPPORTED; turn on storage.delete.enabled, or REGISTRY_STORAGE_DELETE_ENABLED=true)`, 'DELETE_DISABLED');
        }
        throw await this.failure(r, `deleting ${repository}@${digest}`);
    }
    /**
     * Whether deletes are allowed, asked without deleting anything: a DELETE of a digest no
     * manifest has answers 404 when deletes are on and 405 when they are off.
     */
    async checkDeleteEnabled(repository) {
        await this.deleteManifest(repository, `sha256:${'0'.repeat(64)}`);
    }
    // --- transport and auth
    async send(req, retried = false) {
        const url = /^https?:\/\//.test(req.path) ? req.path : `${this.base}${req.path}`;
        const headers = { ...req.headers };
        const auth = await this.authorization(req);
        if (auth)
            headers.authorization = auth;
        let r;
        try {
            r = await fetch(url, {
                method: req.method,
                headers,
                ...(req.body ? { body: req.body } : {}),
                redirect: 'follow',
                signal: AbortSignal.timeout(this.opts.timeoutMs ?? 30_000)
            });
        }
        catch (e) {
            throw new errors/* RegistryError */.g(`registry ${this.registry} is unreachable (${netCause(e)})`, 'UNREACHABLE');
        }
        if (r.status === 401 && !retried) {
            const challenge = r.headers.get('www-authenticate') ?? '';
            await r.arrayBuffer().catch(() => undefined);
            if (await this.answerChallenge(challenge, req))
                return this.send(req, true);
            throw new errors/* RegistryError */.g(`registry ${this.registry}: unauthorised${req.scope ? ` for ${req.scope.repository}` : ''} (no credentials for it in the Docker config: run docker login ${this.registry})`, 'UNAUTHORIZED');
        }
        if (r.status === 401) {
            await r.arrayBuffer().catch(() => undefined);
            throw new errors/* RegistryError */.g(`registry ${this.registry}: unauthorised${req.scope ? ` for ${req.scope.repository}` : ''} (the Docker config's credentials were refused: run docker login ${this.registry})`, 'UNAUTHORIZED');
        }
        return r;
    }
    creds() {
        return (this.credentials ??= credentialsFor(this.registry, this.opts.env));
    }
    async authorization(req) {
        const token = this.tokens.get(scopeKey(req)) ?? this.tokens.get('');
        if (token)
            return `Bearer ${token}`;
        if (this.basic) {
            const c = await this.creds();
            if (c?.kind === 'basic')
                return `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
        }
        return null;
    }
    /** Basic or Bearer (token service) auth as the challenge asks; false when we have nothing to offer. */
    async answerChallenge(challenge, req) {
        const c = await this.creds();
        if (/^basic\b/i.test(challenge)) {
            if (c?.kind !== 'basic')
                return false;
            this.basic = true;
            return true;
        }
        if (!/^bearer\b/i.test(challenge))
            return false;
        const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map(m => [m[1], m[2]]));
        if (!params.realm)
            return false;
        const url = new URL(params.realm);
        if (params.service)
            url.searchParams.set('service', params.service);
        const scope = req.scope
            ? `repository:${req.scope.repository}:${req.scope.actions}`
            : params.scope;
        if (scope)
            url.searchParams.set('scope', scope);
        const headers = {};
        let method = 'GET';
        let body;
        if (c?.kind === 'basic') {
            headers.authorization = `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
        }
        else if (c?.kind === 'identity') {
            method = 'POST';
            headers['content-type'] = 'application/x-www-form-urlencoded';
            const form = new URLSearchParams({
                grant_type: 'refresh_token',
                refresh_token: c.token,
                client_id: 'fresh-build'
            });
            if (params.service)
                form.set('service', params.service);
            if (scope)
                form.set('scope', scope);
            body = form.toString();
        }
        let r;
        try {
            r = await fetch(url, {
                method,
                headers,
                ...(body ? { body } : {}),
                signal: AbortSignal.timeout(this.opts.timeoutMs ?? 30_000)
            });
        }
        catch (e) {
            throw new errors/* RegistryError */.g(`registry ${this.registry}: its token service ${url.host} is unreachable (${netCause(e)})`, 'UNREACHABLE');
        }
        if (r.status !== 200) {
            await r.arrayBuffer().catch(() => undefined);
            return false;
        }
        const doc = (await r.json().catch(() => ({})));
        const token = doc.token ?? doc.access_token;
        if (!token)
            return false;
        this.tokens.set(scopeKey(req), token);
        return true;
    }
    /** One line from an error answer: the registry's own code and message when it sent them. */
    async failure(r, what) {
        let code = `HTTP_${r.status}`;
        let detail = `HTTP ${r.status}`;
        try {
            const doc = (await r.json());
            const first = doc.errors?.[0];
            if (first?.code) {
                code = first.code;
                detail = `${first.code}${first.message ? `: ${first.message}` : ''}`;
            }
        }
        catch {
            // not JSON: the status says enough
        }
        const nice = code === 'NAME_INVALID'
            ? 'name invalid'
            : code === 'DENIED'
                ? 'access denied'
                : code === 'NAME_UNKNOWN'
                    ? 'no such repository'
                    : null;
        return new errors/* RegistryError */.g(`registry ${this.registry}: ${nice ? `${nice} (${detail})` : detail} for ${what}`, code);
    }
}
function scopeKey(req) {
    return req.scope ? `${req.scope.repository}:${req.scope.actions}` : '';
}
/** `ECONNREFUSED 127.0.0.1:5199` from undici's `fetch failed`, or the timeout. */
function netCause(e) {
    const err = e;
    if (err?.name === 'TimeoutError' || err?.name === 'AbortError')
        return 'timed out';
    const cause = err?.cause;
    if (cause?.message)
        return cause.code && !cause.message.includes(cause.code)
            ? `${cause.code}: ${cause.message}`
            : cause.message;
    if (cause?.code)
        return cause.code;
    return err?.message ?? String(e);
}


/***/ }),

/***/ 6764:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ RegistryError)
/* harmony export */ });
/* harmony import */ var _util_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7610);

/**
 * A registry failure or a reference the registry code cannot use: one line naming the registry
 * (or the reference) and what went wrong (unreachable, unauthorised, name invalid, delete
 * disabled); exit 2.
 */
class RegistryError extends _util_error_js__WEBPACK_IMPORTED_MODULE_0__/* .FreshBuildError */ .nz {
    code;
    constructor(message, 
    /** The registry's error code (`NAME_INVALID`, `UNSUPPORTED`...), or a kind of our own. */
    code = 'ERROR') {
        super(message.replace(/\s*[\r\n]+\s*/g, ' ').trim());
        this.code = code;
    }
}


/***/ }),

/***/ 9310:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ parseImageRef),
/* harmony export */   Qq: () => (/* binding */ repoName),
/* harmony export */   U9: () => (/* binding */ isLoopback),
/* harmony export */   Uh: () => (/* binding */ namesRegistry)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6764);

const PATH_PART = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
function parseImageRef(text) {
    let rest = text.trim();
    let digest = null;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .g(`"${text}": the digest is not sha256:<64 hex>`);
    }
    const slash = rest.indexOf('/');
    const first = slash >= 0 ? rest.slice(0, slash) : '';
    const hasDomain = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
    let registry = hasDomain ? first : 'docker.io';
    let path = hasDomain ? rest.slice(slash + 1) : rest;
    let tag = null;
    const colon = path.lastIndexOf(':');
    if (colon >= 0) {
        tag = path.slice(colon + 1);
        path = path.slice(0, colon);
        if (!TAG.test(tag))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .g(`"${text}": "${tag}" is not a valid tag`);
    }
    if (path === '' || !path.split('/').every(p => PATH_PART.test(p))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .g(`"${text}": name invalid (repository names are lower case: [a-z0-9] with . _ - separators)`);
    }
    if (registry === 'index.docker.io')
        registry = 'docker.io';
    if (registry === 'docker.io' && !path.includes('/'))
        path = `library/${path}`;
    return { registry, repository: path, tag, digest, text };
}
/** True when the reference names its registry (`host[:port]/...`), not Docker Hub by default. */
function namesRegistry(text) {
    const slash = text.indexOf('/');
    if (slash < 0)
        return false;
    const first = text.slice(0, slash);
    return first.includes('.') || first.includes(':') || first === 'localhost';
}
/** `registry/repository` without tag or digest. */
function repoName(ref) {
    return `${ref.registry}/${ref.repository}`;
}
/** Loopback registries are spoken to over plain HTTP, as dockerd does (127.0.0.0/8 is insecure by default). */
function isLoopback(registry) {
    const host = registry.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}


/***/ })

};
