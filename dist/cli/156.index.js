export const id = 156;
export const ids = [156];
export const modules = {

/***/ 156:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runVerify: () => (/* binding */ runVerify)
});

// EXTERNAL MODULE: ./src/docker/index.ts + 16 modules
var docker = __webpack_require__(5866);
// EXTERNAL MODULE: ./src/compose/index.ts + 5 modules
var compose = __webpack_require__(1949);
// EXTERNAL MODULE: ./src/pipeline/index.ts + 1 modules
var pipeline = __webpack_require__(7095);
// EXTERNAL MODULE: ./src/record/index.ts + 8 modules
var src_record = __webpack_require__(4220);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/verify/checks.ts
/**
 * The checks, pure functions over inspect data and the bytes read: is the container running
 * (and healthy), does it run the build's image, does a mount cover what a context COPY wrote,
 * and does it hold the build's bytes there.
 */

/** A container up for less than this after docker restarted it is taken as a restart loop. */
const SETTLE_MS = 10_000;
/**
 * Why a container is not serving, or null when it runs (and its health check, if any, passed).
 * A container docker restarted moments ago is caught between crashes of a restart loop.
 */
function runningProblem(c, now = Date.now()) {
    if (c === null)
        return 'no container';
    if (c.restarting)
        return `restarting (last exit code ${c.exitCode})`;
    if (c.paused)
        return 'paused';
    if (!c.running) {
        const how = c.status === 'exited' || c.status === 'dead'
            ? `${c.status} with exit code ${c.exitCode}`
            : c.status || 'not running';
        return c.error ? `${how}: ${c.error}` : how;
    }
    const up = now - Date.parse(c.startedAt);
    if (c.restartCount > 0 && up >= 0 && up < SETTLE_MS) {
        return `restarted ${c.restartCount} time(s), up for only ${Math.round(up / 100) / 10}s (a restart loop?)`;
    }
    if (c.health === 'unhealthy')
        return 'running but unhealthy';
    if (c.health === 'starting')
        return 'running, health check still starting';
    return null;
}
/** Repository names compared as docker normalises them (`docker.io/library/x` is `x`). */
function normalRepo(ref) {
    return ref
        .replace(/^docker\.io\/(library\/)?/, '')
        .replace(/^index\.docker\.io\/(library\/)?/, '');
}
/**
 * How the container's image compares with the build: `same` id, `equivalent` (another id with the
 * very layers and runtime config, differing only in the labels each guarded build writes anew, as
 * an unchanged service's rebuild does), or `other`. A digest reference is compared exactly with
 * the image's RepoDigests.
 */
function imageMatch(containerImage, image, expected, expectedImage) {
    if (expected.digest !== null) {
        const want = normalRepo(expected.digest);
        return (image?.repoDigests ?? []).some(d => normalRepo(d) === want) ? 'same' : 'other';
    }
    if (expected.imageId !== null && containerImage === expected.imageId)
        return 'same';
    if (image !== null &&
        expectedImage !== null &&
        image.diffIds.length > 0 &&
        image.diffIds.join() === expectedImage.diffIds.join() &&
        image.runtimeConfig === expectedImage.runtimeConfig) {
        return 'equivalent';
    }
    return 'other';
}
/** Every path the image's context steps wrote, the last writer winning, with its context digest. */
function writtenFiles(deploy, files) {
    const changed = deploy.changed === null ? null : new Set(deploy.changed);
    const out = new Map();
    for (const copy of deploy.copies) {
        for (const [path, source] of Object.entries(copy.files)) {
            const [type, , digest] = (files[source] ?? '').split(' ');
            out.set(path, {
                path,
                source,
                copy,
                digest: (type === 'file' || type === 'symlink') && digest && digest !== '-' ? digest : null,
                changed: changed === null || changed.has(source)
            });
        }
    }
    return [...out.values()];
}
const under = (path, dir) => path === dir || dir === '/' || path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
function coveringMounts(mounts, written) {
    const out = [];
    for (const mount of mounts) {
        const hit = written.filter(f => under(f.path, external_node_path_.posix.normalize(mount.destination)));
        if (hit.length === 0)
            continue;
        out.push({ mount, copies: [...new Set(hit.map(f => f.copy))], paths: hit.map(f => f.path) });
    }
    return out;
}
/** The innermost mount over a path (docker mounts nest: `/app` then `/app/static`). */
function mountFor(path, mounts) {
    let best = null;
    for (const m of mounts) {
        const dest = external_node_path_.posix.normalize(m.destination);
        if (under(path, dest) && (best === null || dest.length > best.destination.length))
            best = m;
    }
    return best;
}
/**
 * Directories to copy out so every wanted path is read with few `docker cp` calls: each file's
 * COPY destination when it is a directory, else the file itself; never `/` (the whole
 * container), whose files are read one top-level entry at a time.
 */
function readRoots(files) {
    const pick = (f) => {
        const dest = external_node_path_.posix.normalize(f.copy.dest);
        if (dest !== '/' && f.path !== dest && under(f.path, dest))
            return dest;
        const top = `/${f.path.split('/')[1] ?? ''}`;
        return dest === '/' && top !== f.path ? top : f.path;
    };
    const roots = [...new Set(files.map(pick))].sort();
    // A root inside another root is read with it.
    const kept = roots.filter(r => !roots.some(o => o !== r && under(r, o)));
    const out = new Map(kept.map(r => [r, []]));
    for (const f of files) {
        const root = kept.find(r => under(f.path, r));
        if (root !== undefined)
            out.get(root)?.push(f);
    }
    return out;
}
/** Files whose container bytes differ from the context's: candidates, before the image's view. */
function mismatches(files, read) {
    const out = [];
    for (const f of files) {
        if (f.digest === null)
            continue;
        const got = read.get(f.path);
        if (got?.digest === f.digest)
            continue;
        out.push({ file: f, actual: got === undefined ? 'missing' : (got.digest ?? got.type) });
    }
    return out;
}
/**
 * Keeps the mismatches the image itself does not explain: a path a later step rewrote or
 * removed holds other bytes in the image, so the context's bytes are not what the container
 * should hold there and the file is not compared.
 */
function findings(candidates, image, mounts) {
    return candidates
        .filter(({ file }) => image.get(file.path)?.digest === file.digest)
        .map(({ file, actual }) => ({
        path: file.path,
        source: file.source,
        line: file.copy.line,
        expected: file.digest,
        actual,
        mount: mountFor(file.path, mounts)?.destination ?? null
    }));
}
/**
 * A mount over a COPY destination shadows the build when the container sees other bytes
 * through it than the build wrote (a volume that kept an earlier build's files), or always for
 * tmpfs: it starts empty, and `docker cp` reads the image beneath it, not the tmpfs.
 */
function mountReports(covers, found) {
    return covers.map(({ mount, copies, paths }) => {
        const stale = found.filter(f => f.mount === mount.destination);
        const tmpfs = mount.type === 'tmpfs';
        const reason = tmpfs
            ? `a tmpfs starts empty: it hides ${paths.length} file(s) the build copied there`
            : stale.length > 0
                ? `${stale.length} file(s) under it are not the build's: ${stale
                    .slice(0, 5)
                    .map(f => f.path)
                    .join(', ')}${stale.length > 5 ? ', ...' : ''}`
                : null;
        return {
            type: mount.type,
            name: mount.name,
            source: mount.source,
            destination: mount.destination,
            anonymous: mount.anonymous,
            covers: copies.map(c => ({ line: c.line, instruction: c.instruction, dest: c.dest })),
            shadowing: reason !== null,
            reason
        };
    });
}
/** The first cause in order of what to fix first; `live` when there is none. */
function statusOf(p) {
    if (p.notRunning)
        return 'not-running';
    if (p.oldImage)
        return 'old-image';
    if (p.shadowed)
        return 'shadowed';
    if (p.bytesDiffer)
        return 'bytes-differ';
    return 'live';
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/model.ts
var model = __webpack_require__(182);
// EXTERNAL MODULE: ./src/util/index.ts + 8 modules
var util = __webpack_require__(6954);
;// CONCATENATED MODULE: ./src/verify/facts.ts
/**
 * The plain data verify judges: what `docker container inspect` and `docker image inspect` say,
 * reduced to the fields the checks read. Parsing only; no docker call here.
 */



/** Labels `fresh-build build` writes per build, which change the image id but not what runs. */
const PER_BUILD_LABELS = new Set([model/* LABELS */.k.created, model/* LABELS */.k.buildId, model/* LABELS */.k.revision]);
function runtimeConfig(config) {
    const labels = Object.fromEntries(Object.entries(obj(config.Labels)).filter(([k]) => !PER_BUILD_LABELS.has(k)));
    const keys = [
        'Cmd',
        'Entrypoint',
        'Env',
        'WorkingDir',
        'User',
        'ExposedPorts',
        'Volumes',
        'StopSignal',
        'Healthcheck',
        'Shell',
        'OnBuild'
    ];
    return JSON.stringify((0,util/* canonical */.$N)({ ...Object.fromEntries(keys.map(k => [k, config[k] ?? null])), Labels: labels }));
}
const obj = (v) => (typeof v === 'object' && v !== null ? v : {});
const str = (v) => (typeof v === 'string' ? v : '');
const strList = (v) => Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
function parseArray(text, command) {
    try {
        const v = JSON.parse(text);
        return Array.isArray(v) ? v : [v];
    }
    catch {
        throw new docker/* DockerError */.Bi(`${command}: unreadable output`);
    }
}
const ANONYMOUS = /^[0-9a-f]{64}$/;
/** One entry of `docker container inspect` output (the array form). */
function containerFacts(raw) {
    const c = obj(raw);
    const state = obj(c.State);
    const config = obj(c.Config);
    const host = obj(c.HostConfig);
    const mounts = (Array.isArray(c.Mounts) ? c.Mounts : []).map(m => {
        const o = obj(m);
        const type = str(o.Type);
        const name = str(o.Name) || null;
        return {
            type,
            name,
            source: str(o.Source) || null,
            destination: str(o.Destination),
            anonymous: type === 'volume' && name !== null && ANONYMOUS.test(name)
        };
    });
    // `--tmpfs` shows only in HostConfig.Tmpfs, never in Mounts.
    for (const dest of Object.keys(obj(host.Tmpfs))) {
        if (!mounts.some(m => m.destination === dest)) {
            mounts.push({ type: 'tmpfs', name: null, source: null, destination: dest, anonymous: false });
        }
    }
    const health = obj(state.Health);
    return {
        id: str(c.Id),
        name: str(c.Name).replace(/^\//, ''),
        image: str(c.Image),
        startedFrom: str(config.Image),
        created: str(c.Created),
        status: str(state.Status),
        running: state.Running === true,
        restarting: state.Restarting === true,
        paused: state.Paused === true,
        exitCode: typeof state.ExitCode === 'number' ? state.ExitCode : 0,
        error: str(state.Error),
        startedAt: str(state.StartedAt),
        restartCount: typeof c.RestartCount === 'number' ? c.RestartCount : 0,
        health: str(health.Status) || null,
        labels: Object.fromEntries(Object.entries(obj(config.Labels)).filter((e) => typeof e[1] === 'string')),
        mounts
    };
}
function parseContainerInspect(text) {
    return parseArray(text, 'docker inspect').map(containerFacts);
}
function imageFacts(raw) {
    const i = obj(raw);
    return {
        id: str(i.Id),
        created: str(i.Created),
        repoTags: strList(i.RepoTags),
        repoDigests: strList(i.RepoDigests),
        diffIds: strList(obj(i.RootFS).Layers),
        runtimeConfig: runtimeConfig(obj(i.Config))
    };
}
function parseImageInspectList(text) {
    return parseArray(text, 'docker image inspect').map(imageFacts);
}

;// CONCATENATED MODULE: ./src/verify/docker.ts
/**
 * The docker calls verify makes, each an argv builder beside a thin runner. Every one of them
 * only reads: `inspect`, `ps`, `cp CONTAINER:PATH -` (a tar stream on stdout,
 * which needs no shell in the container, so distroless and FROM scratch images work) and
 * `docker save` (to see what the image itself holds at a path). No `exec`, no `create`.
 */




const COMPOSE_SERVICE_LABEL = 'com.docker.compose.service';
function inspectContainerCommand(ref) {
    return ['inspect', '--type=container', ref];
}
/** Every container (running or not) compose made for `service`, in any project. */
function listServiceCommand(service) {
    return [
        'ps',
        '--all',
        '--quiet',
        '--no-trunc',
        '--filter',
        `label=${COMPOSE_SERVICE_LABEL}=${service}`
    ];
}
function inspectImageCommand(ref) {
    return ['image', 'inspect', ref];
}
/** `docker cp C:PATH -`: PATH (a file, or a directory and all under it) as a tar on stdout. */
function copyOutCommand(container, path) {
    return ['cp', `${container}:${path}`, '-'];
}
const NO_SUCH = /no such (container|object|image)/i;
/** The container, or null when the daemon has none by that name or id. */
async function inspectContainer(exec, ref) {
    const args = inspectContainerCommand(ref);
    const r = await exec(args);
    if (r.code !== 0) {
        if (NO_SUCH.test((0,docker/* lastErrorLine */.HY)(r)))
            return null;
        throw (0,docker/* commandError */.yE)(args, r);
    }
    return parseContainerInspect(r.stdout)[0] ?? null;
}
async function listServiceContainers(exec, service) {
    const r = await (0,docker/* runOrThrow */.nf)(exec, listServiceCommand(service));
    return r.stdout
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean);
}
/** The image, or null when the daemon does not have it. */
async function inspectImageFacts(exec, ref) {
    const args = inspectImageCommand(ref);
    const r = await exec(args);
    if (r.code !== 0) {
        if (NO_SUCH.test((0,docker/* lastErrorLine */.HY)(r)))
            return null;
        throw (0,docker/* commandError */.yE)(args, r);
    }
    return parseImageInspectList(r.stdout)[0] ?? null;
}
const sha256 = (data) => 'sha256:' + (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
/**
 * Reads the wanted paths under `root` out of a running container through one `docker cp` tar
 * stream (only wanted file bodies are hashed). A path the container lacks is absent from the
 * result; a root the container lacks gives an empty map.
 */
async function readContainerPaths(exec, container, root, wanted) {
    const found = new Map();
    // The tar names entries after the root's own name: `cp C:/app/static -` gives `static/...`.
    const parent = external_node_path_.posix.dirname(root);
    const walker = new docker/* TarWalker */.Cv(async (header, body) => {
        const path = external_node_path_.posix.join(parent, (0,docker/* normalizeLayerPath */.qr)(header.name));
        if (!wanted.has(path))
            return;
        if (header.type === 'file' || header.type === 'contiguous-file') {
            const hash = (0,external_node_crypto_.createHash)('sha256');
            for await (const chunk of body)
                hash.update(chunk);
            found.set(path, { type: 'file', digest: 'sha256:' + hash.digest('hex') });
        }
        else if (header.type === 'symlink') {
            found.set(path, { type: 'symlink', digest: sha256(header.linkname ?? '') });
        }
        else if (header.type === 'link') {
            const to = external_node_path_.posix.join(parent, (0,docker/* normalizeLayerPath */.qr)(header.linkname ?? ''));
            const prior = found.get(to);
            found.set(path, { type: 'file', ...(prior?.digest ? { digest: prior.digest } : {}) });
        }
        else {
            found.set(path, { type: header.type === 'directory' ? 'dir' : 'other' });
        }
    });
    const args = copyOutCommand(container, root);
    const r = await exec(args, { maxCapture: 64 * 1024, onStdout: chunk => walker.write(chunk) });
    const failed = await walker.end();
    if (r.code !== 0) {
        if (/no such container:path|could not find the file/i.test((0,docker/* lastErrorLine */.HY)(r)))
            return found;
        throw (0,docker/* commandError */.yE)(args, r);
    }
    if (failed)
        throw new docker/* DockerError */.Bi(`docker cp ${container}:${root}: unreadable tar`);
    return found;
}
/**
 * What the image itself holds at each wanted path, after all its layers (so a path a later RUN
 * rewrote shows that step's bytes): one `docker save` pass, layers ordered by `diffIds`.
 */
async function readImagePaths(exec, image, diffIds, wanted) {
    const rel = new Set([...wanted].map(docker/* normalizeLayerPath */.qr));
    const layers = new Map();
    await (0,docker/* walkImageSave */.y8)(exec, image, async (name, _size, body) => {
        if (!name.endsWith('/layer.tar') && !/^blobs\/sha256\/[0-9a-f]{64}$/.test(name))
            return false;
        const { diffId, entries } = await (0,docker/* scanLayer */.Ap)(body, rel);
        if (entries && diffIds.includes(diffId))
            layers.set(diffId, entries);
        return diffIds.every(d => layers.has(d));
    });
    const out = new Map();
    for (const path of wanted) {
        let entry = null;
        for (const d of diffIds) {
            const e = layers.get(d)?.get((0,docker/* normalizeLayerPath */.qr)(path));
            if (!e || e.type === 'missing')
                continue;
            entry =
                e.type === 'whiteout'
                    ? null
                    : {
                        type: e.type === 'file' || e.type === 'symlink' || e.type === 'dir' ? e.type : 'other',
                        ...(e.digest ? { digest: e.digest } : {})
                    };
        }
        out.set(path, entry);
    }
    return out;
}

// EXTERNAL MODULE: ./src/registry/index.ts + 6 modules
var registry = __webpack_require__(2599);
;// CONCATENATED MODULE: ./src/verify/registry.ts

/**
 * Null when `image` names no registry host (`app:main`, `sha256:...`): such a reference is
 * resolved on the daemon, as before. A tag is resolved in the registry now: a tag it does not
 * have, an unreachable registry or refused credentials are a RegistryError (one line, exit 2).
 */
async function resolveRegistryImage(image, env) {
    if (!(0,registry/* namesRegistry */.Uh)(image) || image.startsWith('sha256:'))
        return null;
    const ref = (0,registry/* parseImageRef */.Q)(image);
    const client = new registry/* RegistryClient */.bP(ref.registry, { env });
    const name = `${ref.registry}/${ref.repository}`;
    if (ref.digest !== null) {
        return {
            digestRef: `${name}@${ref.digest}`,
            digest: ref.digest,
            tag: ref.tag !== null ? `${name}:${ref.tag}` : null,
            ref,
            client
        };
    }
    const tag = ref.tag ?? 'latest';
    const digest = await client.resolve(ref.repository, tag);
    if (digest === null) {
        throw new registry/* RegistryError */.gl(`registry ${ref.registry}: no manifest ${ref.repository}:${tag} (--image ${image}: nothing to verify against)`, 'MANIFEST_UNKNOWN');
    }
    return { digestRef: `${name}@${digest}`, digest, tag: `${name}:${tag}`, ref, client };
}
/** `name@sha256:...` -> its parts; null for anything else. */
function splitDigestRef(ref) {
    const m = /^(.+)@(sha256:[0-9a-f]{64})$/.exec(ref);
    return m ? { name: m[1], digest: m[2] } : null;
}
const INDEX_TYPES = new Set([registry/* MEDIA */.Rn.ociIndex, registry/* MEDIA */.Rn.dockerList]);
/**
 * Decides whether an image whose RepoDigests do not hold the asked digest still is that
 * manifest: the asked digest is an index and the host pulled one of its platform manifests by
 * digest, or the host pulled an index (RepoDigests then holds the index digest) that lists the
 * asked platform manifest. Manifests are fetched by digest (content-checked) once each.
 */
class IndexRelation {
    image;
    children = new Map();
    constructor(image) {
        this.image = image;
    }
    /** The manifests an index lists; null when `digest` is not an index (or the registry lacks it). */
    listed(digest) {
        let p = this.children.get(digest);
        if (!p) {
            p = this.image.client.manifest(this.image.ref.repository, digest).then(m => {
                if (m === null || !INDEX_TYPES.has(m.mediaType))
                    return null;
                const list = Array.isArray(m.json.manifests) ? m.json.manifests : [];
                return list
                    .map(e => e.digest)
                    .filter((d) => typeof d === 'string');
            });
            this.children.set(digest, p);
        }
        return p;
    }
    /**
     * A sentence saying how the image is the asked manifest through an index, or null when it is
     * not. Only RepoDigests of the asked repository count. Registry errors propagate.
     */
    async explain(repoDigests) {
        const own = repoDigests
            .map(splitDigestRef)
            .filter((d) => d !== null)
            .filter(d => sameName(d.name, this.image.digestRef));
        if (own.length === 0)
            return null;
        const asked = this.image.digest;
        const children = await this.listed(asked);
        for (const d of own) {
            if (children?.includes(d.digest)) {
                return `pulled ${d.name}@${d.digest}, a platform manifest the index ${asked} lists`;
            }
        }
        for (const d of own) {
            if ((await this.listed(d.digest))?.includes(asked)) {
                return `pulled the index ${d.name}@${d.digest}, which lists ${asked}`;
            }
        }
        return null;
    }
}
function sameName(a, digestRef) {
    const b = splitDigestRef(digestRef)?.name ?? '';
    return a === b;
}
/**
 * The record fresh-build attached beside the image in the registry (for the deploy facts that
 * let mounts and bytes be checked on a host that never built it); null with a reason when there
 * is none or the registry cannot be asked: verify then checks the image and that it runs.
 */
async function registryRecord(image) {
    try {
        const r = await (0,registry/* fetchRecord */.Kd)(image.client, image.ref.repository, image.digest);
        if (r.status === 'found')
            return { record: r.record, problem: null };
        return {
            record: null,
            problem: r.status === 'no-image'
                ? `the registry has no manifest ${image.digestRef}`
                : (r.problem ?? `no fresh-build record beside ${image.digestRef} in the registry`)
        };
    }
    catch (e) {
        if (e instanceof registry/* RegistryError */.gl)
            return { record: null, problem: e.message };
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/verify/expected.ts




const DIGEST_REF = /@sha256:[0-9a-f]{64}$/;
function isDigestRef(ref) {
    return DIGEST_REF.test(ref);
}
/** The expected build from a record; `image` (from `--image`) overrides the record's image. */
async function resolveExpected(exec, statePath, image, where, env) {
    const record = await (0,src_record/* readRecord */.aE)(statePath);
    if (image === null) {
        if (record === null) {
            throw new util/* UsageError */.eb(`${where}no record of a good build at ${statePath} (run fresh-build build first, or pass --image REF)`);
        }
        if (record.imageId === null) {
            throw new util/* UsageError */.eb(`${where}the record ${statePath} names no image (pass --image REF)`);
        }
        const facts = await inspectImageFacts(exec, record.imageId);
        return {
            record,
            notes: [],
            problem: null,
            expected: {
                ref: record.imageId,
                imageId: record.imageId,
                digest: null,
                resolvedTag: null,
                index: null,
                created: facts?.created ?? null,
                tags: record.tags,
                deploy: record.deploy ?? null,
                files: record.files
            }
        };
    }
    const remote = await resolveRegistryImage(image, env);
    if (remote !== null) {
        const notes = [];
        if (remote.tag !== null && remote.ref.digest === null) {
            notes.push(`${where}${remote.tag} resolved in the registry to ${remote.digest}`);
        }
        // The daemon has the digest only when it pulled it (RepoDigests); none is not an error.
        const facts = await inspectImageFacts(exec, remote.digestRef);
        // The deploy facts: this host's record when it describes the image, else the registry's.
        let source = record !== null && facts !== null && record.imageId === facts.id ? record : null;
        let problem = null;
        if (source === null) {
            const fetched = await registryRecord(remote);
            if (fetched.record !== null && (facts === null || fetched.record.imageId === facts.id)) {
                source = fetched.record;
                notes.push(`${where}the record beside ${remote.digestRef} in the registry gives the files to check`);
            }
            else {
                problem =
                    fetched.problem ??
                        `the record beside ${remote.digestRef} names image ${fetched.record?.imageId ?? '?'}, not ${facts?.id ?? '?'}`;
            }
        }
        return {
            record,
            notes,
            problem,
            expected: {
                ref: remote.digestRef,
                imageId: facts?.id ?? null,
                digest: remote.digestRef,
                resolvedTag: remote.ref.digest === null ? remote.tag : null,
                index: new IndexRelation(remote),
                created: facts?.created ?? null,
                tags: remote.tag !== null ? [remote.tag, remote.digestRef] : [remote.digestRef],
                deploy: source?.deploy ?? null,
                files: source?.files ?? null
            }
        };
    }
    const facts = await inspectImageFacts(exec, image);
    const digest = isDigestRef(image) ? image : null;
    if (facts === null && digest === null) {
        throw new util/* UsageError */.eb(`--image ${image}: no such image on this daemon`);
    }
    // The record's file facts apply only when it describes this very image.
    const same = record !== null && facts !== null && record.imageId === facts.id;
    return {
        record,
        notes: [],
        problem: null,
        expected: {
            ref: digest ?? facts?.id ?? image,
            imageId: facts?.id ?? null,
            digest,
            resolvedTag: null,
            index: null,
            created: facts?.created ?? null,
            tags: digest ? [image] : facts?.repoTags.includes(image) ? [image] : (facts?.repoTags ?? []),
            deploy: same ? (record.deploy ?? null) : null,
            files: same ? record.files : null
        }
    };
}

;// CONCATENATED MODULE: ./src/verify/targets.ts
const PROJECT_LABEL = 'com.docker.compose.project';
const SERVICE_LABEL = 'com.docker.compose.service';
const ONEOFF_LABEL = 'com.docker.compose.oneoff';
const NUMBER_LABEL = 'com.docker.compose.container-number';
/**
 * Project names compose may have written for this project: the current normalisation (both
 * docker-compose 1.21+ and v2), and the one of docker-compose before 1.21, which also dropped
 * `-` and `_`.
 */
function projectLabels(project) {
    return [...new Set([project, project.replace(/[^a-z0-9]/g, '')])].filter(Boolean);
}
/**
 * The service's containers of this project, without one-off `compose run` containers, in
 * container-number order (then by name).
 */
function serviceContainers(all, project, service) {
    const names = projectLabels(project);
    const num = (c) => Number(c.labels[NUMBER_LABEL] ?? 0) || 0;
    return all
        .filter(c => names.includes(c.labels[PROJECT_LABEL] ?? '') &&
        c.labels[SERVICE_LABEL] === service &&
        (c.labels[ONEOFF_LABEL] ?? 'False').toLowerCase() !== 'true')
        .sort((a, b) => num(a) - num(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

;// CONCATENATED MODULE: ./src/verify/run.ts
/**
 * `fresh-build verify`: targets -> expected build -> inspect -> checks -> verdict -> report.
 * The checks are pure (checks.ts); this module only gathers their input through the read-only
 * docker calls of docker.ts and assembles one report per container.
 */








async function runVerify(opts, io) {
    const exec = io.exec ?? (0,docker/* dockerExec */.SW)((0,docker/* dockerClient */._n)({ dockerPath: opts.docker, env: io.env }));
    const warnings = [];
    const notes = [];
    const groups = await resolveGroups(opts, io, exec, warnings, notes);
    for (const n of notes)
        io.progress(n);
    const sleep = io.sleep ?? ((ms) => new Promise(r => setTimeout(r, ms)));
    const now = io.now ?? Date.now;
    const deadline = now() + opts.wait * 1000;
    let found;
    for (;;) {
        found = [];
        for (const group of groups) {
            for (const c of await group.find())
                found.push({ group, ...c });
        }
        const starting = found.filter(f => runningProblem(f.facts, now()) !== null);
        if (starting.length === 0 || now() >= deadline)
            break;
        io.progress(`waiting for ${starting.map(f => f.facts?.name ?? f.asked ?? f.group.service ?? '?').join(', ')} (${runningProblem(starting[0]?.facts ?? null, now()) ?? ''})`);
        await sleep(Math.min(1000, Math.max(0, deadline - now())));
    }
    const images = new Map();
    const imageOf = (id) => {
        let p = images.get(id);
        if (!p)
            images.set(id, (p = inspectImageFacts(exec, id)));
        return p;
    };
    const views = new Map();
    const targets = [];
    for (const { group, asked, facts } of found) {
        io.progress(`checking ${facts?.name ?? asked ?? `service ${group.service ?? ''}`}`);
        targets.push(await checkTarget(exec, group, asked, facts, imageOf, views, now(), warnings));
    }
    const verdict = targets.every(t => t.status === 'live') ? 'live' : 'stale';
    return { verdict, targets, notes, warnings };
}
async function resolveGroups(opts, io, exec, warnings, notes) {
    if (opts.compose === null) {
        const statePath = (0,src_record/* recordPathOf */.ok)(opts, io.env);
        const { expected, notes: n, problem } = await resolveExpected(exec, statePath, opts.image, '', io.env);
        notes.push(...n);
        if (expected.deploy === null)
            warnings.push(noDeployFacts(statePath, opts.image, problem));
        return [
            {
                service: null,
                expected,
                find: async () => Promise.all(opts.containers.map(async (asked) => ({
                    asked,
                    facts: await inspectContainer(exec, asked)
                })))
            }
        ];
    }
    const project = await (0,compose/* readComposeProject */.qO)(opts.compose.file, {
        env: io.env,
        services: opts.compose.services
    });
    // The per-service records exactly as `build --compose-file` names them.
    const perService = await (0,pipeline/* composeGuardOptions */.GF)(opts.compose, guardBase(opts), io.env);
    const groups = [];
    for (const { service, options } of perService) {
        const statePath = (0,src_record/* recordPathOf */.ok)(options, io.env);
        const { expected, notes: n, problem } = await resolveExpected(exec, statePath, opts.image, `service ${service}: `, io.env);
        notes.push(...n);
        if (expected.deploy === null)
            warnings.push(`service ${service}: ${noDeployFacts(statePath, opts.image, problem)}`);
        groups.push({
            service,
            expected,
            find: async () => {
                const ids = await listServiceContainers(exec, service);
                const all = (await Promise.all(ids.map(id => inspectContainer(exec, id)))).filter((c) => c !== null);
                const mine = serviceContainers(all, project.name, service);
                return mine.length > 0
                    ? mine.map(facts => ({ asked: null, facts }))
                    : [{ asked: null, facts: null }];
            }
        });
    }
    return groups;
}
function noDeployFacts(statePath, image, problem) {
    if (image !== null && problem !== null) {
        return `--image ${image}: neither this host's record (${statePath}) nor the registry describes it (${problem}): mounts and bytes are not checked, only the image and that it runs`;
    }
    return image !== null
        ? `--image ${image} is not the image the record ${statePath} describes: mounts and bytes are not checked, only the image and that it runs`
        : `the record ${statePath} was written before verify existed (no COPY destinations): mounts and bytes are not checked until the next build`;
}
/** What composeGuardOptions needs from a build request to name each service's record. */
function guardBase(opts) {
    return {
        context: opts.context,
        file: opts.file,
        state: opts.state,
        tags: [],
        buildArgs: {},
        secretArgs: [],
        cacheFrom: [],
        target: opts.target,
        prune: 'source',
        verify: 'changed',
        commit: null,
        buildId: null,
        ignoreCorruptRecord: false,
        logFile: null,
        image: null,
        docker: opts.docker
    };
}
async function checkTarget(exec, group, asked, c, imageOf, views, now, warnings) {
    const { expected } = group;
    const details = [];
    const causes = [];
    const base = {
        container: c?.name ?? asked,
        containerId: c?.id ?? null,
        service: group.service,
        image: c?.image ?? null,
        repoDigests: [],
        startedFrom: c?.startedFrom ?? null,
        imageCreated: null,
        expectedImage: expected.ref,
        expectedTag: expected.resolvedTag,
        expectedCreated: expected.created,
        expectedTags: expected.tags,
        mounts: [],
        files: [],
        compared: 0,
        rewritten: 0
    };
    const down = runningProblem(c, now);
    if (down !== null) {
        causes.push('not-running');
        details.push(c === null
            ? asked !== null
                ? `no container named ${asked}`
                : `no container of service ${group.service ?? ''}`
            : down);
    }
    if (c === null)
        return { ...base, status: 'not-running', causes, details };
    const image = await imageOf(c.image);
    base.imageCreated = image?.created ?? null;
    base.repoDigests = image?.repoDigests ?? [];
    const expectedFacts = expected.imageId !== null ? await imageOf(expected.imageId) : null;
    let match = imageMatch(c.image, image, expected, expectedFacts);
    if (match === 'other' && expected.index !== null) {
        // RepoDigests holds what was pulled: an index digest, or a platform manifest's.
        try {
            const how = await expected.index.explain(base.repoDigests);
            if (how !== null) {
                match = 'same';
                details.push(`runs ${c.image}: ${how}`);
            }
        }
        catch (e) {
            warnings.push(`${c.name}: whether an index and its platform manifest relate ${expected.ref} to ${base.repoDigests.join(', ')} was not checked: ${e instanceof Error ? e.message : String(e)}`);
        }
    }
    const sameImage = match !== 'other';
    if (match === 'equivalent') {
        details.push(`runs ${c.image}, the build's layers and config under another id (only the per-build labels differ)`);
    }
    if (!sameImage) {
        causes.push('old-image');
        // A container keeps the image it was created from; re-pointing its tag changes nothing.
        const moved = expected.tags.includes(c.startedFrom) ? ', a tag that now names the build' : '';
        const pulled = expected.digest !== null
            ? base.repoDigests.length > 0
                ? ` pulled as ${base.repoDigests.join(', ')}`
                : ' (no repo digest: never pulled or pushed)'
            : '';
        const resolved = expected.resolvedTag !== null ? ` (${expected.resolvedTag} in the registry)` : '';
        details.push(`runs ${c.image}${pulled}${image?.created ? ` (created ${image.created})` : ''}, started from ${c.startedFrom}${moved}; the build is ${expected.ref}${resolved}${expected.created ? ` (created ${expected.created})` : ''}`);
    }
    if (expected.deploy !== null && expected.files !== null) {
        const written = writtenFiles(expected.deploy, expected.files);
        const covers = coveringMounts(c.mounts, written);
        let found = [];
        // Bytes are read only from a running container of the expected image: another image's
        // files would be compared with the wrong build.
        if (down === null && sameImage) {
            const wanted = written.filter(f => f.changed && f.digest !== null);
            base.compared = wanted.length;
            const read = new Map();
            for (const [root, files] of readRoots(wanted)) {
                const got = await readContainerPaths(exec, c.id, root, new Set(files.map(f => f.path)));
                for (const [p, e] of got)
                    read.set(p, e);
            }
            const candidates = mismatches(wanted, read);
            if (candidates.length > 0 && expected.imageId !== null) {
                const imageId = expected.imageId;
                let view = views.get(imageId);
                if (!view) {
                    const paths = new Set(written.filter(f => f.changed).map(f => f.path));
                    const diffIds = (await imageOf(imageId))?.diffIds ?? [];
                    views.set(imageId, (view = readImagePaths(exec, imageId, diffIds, paths)));
                }
                const seen = await view;
                found = findings(candidates, seen, c.mounts);
                base.rewritten = candidates.length - found.length;
            }
        }
        base.mounts = mountReports(covers, found);
        base.files = found;
        const shadowing = base.mounts.filter(m => m.shadowing);
        if (shadowing.length > 0) {
            causes.push('shadowed');
            for (const m of shadowing) {
                const what = m.type === 'volume'
                    ? `${m.anonymous ? 'anonymous ' : ''}volume ${m.name ?? ''}`
                    : `${m.type} ${m.source ?? ''}`;
                details.push(`${what.trim()} at ${m.destination} covers ${m.covers.map(x => `COPY line ${x.line} -> ${x.dest}`).join(', ')}: ${m.reason ?? ''}`);
            }
        }
        const own = found.filter(f => f.mount === null);
        if (own.length > 0) {
            causes.push('bytes-differ');
            details.push(`${own.length} file(s) differ from the build's bytes: ${own
                .slice(0, 5)
                .map(f => `${f.path} (COPY line ${f.line})`)
                .join(', ')}${own.length > 5 ? ', ...' : ''}`);
        }
    }
    const status = statusOf({
        notRunning: causes.includes('not-running'),
        oldImage: causes.includes('old-image'),
        shadowed: causes.includes('shadowed'),
        bytesDiffer: causes.includes('bytes-differ')
    });
    // Causes were found in the order statusOf ranks them, so `status` is causes[0].
    return { ...base, status, causes, details };
}


/***/ })

};
