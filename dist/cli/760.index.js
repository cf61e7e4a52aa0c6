export const id = 760;
export const ids = [760,781];
export const modules = {

/***/ 7760:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BuildFailedError: () => (/* reexport */ BuildFailedError),
  entriesFromRecord: () => (/* reexport */ entriesFromRecord),
  injectIdentity: () => (/* reexport */ injectIdentity),
  reportDocument: () => (/* reexport */ reportDocument),
  resolveIdentity: () => (/* reexport */ resolveIdentity),
  runGuard: () => (/* binding */ runGuard)
});

// EXTERNAL MODULE: ./src/record/index.ts + 6 modules
var src_record = __webpack_require__(7212);
// EXTERNAL MODULE: ./src/docker/index.ts + 4 modules
var docker = __webpack_require__(4565);
// EXTERNAL MODULE: ./src/report/text-safety.ts
var text_safety = __webpack_require__(4986);
// EXTERNAL MODULE: ./src/context/statcache.ts
var statcache = __webpack_require__(5359);
// EXTERNAL MODULE: ./src/pipeline/options.ts
var options = __webpack_require__(4920);
// EXTERNAL MODULE: ./src/pipeline/build-flags.ts
var build_flags = __webpack_require__(8240);
;// CONCATENATED MODULE: ./src/pipeline/stages/prepare.ts






/** Stage 1: identity, build args, where the record and stat cache live. No file is read yet. */
async function prepare(command, opts, service, io) {
    const redact = (0,text_safety/* redactor */.$p)([...(0,options/* secretArgValues */.JC)(opts), ...(0,build_flags/* buildSecretValues */.XF)(opts.build, io.env)]);
    const identity = await resolveIdentity(opts, io.env);
    const statePath = opts.state ??
        (0,src_record/* defaultStatePath */.K0)({
            context: opts.context,
            file: opts.file,
            target: opts.target ?? undefined,
            env: io.env
        });
    const recordInContext = (0,src_record/* stateInsideContext */.fB)(statePath, opts.context, io.cwd);
    return {
        command,
        opts,
        service,
        io,
        // Only the data in a line is redacted (a path, a tag, a log line), never the tool's own
        // words: a secret `e` must not rewrite them.
        say: line => io.progress(line),
        redact,
        identity,
        buildArgs: command === 'build' ? injectIdentity(opts.buildArgs, identity) : opts.buildArgs,
        statePath,
        recordInContext,
        // Beside the record; not when the record sits inside the context (the cache would be hashed).
        statCache: opts.statCache === false || recordInContext ? null : (0,statcache/* statCachePathFor */.tj)(statePath),
        docker: lazyDocker(opts, io),
        warnings: [],
        pushPlan: null
    };
}
/** The injected exec, else the configured client, made on first use. */
function lazyDocker(opts, io) {
    let exec = io.exec;
    return () => (exec ??= (0,docker/* dockerExec */.SW)((0,docker/* dockerClient */._n)({ dockerPath: opts.docker, env: io.env })));
}
async function resolveIdentity(opts, env) {
    let commit = opts.commit ?? env.GITHUB_SHA ?? null;
    if (commit === null) {
        const git = await (0,docker/* run */.eF)('git', ['-C', opts.context, 'rev-parse', 'HEAD'], { env }).catch(() => null);
        commit = git && git.code === 0 ? git.stdout.trim() || null : null;
    }
    const buildId = opts.buildId ??
        (env.GITHUB_RUN_ID
            ? `${env.GITHUB_RUN_ID}.${env.GITHUB_RUN_ATTEMPT ?? '1'}`
            : new Date().toISOString().replace(/[-:.]/g, ''));
    return { commit, buildId };
}
/** GIT_COMMIT_HASH and BUILD_ID, unless the user set them. */
function injectIdentity(args, id) {
    const out = { ...args };
    if (!('GIT_COMMIT_HASH' in out) && id.commit)
        out.GIT_COMMIT_HASH = id.commit;
    if (!('BUILD_ID' in out))
        out.BUILD_ID = id.buildId;
    return out;
}

// EXTERNAL MODULE: ./src/dockerfile/index.ts + 3 modules
var dockerfile = __webpack_require__(3990);
// EXTERNAL MODULE: ./src/pipeline/errors.ts
var errors = __webpack_require__(1539);
// EXTERNAL MODULE: ./src/pipeline/hash.ts
var hash = __webpack_require__(9804);
// EXTERNAL MODULE: ./src/pipeline/cure.ts + 1 modules
var cure = __webpack_require__(3414);
;// CONCATENATED MODULE: ./src/pipeline/stages/hash.ts








/** Stage 2: read the Dockerfile and the context, hash both. */
async function hashStage(run) {
    const { opts, say } = run;
    say(`reading the build context ${run.redact(opts.context)}`);
    // Anything in the context written after this moment was written while this run read it.
    const startedAt = Date.now();
    let early;
    const hashed = await (0,hash.hashContext)({
        context: opts.context,
        file: opts.file,
        buildArgs: run.buildArgs,
        statCache: run.statCache,
        ...(opts.build ? { namedContexts: opts.build.buildContexts } : {}),
        onBuild: images => (0,docker/* readOnBuild */.w$)(run.docker(), images),
        onPlan: plan => (early = onPlan(run, plan))
    });
    const { needed, hostInfo, sourcesBefore } = early ?? {
        needed: new Set(),
        hostInfo: null,
        sourcesBefore: null
    };
    if (hashed.statCache)
        say((0,statcache/* describeStatCache */.wt)(hashed.statCache));
    const lastStage = hashed.plan.stages.at(-1)?.name ?? 'stage-0';
    const steps = hashed.steps.filter(s => needed.has(s.stage));
    say(`context ${hashed.contextHash} (${hashed.scan.entries.length} entries, ${steps.length} context steps)`);
    run.warnings.push(...hashed.plan.warnings.map(w => `line ${w.line}: ${w.message}`), ...hashed.onBuildProblems);
    if (run.recordInContext) {
        run.warnings.push(`the record ${run.statePath} is inside the build context: every write changes the context hash`);
    }
    return {
        ...run,
        hashed,
        // Named contexts' entries keyed NAME:path beside the main context's (see named-contexts.ts).
        files: contextFiles(hashed.all),
        steps,
        finalStage: opts.target ? opts.target.toLowerCase() : lastStage,
        hostInfo,
        sourcesBefore,
        startedAt
    };
}
/** Between reading the Dockerfile and walking the context (see hashContext's onPlan). */
function onPlan(run, plan) {
    let needed;
    // A bad --target is bad input: refused before any docker call.
    try {
        needed = (0,dockerfile/* neededStages */.xB)(plan, run.opts.target ?? undefined);
    }
    catch (e) {
        throw new options/* UsageError */.eb(`--target ${run.opts.target ?? ''}: ${(0,errors/* errorMessage */.gJ)(e)}`);
    }
    // The daemon is asked while the context is walked: both take a while, neither needs the other.
    if (run.command !== 'build')
        return { needed, hostInfo: null, sourcesBefore: null };
    const hostInfo = (0,docker/* detectBuilder */.h4)(run.docker(), run.io.env);
    hostInfo.catch(() => undefined); // awaited by the build source; a failure is reported there
    // What the builder's context records look like before this run builds (never rejects).
    const sourcesBefore = run.opts.prune === 'never' ? null : (0,cure/* listLocalSources */.UE)(run.docker());
    return { needed, hostInfo, sourcesBefore };
}
function contextFiles(entries) {
    return {
        entries,
        byPath: new Map(entries.map(e => [e.path, e])),
        signatures: (0,src_record/* fileSignatures */.wL)(entries)
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/record/diff.ts
var record_diff = __webpack_require__(8262);
;// CONCATENATED MODULE: ./src/verdict/compare.ts

/** Step identity across runs: the stage and the instruction's position in it. */
function stepKey(step) {
    return `${step.stage}#${step.index}`;
}
/**
 * What changed since the record: per file by signature, and per step. A step is changed when it
 * reads a changed path, or when the record has the same step and its source hash differs (this also
 * catches an entry the step newly selects because its sources were edited in the Dockerfile).
 * `selects(step, path)` says whether the step reads a path, now or in the recorded context.
 */
function compareWithRecord(files, steps, previous, selects) {
    const stepChanges = new Map();
    if (!previous) {
        return { previousHash: null, changedFiles: [], removedFiles: new Set(), stepChanges };
    }
    const diff = (0,record_diff/* diffRecords */.OM)(previous, files);
    const changed = (0,record_diff/* changedPaths */.vl)(diff);
    const recorded = new Map(previous.steps.map(s => [stepKey(s), s]));
    for (const step of steps) {
        const paths = changed.filter(p => selects(step, p));
        const before = recorded.get(stepKey(step));
        const hashMoved = before !== undefined &&
            before.instruction === step.instruction &&
            before.sourceHash !== step.sourceHash;
        if (paths.length > 0 || hashMoved)
            stepChanges.set(stepKey(step), paths);
    }
    return {
        previousHash: previous.contextHash,
        changedFiles: changed,
        removedFiles: new Set(diff.removed),
        stepChanges
    };
}

;// CONCATENATED MODULE: ./src/verdict/warnings.ts
/** Host build outputs that, copied over a fresh build's output by `COPY . .`, ship old code. */
const HOST_OUTPUTS = [
    '.next',
    'dist',
    'build',
    'node_modules/.cache',
    '__pycache__'
];
/** Build args the guard injects so the image can tell which commit and build it came from. */
const INJECTED_ARGS = ['GIT_COMMIT_HASH', 'BUILD_ID'];
/** The directory a step's source names, when it is one (`.`, `web/`, `web`). */
function dirSources(step, dirs) {
    return step.sources
        .map(s => s.replace(/^(\.?\/)+/, '').replace(/\/+$/, '') || '.')
        .filter(s => s === '.' || s === '/' || dirs.has(s))
        .map(s => (s === '/' ? '.' : s));
}
/**
 * Warnings before the build for the stale-deploy classes users keep hitting. Each names the
 * Dockerfile line where there is one (`line N: ...`, which annotations pick up).
 */
function preBuildWarnings(f) {
    const out = [];
    // A host output dir anywhere in the tree (a monorepo's app/.next too), found in one pass.
    const dirs = new Set(f.entries.filter(e => e.type === 'dir').map(e => e.path));
    const outputs = [...dirs].filter(d => HOST_OUTPUTS.some(o => d === o || d.endsWith(`/${o}`)));
    for (const step of f.steps) {
        if (step.keyword === 'RUN')
            continue;
        // Any directory the step copies, not only `.`: `COPY web/ /app/` takes a stale web/dist.
        const roots = dirSources(step, dirs);
        const hit = outputs.filter(o => roots.some(r => r === '.' || o.startsWith(`${r}/`)));
        const names = [
            ...new Set(hit.map(o => HOST_OUTPUTS.find(h => o === h || o.endsWith(`/${h}`)) ?? o))
        ];
        if (names.length > 0) {
            out.push(`line ${step.line}: ${step.instruction} copies host build output ${names.map(p => `${p}/`).join(', ')} that .dockerignore does not exclude; it can overwrite what the image builds with stale files`);
        }
    }
    if (dirs.has('.git')) {
        out.push('the context includes .git: every commit changes the context hash, so every build prunes the context cache and re-sends the context; add .git to .dockerignore');
    }
    for (const { step, paths } of f.excludedChanged ?? []) {
        out.push(`line ${step.line}: ${step.instruction} covers ${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ` and ${paths.length - 3} more` : ''}, changed since the last good build, which .dockerignore excludes: the build never sees those changes`);
    }
    for (const { step, source } of f.excludedSources) {
        out.push(`line ${step.line}: ${step.instruction} names ${source}, which .dockerignore excludes: the build never sees its changes`);
    }
    if ('BUILDKIT_INLINE_CACHE' in f.buildArgs) {
        out.push('BUILDKIT_INLINE_CACHE is set: images carry inline cache that later --cache-from builds import, even after a prune');
    }
    if (f.cacheFrom.length > 0) {
        out.push(`--cache-from ${f.cacheFrom.join(', ')}: imported cache survives builder prunes; changed steps are proven by bytes`);
    }
    const declared = new Set(f.declaredArgs);
    for (const name of f.secretArgs.filter(n => declared.has(n))) {
        out.push(`secret build arg ${name} is declared by an ARG: docker records its value in the image history of every later RUN (docker history shows it); pass it as a build secret (RUN --mount=type=secret) instead`);
    }
    const inStage = new Set(f.stageArgs ?? f.declaredArgs);
    const missing = f.injected ? INJECTED_ARGS.filter(a => !inStage.has(a)) : [];
    if (missing.length > 0) {
        const global = missing.filter(a => declared.has(a));
        out.push(`no stage declares ARG ${missing.join(' or ARG ')}: the injected build identity reaches only the image labels (add the ARG to the stage that should see it)${global.length > 0 ? `; ARG ${global.join(', ')} before the first FROM reaches only FROM lines until a stage declares it again` : ''}`);
    }
    return out;
}

// EXTERNAL MODULE: ./src/verdict/sources.ts
var sources = __webpack_require__(9351);
;// CONCATENATED MODULE: ./src/context/excluded.ts
/**
 * Files on disk that a COPY names or covers but `.dockerignore` keeps out of the context: their
 * changes never reach the build, which users read as a stale build.
 */


/** Entries walked per source directory at most: this is a warning, not a second scan. */
const WALK_LIMIT = 5000;
const literal = (source) => {
    const rel = external_node_path_.posix
        .normalize(source)
        .replace(/^(\.?\/)+/, '')
        .replace(/\/+$/, '');
    if (rel === '' || rel === '.' || rel.startsWith('..') || /[*?[\\]/.test(rel))
        return null;
    return rel;
};
/**
 * Excluded files under a COPY's literal source directory (not `.`, where excluding is the ignore
 * file's purpose) whose mtime or ctime is after `since` (the last good build): changed, and
 * left out of the build by `.dockerignore` (e.g. `config` + `!config/app.yaml`, `COPY config/`).
 */
async function excludedChanged(context, steps, entries, since) {
    if (since === null)
        return [];
    const sent = new Map(entries.map(e => [e.path, e]));
    const after = since.getTime();
    const out = [];
    for (const step of steps) {
        if (step.keyword === 'RUN')
            continue;
        const paths = [];
        for (const source of step.sources) {
            const rel = literal(source);
            if (rel === null || sent.get(rel)?.type !== 'dir')
                continue;
            let budget = WALK_LIMIT;
            const walk = async (dir) => {
                const names = await (0,promises_.readdir)((0,external_node_path_.join)(context, dir)).catch(() => []);
                for (const name of names) {
                    if (--budget < 0)
                        return;
                    const path = `${dir}/${name}`;
                    const st = await (0,promises_.lstat)((0,external_node_path_.join)(context, path)).catch(() => null);
                    if (st === null)
                        continue;
                    if (st.isDirectory())
                        await walk(path);
                    else if (!sent.has(path) && Math.max(st.mtimeMs, st.ctimeMs) > after)
                        paths.push(path);
                }
            };
            await walk(rel);
        }
        if (paths.length > 0)
            out.push({ step, paths: paths.sort() });
    }
    return out;
}

// EXTERNAL MODULE: ./src/registry/reference.ts
var registry_reference = __webpack_require__(9310);
// EXTERNAL MODULE: ./src/registry/client.ts + 1 modules
var registry_client = __webpack_require__(3122);
;// CONCATENATED MODULE: ./src/registry/artifact.ts
/**
 * The record beside the image in the registry. The full record is an OCI artifact: an OCI image
 * manifest with `artifactType` set, an empty config, one layer holding the record JSON, and a
 * `subject` naming the image manifest. It is tagged `sha256-<hex>.fresh-build` after the image's
 * digest, the tag scheme cosign uses for signatures (`sha256-<hex>.sig`): any registry that keeps
 * tags can serve it, and a client that knows the image's digest finds it with one HEAD. The
 * `subject` also lets a registry with the OCI 1.1 referrers API list it.
 */


const RECORD_ARTIFACT_TYPE = 'application/vnd.dev.fresh-build.record.v1+json';
const EMPTY_CONFIG = Buffer.from('{}');
/** The tag the record of the image with this manifest digest goes under. */
function recordTag(imageDigest) {
    const m = /^sha256:([0-9a-f]{64})$/.exec(imageDigest);
    if (!m)
        throw new registry_client/* RegistryError */.gl(`not a sha256 digest: ${imageDigest}`, 'DIGEST_INVALID');
    return `sha256-${m[1]}.fresh-build`;
}
/**
 * The record as it travels: the same shape as the local record file (validated, so only its
 * known fields go), never a build arg or a credential, since the record holds neither.
 */
function recordDocument(record) {
    return Buffer.from(`${JSON.stringify((0,src_record/* validateRecord */.eV)(record))}\n`);
}
/** Pushes the record for the image `imageDigest` of `repository`; returns the artifact's digest. */
async function attachRecord(client, repository, imageDigest, record) {
    const image = await client.manifest(repository, imageDigest);
    if (!image) {
        throw new registry_client/* RegistryError */.gl(`registry ${client.registry}: ${repository}@${imageDigest} is not there to attach the record to`, 'MANIFEST_UNKNOWN');
    }
    const doc = recordDocument(record);
    await client.putBlob(repository, EMPTY_CONFIG);
    await client.putBlob(repository, doc);
    const manifest = {
        schemaVersion: 2,
        mediaType: registry_client/* MEDIA */.Rn.ociManifest,
        artifactType: RECORD_ARTIFACT_TYPE,
        config: { mediaType: registry_client/* MEDIA */.Rn.ociEmpty, digest: (0,registry_client/* sha256 */.sc)(EMPTY_CONFIG), size: EMPTY_CONFIG.length },
        layers: [{ mediaType: RECORD_ARTIFACT_TYPE, digest: (0,registry_client/* sha256 */.sc)(doc), size: doc.length }],
        subject: { mediaType: image.mediaType, digest: imageDigest, size: image.bytes.length },
        annotations: {
            'org.opencontainers.image.created': record.builtAt,
            'dev.fresh-build.context-hash': record.contextHash
        }
    };
    const bytes = Buffer.from(JSON.stringify(manifest));
    const tag = recordTag(imageDigest);
    const digest = await client.putManifest(repository, tag, bytes, registry_client/* MEDIA */.Rn.ociManifest);
    return { tag, digest };
}
/** The record attached to the image `reference` (a tag or a digest) names in `repository`. */
async function fetchRecord(client, repository, reference) {
    const imageDigest = await client.resolve(repository, reference);
    if (!imageDigest)
        return { status: 'no-image' };
    const artifact = await client.manifest(repository, recordTag(imageDigest));
    if (!artifact)
        return { status: 'no-record', imageDigest, problem: null };
    const layers = artifact.json.layers;
    const subject = artifact.json.subject;
    const layer = Array.isArray(layers)
        ? layers.find(l => l.mediaType === RECORD_ARTIFACT_TYPE)
        : undefined;
    if (artifact.json.artifactType !== RECORD_ARTIFACT_TYPE ||
        !layer ||
        typeof layer.digest !== 'string') {
        return {
            status: 'no-record',
            imageDigest,
            problem: `${recordTag(imageDigest)} is not a fresh-build record`
        };
    }
    if (subject?.digest !== imageDigest) {
        return {
            status: 'no-record',
            imageDigest,
            problem: `${recordTag(imageDigest)} names another image (${String(subject?.digest)})`
        };
    }
    const bytes = await client.blob(repository, layer.digest, 32 * 1024 * 1024);
    try {
        return {
            status: 'found',
            imageDigest,
            record: (0,src_record/* validateRecord */.eV)(JSON.parse(bytes.toString('utf8')))
        };
    }
    catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        return {
            status: 'no-record',
            imageDigest,
            problem: `the record in ${recordTag(imageDigest)} is unusable: ${why}`
        };
    }
}

;// CONCATENATED MODULE: ./src/pipeline/push.ts




/** One client per registry host, shared by a run. */
function clientFor(clients, registry, env) {
    let c = clients.get(registry);
    if (!c)
        clients.set(registry, (c = new registry_client/* RegistryClient */.bP(registry, { env })));
    return c;
}
/**
 * Checks every tag before the build: a reference with a tag, and a registry that answers and
 * lets us in with the Docker config's credentials. Throws the first RegistryError.
 */
async function preparePush(tags, env) {
    if (tags.length === 0)
        throw new registry_client/* RegistryError */.gl('--push needs at least one --tag to push', 'NO_TAG');
    const refs = tags.map(t => {
        const ref = (0,registry_reference/* parseImageRef */.Q)(t);
        if (ref.digest)
            throw new registry_client/* RegistryError */.gl(`--push: "${t}" is a digest reference; push needs a tag`, 'TAG_INVALID');
        return ref;
    });
    const clients = new Map();
    for (const ref of refs)
        clientFor(clients, ref.registry, env);
    for (const client of clients.values())
        await client.ping();
    return { refs, clients };
}
/** `main: digest: sha256:<hex> size: 523`, the line `docker push` ends with. */
function pushedDigest(output) {
    const all = [...output.matchAll(/digest: (sha256:[0-9a-f]{64})/g)];
    return all.at(-1)?.[1] ?? null;
}
/** Pushes every tag, checks each digest with the registry, attaches the record per repository. */
async function pushImage(exec, plan, record, say) {
    const pushed = [];
    for (const ref of plan.refs) {
        pushed.push({ tag: ref.text, digest: await pushTag(exec, plan, ref, say) });
    }
    const { records, warnings } = await attachRecords(plan, pushed, record, say);
    return {
        digest: pushed[0].digest,
        tags: plan.refs.map(r => r.text),
        pushed,
        records,
        warnings
    };
}
/** `docker push` of one tag; the digest the registry then resolves it to, checked against push's. */
async function pushTag(exec, plan, ref, say) {
    say(`pushing ${ref.text}`);
    const r = await exec(['push', ref.text], { onLine: line => say(line) });
    if (r.code !== 0) {
        const last = `${r.stderr}\n${r.stdout}`
            .split('\n')
            .map(l => l.trim())
            .filter(Boolean)
            .at(-1) ?? `exit ${r.code}`;
        throw new registry_client/* RegistryError */.gl(`pushing ${ref.text} to registry ${ref.registry} failed: ${last}`, 'PUSH_FAILED');
    }
    const client = clientFor(plan.clients, ref.registry, {});
    const registryDigest = await client.resolve(ref.repository, ref.tag ?? 'latest');
    const said = pushedDigest(r.stdout + r.stderr);
    if (!registryDigest || (said && said !== registryDigest)) {
        throw new registry_client/* RegistryError */.gl(`registry ${ref.registry}: ${ref.text} resolves to ${registryDigest ?? 'nothing'} after docker push reported ${said ?? 'no digest'}`, 'DIGEST_MISMATCH');
    }
    return registryDigest;
}
/** The record beside each pushed image, once per repository and digest; failures are warnings. */
async function attachRecords(plan, pushed, record, say) {
    const records = [];
    const warnings = [];
    const seen = new Set();
    for (const [i, ref] of plan.refs.entries()) {
        const digest = pushed[i].digest;
        const key = `${(0,registry_reference/* repoName */.Qq)(ref)}@${digest}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const client = clientFor(plan.clients, ref.registry, {});
        try {
            const { tag } = await attachRecord(client, ref.repository, digest, record);
            say(`record attached: ${(0,registry_reference/* repoName */.Qq)(ref)}:${tag}`);
            records.push(`${(0,registry_reference/* repoName */.Qq)(ref)}:${tag}`);
        }
        catch (e) {
            // The image is pushed and good; without its record another host starts at baseline.
            const why = e instanceof Error ? e.message : String(e);
            warnings.push(`the record could not be put beside ${ref.text} (${why}): a host without a local record will build a baseline`);
        }
    }
    return { records, warnings };
}
/**
 * With a local record, the registry's record is only compared: when the first tag's image was
 * built from another context (another host pushed meanwhile), a warning says so. The verdict
 * stays against this host's record, the one that knows this builder's context cache.
 */
async function registryDivergence(local, firstTag, env, plan) {
    let found;
    try {
        found = await registryPrevious(firstTag, env, plan);
    }
    catch {
        return null; // the push itself will say what is wrong with the registry
    }
    if (!found.record || found.record.contextHash === local.contextHash)
        return null;
    return `${firstTag ?? ''} in the registry was built from another context (commit ${found.record.commit ?? 'unknown'}, ${found.record.contextHash.slice(0, 19)}) than this host's last good build (commit ${local.commit ?? 'unknown'}): changed files and the prune are judged against this host's record, which knows this builder's cache`;
}
/**
 * The previous record for a host with none of its own: the one attached to the image the first
 * tag points at. Null (with a note) when the tag names no registry, no image, or an image without
 * a usable record. Registry errors are thrown: the caller decides whether they are fatal.
 */
async function registryPrevious(firstTag, env, plan) {
    if (!firstTag || !(0,registry_reference/* namesRegistry */.Uh)(firstTag)) {
        return { record: null, from: null, note: 'no tag names a registry to look for a record in' };
    }
    const ref = (0,registry_reference/* parseImageRef */.Q)(firstTag);
    const client = plan?.clients.get(ref.registry) ?? new registry_client/* RegistryClient */.bP(ref.registry, { env });
    const reference = ref.digest ?? ref.tag ?? 'latest';
    const found = await fetchRecord(client, ref.repository, reference);
    if (found.status === 'no-image') {
        return { record: null, from: null, note: `${firstTag} is not in the registry yet` };
    }
    const from = `${(0,registry_reference/* repoName */.Qq)(ref)}:${recordTag(found.imageDigest)}`;
    if (found.status === 'no-record') {
        return {
            record: null,
            from: null,
            note: found.problem ?? `${firstTag} (${found.imageDigest}) has no fresh-build record beside it`
        };
    }
    return {
        record: found.record,
        from,
        note: `the previous record is the one beside ${firstTag} (${found.imageDigest}): ${from}`
    };
}
/**
 * The judgement as `build --json` prints it: the verdict document, plus `previousSource:
 * "registry"` when the previous record came from the registry, and with `--push` the digest
 * (CONTRACT.md) and what was pushed. Added only when they apply, so other documents keep their
 * bytes.
 */
function judgementDocument(r) {
    return {
        ...r.judgement,
        ...(r.previousSource === 'registry' ? { previousSource: 'registry' } : {}),
        ...(r.push ? { digest: r.push.digest, push: r.push } : {})
    };
}
/** build-push-action's `metadata` output: a JSON document with the digest, the tags and the verdict. */
function pushMetadata(verdict, push, imageId, 
/** The tags built, named also when nothing was pushed. */
tags = []) {
    return JSON.stringify({
        'containerimage.digest': push?.digest ?? null,
        'containerimage.config.digest': imageId,
        'image.name': (push?.tags ?? tags).join(','),
        digest: push?.digest ?? null,
        tags: push?.tags ?? [...tags],
        verdict,
        records: push?.records ?? []
    });
}

;// CONCATENATED MODULE: ./src/pipeline/stages/registry.ts





async function checkRegistries(run) {
    if (run.command !== 'build' || !run.opts.push)
        return run;
    return { ...run, pushPlan: await preparePush(run.opts.tags, run.io.env) };
}
/**
 * The previous record and where it came from. With a local record and `--push`, a registry
 * record from another context is named in a warning; the local one still decides, since it is
 * the one that knows this builder's context cache.
 */
async function previousRecord(run, local) {
    const { opts, pushPlan } = run;
    if (local) {
        if (pushPlan) {
            const note = await registryDivergence(local, opts.tags[0], run.io.env, pushPlan);
            if (note)
                run.warnings.push(note);
        }
        return { previous: local, previousSource: 'local' };
    }
    if (run.command !== 'build' || !opts.tags[0] || !(0,registry_reference/* namesRegistry */.Uh)(opts.tags[0])) {
        return { previous: null, previousSource: null };
    }
    const found = await fromRegistry(opts.tags[0], run.io.env, pushPlan, run.warnings);
    if (found.note)
        run.say(found.note);
    return found.record
        ? { previous: found.record, previousSource: 'registry' }
        : { previous: null, previousSource: null };
}
/**
 * With `--push` a registry error is fatal (the push would fail too); without, it is a warning
 * and the build is a baseline.
 */
async function fromRegistry(tag, env, plan, warnings) {
    try {
        const found = await registryPrevious(tag, env, plan);
        return { record: found.record, note: found.note };
    }
    catch (e) {
        if (plan)
            throw e;
        warnings.push(`no record from the registry: ${(0,errors/* errorMessage */.gJ)(e)}`);
        return { record: null, note: null };
    }
}
function trustRegistryRecord(run) {
    const { source } = run;
    if (run.previousSource !== 'registry' || run.command !== 'build' || source.pruned?.done) {
        return run;
    }
    run.warnings.push(`the record came from the registry, but this host's builder cache was not pruned (${source.pruned?.note ?? `prune: ${run.opts.prune}`}): its state is unknown, so this build is a baseline`);
    return {
        ...run,
        previous: null,
        previousSource: null,
        comparison: compareWithRecord(run.files.signatures, run.steps, null, selector(run.steps, run.files.entries, null))
    };
}

// EXTERNAL MODULE: ./src/pipeline/named-contexts.ts
var named_contexts = __webpack_require__(8556);
;// CONCATENATED MODULE: ./src/pipeline/stages/compare.ts












/** The recorded entries of a named context, their keys back to paths inside it. */
function inContext(entries, name) {
    const prefix = `${name}:`;
    return entries
        .filter(e => e.path.startsWith(prefix))
        .map(e => ({ ...e, path: e.path.slice(prefix.length) }));
}
/** Stage 3 (under the record lock): the last good build, what changed since, early warnings. */
async function compare(run) {
    const { opts, steps, files } = run;
    const local = await loadRecord(run.statePath, opts.ignoreCorruptRecord, run.warnings);
    const { previous, previousSource } = await previousRecord(run, local);
    const comparison = compareWithRecord(files.signatures, steps, previous, selector(steps, run.hashed.scan.entries, previous, run.hashed.named));
    // The main context's steps; a named context's steps are checked against its own entries.
    const mainSteps = steps.filter(s => s.context === undefined);
    const excluded = await excludedSources(opts.context, mainSteps, files.byPath);
    const before = await earlyWarnings(run, mainSteps, previous, excluded);
    // Shown now too: a build that fails on them (an excluded literal source) must explain itself.
    for (const w of before)
        run.say(`warning: ${w}`);
    run.warnings.push(...before);
    checkUnmatched(run, mainSteps, excluded);
    if (run.command === 'check' && opts.verify !== 'none') {
        run.warnings.push("check mode: this guard pruned nothing before that build, so every file a step of the final stage copied is proven from the image; note that builds of a relative context (`docker build .`) in folders of the same name share BuildKit's context record");
    }
    run.say(comparisonLine(run, previous, comparison.changedFiles.length));
    return { ...run, previous, previousSource, comparison, excluded };
}
/** What can be told before the build: ignored sources, build args, cache sources. */
async function earlyWarnings(run, mainSteps, previous, excluded) {
    const { opts } = run;
    const mainEntries = run.hashed.scan.entries;
    return preBuildWarnings({
        entries: mainEntries,
        steps: mainSteps,
        declaredArgs: run.hashed.plan.declaredArgs,
        stageArgs: run.hashed.plan.stageArgs,
        buildArgs: run.buildArgs,
        cacheFrom: opts.cacheFrom,
        excludedSources: excluded,
        excludedChanged: await excludedChanged(opts.context, mainSteps, mainEntries, previous ? new Date(previous.builtAt) : null),
        injected: run.command === 'build',
        secretArgs: opts.secretArgs
    });
}
/**
 * A literal source matching nothing fails the build: said before any prune, not after (a usage
 * error in build mode, a warning when another tool built).
 */
function checkUnmatched(run, mainSteps, excluded) {
    const unmatched = [
        ...(0,sources/* unmatchedSources */.s)(mainSteps, run.hashed.scan.entries),
        ...[...run.hashed.named].flatMap(([name, scan]) => (0,sources/* unmatchedSources */.s)(run.steps.filter(s => s.context === name), scan.entries))
    ];
    const [first] = unmatched;
    if (run.command === 'build' && first) {
        throw new options/* UsageError */.eb((0,sources/* unmatchedMessage */.v)(first, excluded.some(e => e.source === first.source)));
    }
    run.warnings.push(...unmatched.map(u => (0,sources/* unmatchedMessage */.v)(u, false)));
}
/** The progress line on the record: baseline, unchanged, or how much changed and what else. */
function comparisonLine(run, previous, changed) {
    if (!previous)
        return `no record at ${run.redact(run.statePath)}: this build is the baseline`;
    if (previous.contextHash === run.hashed.contextHash)
        return 'the context equals the last good build';
    const inputs = previous.inputs;
    const moved = [
        inputs && inputs.dockerfile !== run.hashed.inputs.dockerfile ? '; the Dockerfile changed' : '',
        inputs && inputs.ignore !== run.hashed.inputs.ignore ? '; the ignore file changed' : ''
    ].join('');
    const commit = previous.commit === null ? 'no commit' : run.redact(previous.commit);
    return `${changed} path(s) changed since the last good build (${commit})${moved}`;
}
async function loadRecord(path, ignoreCorrupt, warnings) {
    try {
        return await (0,src_record/* readRecord */.aE)(path);
    }
    catch (e) {
        if (e instanceof src_record/* RecordError */.W1 && ignoreCorrupt) {
            warnings.push(`${(0,errors/* errorMessage */.gJ)(e)}; treated as no record (--ignore-corrupt-record)`);
            return null;
        }
        if (e instanceof src_record/* RecordError */.W1) {
            throw new options/* UsageError */.eb(`${(0,errors/* errorMessage */.gJ)(e)} (fix or remove it, or pass --ignore-corrupt-record to start a new baseline)`);
        }
        throw e;
    }
}
/** Rebuilds context entries from a record's signatures (to know what a step read back then). */
function entriesFromRecord(files) {
    return Object.entries(files).map(([path, sig]) => {
        const [type, mode, digest, size] = sig.split(' ');
        return {
            path,
            type: (type ?? 'file'),
            mode: parseInt(mode ?? '0', 8),
            size: Number(size ?? 0),
            ...(digest && digest !== '-' ? { digest } : {})
        };
    });
}
/**
 * selects(step, path): the step reads `path` now or read it in the recorded context (a removed
 * file counts for the steps that copied it).
 */
function selector(steps, entries, previous, named = new Map()) {
    // Built on first use: an unchanged context never asks, and these are a pass over every entry.
    let sets = null;
    const build = () => {
        const recorded = previous ? entriesFromRecord(previous.files) : [];
        const names = [...named.keys()];
        const before = recorded.filter(e => !names.some(n => e.path.startsWith(`${n}:`)));
        const out = new Map();
        for (const s of steps) {
            // A named context's step selects among its own entries; its paths are keyed NAME:path.
            const now = s.context === undefined ? entries : (named.get(s.context)?.entries ?? []);
            const then = s.context === undefined ? before : inContext(recorded, s.context);
            const paths = new Set((0,dockerfile/* selectSources */.nn)(s, now).map(e => (0,named_contexts/* entryKey */.k2)(s.context, e.path)));
            for (const e of (0,dockerfile/* selectSources */.nn)(s, then))
                paths.add((0,named_contexts/* entryKey */.k2)(s.context, e.path));
            out.set(stepKey(s), paths);
        }
        return out;
    };
    return (step, path) => (sets ??= build()).get(stepKey(step))?.has(path) ?? false;
}
/**
 * COPY/ADD sources named literally (no wildcard) that exist on disk but that the ignore file
 * keeps out of the context: their changes never reach the build.
 */
async function excludedSources(context, steps, sent) {
    const out = [];
    for (const step of steps) {
        if (step.keyword === 'RUN')
            continue;
        for (const source of step.sources) {
            const rel = literalSource(source);
            if (rel === null || sent.has(rel))
                continue;
            const onDisk = await (0,promises_.lstat)((0,external_node_path_.join)(context, rel)).then(() => true, () => false);
            if (onDisk)
                out.push({ step, source: rel });
        }
    }
    return out;
}
/** A source as a path inside the context, or null when it names none literally. */
function literalSource(source) {
    const rel = external_node_path_.posix
        .normalize(source)
        .replace(/^(\.?\/)+/, '')
        .replace(/\/+$/, '');
    if (rel === '' || rel === '.' || rel.startsWith('..') || /[*?[\\]/.test(rel))
        return null;
    return rel;
}

// EXTERNAL MODULE: ./src/logs/index.ts + 6 modules
var logs = __webpack_require__(665);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(6118);
// EXTERNAL MODULE: ./src/dockerfile/match.ts
var match = __webpack_require__(3239);
;// CONCATENATED MODULE: ./src/pipeline/expect.ts
/**
 * What a COPY/ADD step really wrote for a changed context path, so the proof compares like with
 * like (issue 12, classes 3 and 8). BuildKit, verified on 20.10:
 *   - a source path that is, or passes through, a symlink is followed: `COPY linkdir/ /dst/`
 *     copies the target directory's contents, `COPY link.txt /app/` writes a regular file
 *     `/app/link.txt` holding the target's bytes and mode;
 *   - ADD unpacks a local source that IS an archive by its bytes (a tar named `.bin` is
 *     unpacked, a text file named `.tar` is copied), into the destination as a directory, with
 *     the members' modes; symlinks inside a copied directory stay symlinks.
 */








const layerPath = (p) => p.replace(/^\/+/, '').replace(/\/+$/, '');
/** The layer targets of one changed context path of `step`. */
async function layerTargets(step, path, expected, ctx) {
    if (step.dest === null)
        return { unprovable: 'it is not a copy' };
    const destAbs = external_node_path_.posix.resolve(step.workdir, step.dest);
    const dirDest = step.dest.endsWith('/') || step.dest === '.' || step.dest === '' || step.destIsDir;
    if (step.sources.length > 1 && !dirDest) {
        return {
            unprovable: `several sources go to ${step.dest}, which is not known to be a directory (BuildKit then writes each source to that one path)`
        };
    }
    const to = { step, destAbs, dirDest, rules: (0,match/* compileExcludes */.pM)(step.excludes) };
    for (const source of step.sources) {
        const found = await linkedSourceTargets(to, source, path, expected, ctx);
        if (found !== null)
            return found;
    }
    if (step.keyword === 'ADD' && expected?.type === 'file') {
        const archive = await archiveTargets((0,external_node_path_.join)(ctx.context, path), destAbs);
        if (archive !== null && step.sources.some(s => (0,match/* cleanRel */.Hj)(s) === path))
            return archive;
    }
    return plainTargets(step, path, expected);
}
/**
 * The targets of `path` when `source` reaches it through a symlink or is an archive ADD
 * unpacks; null when this source says nothing special about the path.
 */
async function linkedSourceTargets(to, source, path, expected, ctx) {
    const { pattern } = (0,dockerfile/* sourceSpec */.xZ)(source);
    if ((0,match/* hasWildcard */.rl)(pattern) || to.step.parents)
        return null;
    const resolved = (0,dockerfile/* resolveLinks */.Ap)(pattern, ctx.byPath) ?? pattern;
    const root = ctx.byPath.get(resolved);
    const viaLink = resolved !== pattern;
    // A link on the source's own path: what it points at now is what the step copies.
    const isLinkOnPath = viaLink && (path === pattern || (0,dockerfile/* under */.hG)(pattern, path));
    const dest = (p) => sourceDest(to, pattern, resolved, p);
    if (to.step.keyword === 'ADD' && root?.type === 'file' && (path === resolved || isLinkOnPath)) {
        const archive = await archiveTargets((0,external_node_path_.join)(ctx.context, resolved), to.destAbs);
        if (archive !== null)
            return archive;
    }
    if (isLinkOnPath) {
        if (root === undefined)
            return { unprovable: `${path} points at nothing in the context` };
        const targets = [];
        for (const e of ctx.byPath.values()) {
            if (e.type === 'dir' || !(0,dockerfile/* under */.hG)(e.path, resolved))
                continue;
            const d = dest(e.path);
            if (d !== null)
                targets.push({ dest: d, expected: e });
        }
        return { targets };
    }
    if (viaLink && (0,dockerfile/* under */.hG)(path, resolved)) {
        const d = dest(path);
        return { targets: d === null ? [] : [{ dest: d, expected }] };
    }
    return null;
}
/** Where context path `p`, copied through a source resolved to `resolved`, lands (null: excluded). */
function sourceDest(to, pattern, resolved, p) {
    const rel = p === resolved ? null : p.slice(resolved === '.' ? 0 : resolved.length + 1);
    if ((0,match/* isExcluded */.RF)(to.rules, rel ?? external_node_path_.posix.basename(pattern)))
        return null;
    if (rel !== null)
        return layerPath(external_node_path_.posix.join(to.destAbs, rel));
    return layerPath(to.dirDest ? external_node_path_.posix.join(to.destAbs, external_node_path_.posix.basename(pattern)) : to.destAbs);
}
/** A path copied as itself: where the step's destination puts it. */
function plainTargets(step, path, expected) {
    const d = (0,dockerfile/* destinationFor */.mZ)(step, path);
    if (d === null) {
        return {
            unprovable: step.keyword === 'ADD' && expected === null
                ? `cannot tell what the removed ${path} unpacked to`
                : `cannot tell where ${path} lands in the image`
        };
    }
    return { targets: [{ dest: layerPath(d), expected }] };
}
/** Archive kind by the bytes, as BuildKit's ADD detects it (not by the name). */
async function archiveKind(file) {
    const fh = await (0,promises_.open)(file, 'r').catch(() => null);
    if (fh === null)
        return null;
    try {
        const head = Buffer.alloc(512);
        const { bytesRead } = await fh.read(head, 0, 512, 0);
        const b = head.subarray(0, bytesRead);
        if (b[0] === 0x1f && b[1] === 0x8b)
            return 'gzip';
        if (b.subarray(0, 3).toString('latin1') === 'BZh')
            return 'bzip2';
        if (b.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])))
            return 'xz';
        if (b.subarray(0, 4).equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd])))
            return 'zstd';
        if (bytesRead >= 262 && b.subarray(257, 262).toString('latin1') === 'ustar')
            return 'tar';
        return null;
    }
    finally {
        await fh.close();
    }
}
/**
 * The members a local archive unpacks to under `destAbs`, or null when the file is not an
 * archive (ADD then copies it). Files, symlinks and hard links are compared; directories only
 * hold them.
 */
async function archiveTargets(file, destAbs) {
    const kind = await archiveKind(file);
    if (kind === null)
        return null;
    if (kind !== 'tar' && kind !== 'gzip') {
        return { unprovable: `a ${kind} archive: its members are not read here` };
    }
    const raw = await (0,promises_.readFile)(file);
    try {
        return { targets: await archiveMembers(raw, kind === 'gzip', destAbs) };
    }
    catch (e) {
        return {
            unprovable: `the archive cannot be read (${e instanceof Error ? e.message : String(e)})`
        };
    }
}
/** Streams a tar (gzipped or not) and turns its members into layer targets. */
async function archiveMembers(raw, gzip, destAbs) {
    const extract = tar_stream.extract();
    const source = external_node_stream_.Readable.from([raw]);
    const targets = [];
    // Hard links name an earlier member: its digest, by member name.
    const digests = new Map();
    const done = (async () => {
        for await (const entry of extract) {
            const target = await memberTarget(entry, destAbs, digests);
            if (target !== null)
                targets.push(target);
        }
    })();
    if (gzip)
        source
            .pipe((0,external_node_zlib_.createGunzip)())
            .on('error', e => extract.destroy(e))
            .pipe(extract);
    else
        source.pipe(extract);
    await done;
    return targets;
}
/** One member's target (null: a directory, or a link to nothing read); drains the entry. */
async function memberTarget(entry, destAbs, digests) {
    const h = entry.header;
    const name = (0,match/* cleanRel */.Hj)(h.name);
    if (name === '.') {
        entry.resume();
        return null;
    }
    const dest = layerPath(external_node_path_.posix.join(destAbs, name));
    const mode = (h.mode ?? 0) & 0o7777;
    if (h.type === 'file' || h.type === 'contiguous-file') {
        const hash = (0,external_node_crypto_.createHash)('sha256');
        for await (const chunk of entry)
            hash.update(chunk);
        const digest = `sha256:${hash.digest('hex')}`;
        digests.set(name, digest);
        return {
            dest,
            member: name,
            expected: { path: name, type: 'file', mode, size: h.size ?? 0, digest }
        };
    }
    entry.resume();
    if (h.type === 'symlink') {
        const target = h.linkname ?? '';
        const digest = `sha256:${(0,external_node_crypto_.createHash)('sha256').update(target).digest('hex')}`;
        return {
            dest,
            member: name,
            expected: { path: name, type: 'symlink', mode: 0o777, size: 0, linkTarget: target, digest }
        };
    }
    const linked = h.type === 'link' ? digests.get((0,match/* cleanRel */.Hj)(h.linkname ?? '')) : undefined;
    if (linked === undefined)
        return null;
    return {
        dest,
        member: name,
        expected: { path: name, type: 'file', mode, size: 0, digest: linked }
    };
}

;// CONCATENATED MODULE: ./src/pipeline/proof.ts





/**
 * History entries a build appended after the target stage's last instruction. The legacy builder
 * turns every `--label` into a trailing `LABEL` step (measured with the 28.x client: `Step 3/7 :
 * LABEL ...` after a 2-instruction Dockerfile), each with its own history entry; its `Step N/M`
 * total counts them. BuildKit writes labels into the config only: 0.
 */
function appendedEntries(log, plan, stageName, service = null) {
    if (log.format !== 'legacy')
        return 0;
    const stage = plan.stages.find(s => s.name === stageName);
    const totals = log.steps
        .filter(s => service === null || s.service === null || s.service === service)
        .map(s => s.total);
    if (!stage || totals.length === 0)
        return 0;
    return Math.max(0, Math.max(...totals) - (stage.fromOrdinal + stage.instructions - 1));
}
/**
 * Byte proof: for each request, reads the layer the step itself wrote (so a later RUN that
 * rewrites or deletes the files cannot hide what the COPY wrote) and compares each changed path
 * with the context. One `docker save` per stage image, reading only the wanted paths.
 */
async function proveSteps(requests, deps) {
    const out = new Map();
    const steps = new Map(deps.plan.steps.map(s => [stepKey(s), s]));
    const byStage = new Map();
    for (const r of requests)
        byStage.set(r.stage, [...(byStage.get(r.stage) ?? []), r]);
    for (const [stage, reqs] of byStage) {
        const fail = (why) => {
            for (const r of reqs)
                out.set(r.key, { key: r.key, files: [], unprovable: why });
        };
        try {
            const built = stage === deps.finalStage && deps.final ? deps.final : await deps.stageImage(stage);
            const proved = await proveStage(built, stage, reqs, steps, deps);
            for (const p of proved)
                out.set(p.key, p);
        }
        catch (e) {
            fail((0,errors/* errorMessage */.gJ)(e));
        }
    }
    return out;
}
async function proveStage({ image, appended }, stageName, reqs, steps, deps) {
    const stage = deps.plan.stages.find(s => s.name === stageName);
    if (!stage)
        throw new Error(`stage ${stageName} is not in the Dockerfile`);
    const info = await (0,docker/* inspectImage */.mm)(deps.exec, image);
    // The image's last stage is this one: its history ends with this stage's instructions, then
    // whatever the builder appended.
    const base = (0,docker/* stageBaseLength */.me)(info.history.length - appended, [stage.instructions]);
    const contexts = proofContexts(deps);
    const outcomes = [];
    const pending = [];
    for (const req of reqs) {
        const step = steps.get(req.key);
        if (!step) {
            outcomes.push({ key: req.key, files: [], unprovable: 'step not found in the Dockerfile' });
            continue;
        }
        const position = step.position ?? step.ordinal - stage.fromOrdinal + 1;
        const layer = (0,docker/* layerForStep */.D8)(info.history, base, position);
        const diffId = layer === null ? undefined : info.diffIds[layer];
        if (diffId === undefined) {
            const unprovable = `the image history of ${image} has no layer for line ${step.line}`;
            outcomes.push({ key: req.key, files: [], unprovable });
            continue;
        }
        pending.push({ req, step, diffId, ...(await stepTargets(req, step, contexts)) });
    }
    if (pending.length === 0)
        return outcomes;
    const layers = await readProofLayers(deps, info, pending);
    for (const p of pending) {
        const files = judgeFiles(p, layers.get(p.diffId) ?? new Map());
        outcomes.push({ key: p.req.key, files });
    }
    return outcomes;
}
/** The main context and each named one, their entries by path. */
function proofContexts(deps) {
    const named = new Map();
    for (const [name, c] of deps.named ?? new Map()) {
        named.set(name, { context: c.root, byPath: new Map(c.entries.map(e => [e.path, e])) });
    }
    const main = { context: deps.context, byPath: new Map(deps.entries.map(e => [e.path, e])) };
    return { main, named };
}
/** Each requested path's layer targets, or why it cannot be proven. */
async function stepTargets(req, step, contexts) {
    const targets = new Map();
    const unproven = new Map();
    // A named context's step: its own directory and entries, its paths without the NAME: key.
    const named = step.context === undefined ? undefined : contexts.named.get(step.context);
    const where = named ?? contexts.main;
    for (const { path, expected } of req.paths) {
        const inside = (0,named_contexts/* pathInContext */.kP)(step.context, path);
        const want = expected && named ? { ...expected, path: inside } : expected;
        const t = await layerTargets(step, inside, want, where);
        if ('unprovable' in t)
            unproven.set(path, t.unprovable);
        else
            targets.set(path, t.targets);
    }
    return { targets, unproven };
}
/** Reads the wanted paths of every pending layer, saying where they were read from. */
function readProofLayers(deps, info, pending) {
    const wanted = pending
        .map(p => ({ diffId: p.diffId, paths: [...p.targets.values()].flat().map(t => t.dest) }))
        .filter(w => w.paths.length > 0);
    return (0,docker/* readWantedLayers */.QX)(deps.exec, info, wanted, r => {
        if (r.fromStore.length > 0) {
            deps.say?.(`proof: ${r.fromStore.length} layer(s) read from the layer store on this host`);
        }
        if (r.fromSave.length > 0)
            deps.say?.(`proof: ${r.fromSave.length} layer(s) read from docker save`);
    });
}
/** Each requested path against what its step's layer holds. */
function judgeFiles({ req, step, targets, unproven }, entries) {
    const files = [];
    for (const { path } of req.paths) {
        const why = unproven.get(path);
        if (why !== undefined) {
            files.push({ path, ok: false, detail: why, unproven: true });
            continue;
        }
        // A path that lands nowhere (excluded by --exclude) has nothing to prove.
        const bad = (targets.get(path) ?? [])
            .map(t => {
            const actual = entries.get(t.dest) ?? { type: 'missing', mode: 0 };
            const r = compareEntry(path, t.expected, actual, step.flags.chmod !== undefined);
            return t.member !== undefined && !r.ok ? { ...r, detail: `${t.member}: ${r.detail}` } : r;
        })
            .find(r => !r.ok);
        files.push(bad ?? { path, ok: true, detail: '' });
    }
    return files;
}
/** Does the layer hold what the context holds? Owner is never compared (COPY may --chown). */
function compareEntry(path, expected, actual, chmodFlag) {
    const ok = () => ({ path, ok: true, detail: '' });
    const bad = (detail) => ({ path, ok: false, detail });
    if (expected === null) {
        return actual.type === 'missing' || actual.type === 'whiteout'
            ? ok()
            : bad('removed from the context but still in the layer');
    }
    if (actual.type === 'missing' || actual.type === 'whiteout')
        return bad('missing from the layer');
    if (actual.type !== expected.type)
        return bad(`is a ${actual.type} in the layer, a ${expected.type} in the context`);
    if (expected.type === 'symlink' && actual.linkTarget !== expected.linkTarget) {
        return bad(`links to ${actual.linkTarget ?? '?'} in the layer, ${expected.linkTarget ?? '?'} in the context`);
    }
    if (expected.type === 'file' && actual.digest !== expected.digest) {
        return bad(actual.digest === undefined
            ? 'a hard link in the layer whose bytes were not read'
            : `old bytes in the layer (${actual.digest.slice(7, 19)}, context ${expected.digest?.slice(7, 19) ?? '?'})`);
    }
    if (!chmodFlag && (actual.mode & 0o777) !== (expected.mode & 0o777)) {
        return bad(`mode ${(actual.mode & 0o777).toString(8)} in the layer, ${(expected.mode & 0o777).toString(8)} in the context`);
    }
    return ok();
}

// EXTERNAL MODULE: ./src/docker/buildx.ts
var buildx = __webpack_require__(7890);
;// CONCATENATED MODULE: ./src/pipeline/build-setup.ts



/** `docker a b 'c d'`: the command as a person could paste it (values with spaces quoted). */
function commandLine(argv, env = {}) {
    const quote = (a) => /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
    const prefix = Object.entries(env).map(([k, v]) => `${k}=${quote(v)} `);
    return `${prefix.join('')}docker ${argv.map(quote).join(' ')}`;
}
async function setUpBuild(build, host, io) {
    const flags = build ?? (0,build_flags/* noBuildFlags */.$Z)();
    (0,build_flags/* checkBuilderSupport */.DF)(flags, host, io.surface);
    (0,build_flags/* checkLabelsFree */.o4)(flags.labels, (0,build_flags/* buildSecretValues */.XF)(flags, io.env), io.surface);
    const warnings = [];
    if (host.kind === 'buildx')
        warnings.push(...(await (0,buildx/* buildxWarnings */.mM)(io.exec, flags.builder)));
    if (io.env.RUNNER_ENVIRONMENT === 'github-hosted') {
        warnings.push(`the record ${io.statePath} sits on a GitHub-hosted runner, which is new in every job: every run is a baseline there unless the record is kept elsewhere (a self-hosted runner, or the record kept in the registry)`);
    }
    const secrets = (0,build_flags/* materializeSecrets */.f2)(flags, io.surface, io.env);
    const names = Object.keys(flags.buildContexts);
    let standIns = null;
    const onCommand = (argv, env) => io.say(commandLine(argv, env));
    const contexts = host.kind === 'buildx' ? flags.buildContexts : {};
    const pass = (0,build_flags/* passThrough */.po)(flags, secrets.files, contexts);
    let finished = false;
    return {
        flags: pass,
        stageFlags: { ...pass, pull: false },
        labels: flags.labels,
        noCache: flags.noCache,
        warnings,
        // After the prune: a stand-in built before it would keep the stale bytes the prune removes.
        beforeBuild: async () => {
            if (host.kind === 'buildx' || names.length === 0 || standIns !== null)
                return;
            standIns = await (0,named_contexts/* buildStandIns */.HY)(flags.buildContexts, { exec: io.exec, kind: host.kind, say: io.say, redact: io.redact, onCommand }, (0,build_flags/* flagName */.GI)('buildContexts', io.surface));
        },
        done: async () => {
            if (finished)
                return;
            finished = true;
            secrets.cleanup();
            await standIns?.cleanup();
        }
    };
}

// EXTERNAL MODULE: ./src/util/error.ts
var error = __webpack_require__(7610);
;// CONCATENATED MODULE: ./src/pipeline/stages/build.ts







/** A docker build that failed: an error (exit 2), not a verdict. */
class BuildFailedError extends error/* FreshBuildError */.nz {
}
/**
 * `build`: re-send what changed, or prune, when the context diverged (cure.ts), build with
 * identity, parse the log as it streams.
 */
async function buildSource(run) {
    const host = await detectHost(run);
    // The user's flags are checked here, before the prune: nothing is touched for a build that
    // cannot run. Secret files and stand-in images live until the proofs are done (cleanup).
    const setup = await setUpBuild(run.opts.build, host, {
        exec: run.docker(),
        env: run.io.env,
        say: run.say,
        redact: run.redact,
        surface: run.opts.surface ?? 'cli',
        statePath: run.statePath
    });
    run.warnings.push(...setup.warnings);
    try {
        return await buildWith(run, host, setup);
    }
    catch (e) {
        await setup.done();
        throw e;
    }
}
async function buildWith(run, host, setup) {
    const { diverged, pruned, vouched, resent } = await cureBeforeBuild(run, host);
    const options = buildOptions(run, host, diverged, setup);
    run.io.phase?.('build');
    await setup.beforeBuild();
    const { log, imageId, metadata } = await buildFinal(run, host, options);
    // Listed now, overlapping the proofs, unless a stage build (which syncs too) comes after.
    const listing = { after: vouched ? (0,cure/* listLocalSources */.UE)(run.docker()) : null };
    const stages = stageImages(run, host, { ...options, flags: setup.stageFlags }, () => (listing.after = null));
    return {
        builder: host.kind,
        pruned,
        log,
        imageId,
        final: imageId
            ? { image: imageId, appended: appendedEntries(log, run.hashed.plan, run.finalStage) }
            : null,
        stageImage: stages.stageImage,
        // The legacy builder always sends everything; a done prune made BuildKit forget what it had.
        contextResent: host.kind === 'legacy' || pruned?.done === true,
        cleanup: async () => {
            await stages.cleanup();
            await setup.done();
        },
        buildxMetadata: metadata,
        resent: new Set(resent ?? []),
        keepState: vouched ? keepStateAfter(run, listing) : null
    };
}
/** Re-send what changed, or prune, when the context diverged from the record (cure.ts). */
async function cureBeforeBuild(run, host) {
    // A record from the registry says what the last image holds, nothing about this host's
    // builder: its context cache may hold old bytes of its own, so the cure treats it as no record
    // (it prunes rather than re-sending only what changed).
    const local = run.previousSource === 'registry' ? null : run.previous;
    const diverged = run.previous === null || local === null || run.previous.contextHash !== run.hashed.contextHash;
    if (diverged && run.opts.prune !== 'never')
        run.io.phase?.('prune');
    const cured = await (0,cure/* cureStage */.ki)({
        exec: run.docker(),
        kind: host.kind,
        policy: run.opts.prune,
        previous: local,
        diverged,
        statePath: run.statePath,
        context: run.opts.context,
        dockerfile: run.opts.file,
        entries: run.files.entries,
        files: run.files.signatures,
        listing: await run.sourcesBefore,
        say: run.say
    });
    return { ...cured, diverged };
}
/** Keeps the builder state the cure vouched for, beside the record; a failure only says so. */
function keepStateAfter(run, listing) {
    return async (record) => {
        await (0,cure/* keepBuilderState */.cf)({
            statePath: run.statePath,
            record,
            context: run.opts.context,
            dockerfile: run.opts.file,
            before: await run.sourcesBefore,
            after: await (listing.after ?? (0,cure/* listLocalSources */.UE)(run.docker()))
        }).catch(e => run.say(`the builder state was not kept (the next changed build prunes): ${String(e)}`));
    };
}
async function detectHost(run) {
    const host = await (run.hostInfo ?? (0,docker/* detectBuilder */.h4)(run.docker(), run.io.env));
    run.say(`builder: ${host.kind} (${host.reason})`);
    run.warnings.push(...host.warnings);
    return host;
}
/** The final build's options; its labels carry the record of this build (files left out). */
function buildOptions(run, host, diverged, setup) {
    const { opts, identity } = run;
    const labels = (0,src_record/* recordLabels */.FZ)((0,src_record/* newRecord */.Mx)({
        contextHash: run.hashed.contextHash,
        files: {},
        steps: run.steps,
        commit: identity.commit,
        buildId: identity.buildId,
        imageId: null,
        tags: opts.tags,
        dockerfile: opts.file,
        inputs: run.hashed.inputs
    }));
    return {
        context: opts.context,
        file: opts.file,
        tags: opts.tags,
        buildArgs: run.buildArgs,
        cacheFrom: opts.cacheFrom,
        // The user's labels first: fresh-build's own identity labels are the ones recorded.
        labels: { ...setup.labels, ...labels },
        noCache: setup.noCache || ((0,docker/* pruneImpliesNoCache */.LW)(opts.prune, host.kind) && diverged),
        flags: setup.flags,
        ...(opts.target ? { target: opts.target } : {})
    };
}
async function buildFinal(run, host, options) {
    run.say(`building ${run.redact(run.opts.tags.join(', ')) || '(untagged)'}`);
    // Parsed while it streams; the last build's log is kept beside the record (0600).
    const parser = new logs/* LogParser */.gg();
    const built = await (0,docker/* runBuild */.cM)(run.docker(), host.kind, options, {
        onLine: line => {
            parser.write(`${line}\n`);
            run.say(run.redact(line));
        },
        // Never inside the context (it would be hashed, and a planted symlink there is the
        // attacker's); secret values are redacted in it as everywhere else.
        ...(run.recordInContext ? {} : { logPath: (0,docker/* buildLogPathFor */.$k)(run.statePath) }),
        redact: run.redact,
        // Only the values of build args can carry a secret: the rest of the line stays as it is.
        onCommand: (argv, env) => run.say(commandLine(argv.map((a, i) => (argv[i - 1] === '--build-arg' ? redactValue(a, run.redact) : a)), env)),
        ...(run.opts.buildTimeoutMs !== undefined ? { timeoutMs: run.opts.buildTimeoutMs } : {})
    });
    if (built.logError)
        run.warnings.push(`the build log could not be kept: ${built.logError}`);
    const log = parser.end();
    if (built.code !== 0) {
        // What failed, for the summary of a failed run: the step the log shows in error.
        const step = log.steps.find(s => s.error);
        const at = step
            ? ` at ${step.stage ? `${step.stage} ` : ''}step ${step.index}/${step.total} ${step.instruction}`
            : '';
        const hint = run.excluded.map(e => `; ${e.source} exists but .dockerignore excludes it`);
        throw new BuildFailedError(run.redact(`docker build failed (exit ${built.code})${at}: ${built.error ?? 'no error line'}${hint.join('')}`));
    }
    return { log, imageId: built.imageId, metadata: built.metadata };
}
/**
 * Images of earlier stages, for their proofs: each a `--target` build served from the cache the
 * final build just wrote, checked to have come from it, and removed after the proofs when it
 * was made for them alone.
 */
function stageImages(run, host, options, onStageBuild) {
    /** Untagged images the proof's stage builds made, removed once read. */
    const made = [];
    return {
        stageImage: async (stage) => {
            run.say(`building stage ${run.redact(stage)} from cache, to read the layers it wrote`);
            onStageBuild();
            const built = await buildStage(run.docker(), host.kind, options, stage, run.redact);
            if (built.created)
                made.push(built.image);
            return {
                image: built.image,
                appended: appendedEntries(reusedCache(built.log, stage), run.hashed.plan, stage)
            };
        },
        cleanup: () => removeUntagged(run.docker(), made)
    };
}
/** A `--target stage` build of the same options; `created`: the image is new and ours. */
async function buildStage(exec, kind, options, stage, redact) {
    // No labels (the legacy builder would append steps for them) and never --no-cache: the
    // point is to get back the layers this build just wrote.
    const existing = await imageIds(exec);
    const parser = new logs/* LogParser */.gg();
    const r = await (0,docker/* runBuild */.cM)(exec, kind, { ...options, tags: [], labels: {}, noCache: false, target: stage }, { onLine: line => parser.write(`${line}\n`), redact });
    if (r.code !== 0 || !r.imageId)
        throw new Error(`building stage ${stage} failed: ${r.error ?? ''}`);
    // BuildKit exports a new untagged image; a legacy stage image is a cached intermediate of
    // the build itself, and removing it would drop that cache. An image that existed before
    // this stage build (an identical one somebody keeps) is never ours to remove.
    const created = kind !== 'legacy' && existing !== null && !existing.has(r.imageId);
    return { image: r.imageId, log: parser.end(), created };
}
/**
 * The stage log, when every step came back from the cache: the proof is only about this build
 * when the stage reused the layers it just wrote; a step that ran again (the cache was pruned
 * meanwhile) made other layers.
 */
function reusedCache(log, stage) {
    const again = log.steps.find(s => !s.cached && !/^(FROM|ARG)\s/i.test(s.instruction));
    if (again) {
        throw new Error(`building stage ${stage} again re-ran ${again.instruction} instead of reusing this build's cache (pruned meanwhile?), so its layers may not be the ones the image was built from`);
    }
    return log;
}
/** Every image id on the daemon, or null when they cannot be listed (then nothing is removed). */
async function imageIds(exec) {
    const r = await exec(['image', 'ls', '--all', '--quiet', '--no-trunc']).catch(() => null);
    if (!r || r.code !== 0)
        return null;
    return new Set(r.stdout
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean));
}
/**
 * Removes the untagged stage images this run created for its proofs: without force, so the
 * daemon refuses any image a container uses, and only when still untagged (a user's `--target`
 * build may have tagged the very same image id since).
 */
async function removeUntagged(exec, ids) {
    for (const id of new Set(ids)) {
        try {
            const tags = await exec(['image', 'inspect', '--format', '{{len .RepoTags}}', id]);
            if (tags.code === 0 && tags.stdout.trim() === '0')
                await exec(['image', 'rm', id]);
        }
        catch {
            // Leaving a dangling image behind is not worth failing a judged build for.
        }
    }
}
/** `KEY=VALUE` with the value redacted. */
function redactValue(arg, redact) {
    const eq = arg.indexOf('=');
    return eq < 0 ? arg : `${arg.slice(0, eq + 1)}${redact(arg.slice(eq + 1))}`;
}

;// CONCATENATED MODULE: ./src/pipeline/stages/log.ts



/** `check`: the build another tool ran, from its log and the image it names. */
async function logSource(run) {
    const { opts } = run;
    const log = await (0,logs.parseLogFile)(opts.logFile);
    if (log.format === 'unknown' || log.steps.length === 0) {
        throw new options/* UsageError */.eb(`${opts.logFile}: no build steps found (not a docker build log?)`);
    }
    const imageId = await resolveImageId(run.docker, opts.image ?? log.imageId);
    return {
        builder: log.format === 'legacy' ? 'legacy' : 'buildkit',
        pruned: null,
        log,
        imageId,
        final: imageId
            ? {
                image: imageId,
                appended: appendedEntries(log, run.hashed.plan, run.finalStage, run.service)
            }
            : null,
        // Rebuilding another tool's intermediate stage could use other args and prove nothing.
        stageImage: stage => Promise.reject(new Error(`check mode proves the final stage only; build stage ${stage} with fresh-build build`)),
        contextResent: false,
        cleanup: () => Promise.resolve(),
        keepState: null,
        buildxMetadata: null
    };
}
/**
 * `sha256:` id of an image given by tag or short id, so reports name what was judged. The
 * daemon is needed only for proofs in check mode: when it cannot answer, the reference stays.
 */
async function resolveImageId(docker, ref) {
    if (ref === null || /^sha256:[0-9a-f]{64}$/.test(ref))
        return ref;
    const r = await docker()(['image', 'inspect', '--format', '{{.Id}}', ref]).catch(() => null);
    return r && r.code === 0 && r.stdout.trim() ? r.stdout.trim() : ref;
}

;// CONCATENATED MODULE: ./src/pipeline/stages/source.ts


/** Stage 4: the build to judge, run here (`build`) or read from another tool's log (`check`). */
async function source(run) {
    const src = run.command === 'build' ? await buildSource(run) : await logSource(run);
    return { ...run, source: src };
}

;// CONCATENATED MODULE: ./src/context/written.ts


/**
 * Context paths changed after `since` (ms, taken before the scan began): written while this run
 * hashed and built them, like a `fresh-build build ... | tee build.log` inside the context. What
 * BuildKit received of such a file is whatever it held at that moment, so it is no source the
 * guard can judge (issue 12, class 7). A file's ctime is set by the kernel on every write and
 * cannot be put back.
 */
/**
 * File times come from the kernel's coarse clock and `since` from the process clock, floored to
 * the millisecond; a file written just before the run must never count as written during it
 * (that would leave it unjudged), so only changes clearly after the start count. A build's own
 * output keeps being written for the whole build, far past this margin.
 */
const CLOCK_MARGIN_MS = 50;
async function writtenSince(context, paths, since) {
    const out = new Set();
    await Promise.all([...new Set(paths)].map(async (p) => {
        const st = await (0,promises_.lstat)((0,external_node_path_.join)(context, p)).catch(() => null);
        if (st !== null && st.ctimeMs > since + CLOCK_MARGIN_MS)
            out.add(p);
    }));
    return out;
}

;// CONCATENATED MODULE: ./src/verdict/instructions.ts
const squash = (s) => s.replace(/\s+/g, ' ').trim();
/**
 * Compares every instruction step of a BuildKit log with the Dockerfile the guard read (issue
 * 12, class 1). BuildKit reads the Dockerfile through its own local source with the context's
 * size+mtime shortcut, so a same-size, mtime-kept edit can build the OLD Dockerfile while the
 * guard reads the new one; the log then prints the old instructions. Whitespace runs are
 * compared as one space; a tty log may cut a long name (then its text must be a prefix); with
 * `looseArgs` (another tool's build, whose build args are unknown) a vertex that expands
 * build-arg variables matches with each variable standing for any text. The legacy builder
 * sends its Dockerfile with the whole context every time: its logs are not compared.
 */
function compareInstructions(vertices, stages, needed, log, opts) {
    if (log.format === 'legacy' || log.format === 'unknown')
        return [];
    const byKey = new Map(vertices.map(v => [`${v.stage}#${v.index}`, v]));
    const totals = new Map(stages.map(s => [s.name, s.total]));
    const single = stages.length === 1 ? (stages[0]?.name ?? null) : null;
    const out = [];
    for (const step of log.steps) {
        if (opts.service !== null && step.service !== null && step.service !== opts.service)
            continue;
        if (/^FROM\s/i.test(step.instruction))
            continue;
        const stage = step.stage === null ? single : step.stage.toLowerCase();
        // A nameless step of a multi-stage file, or a stage this build does not run: not ours to read.
        if (stage === null || !needed.has(stage))
            continue;
        const v = byKey.get(`${stage}#${step.index}`);
        const miss = (expected, line) => {
            out.push({ stage, index: step.index, line, expected, printed: step.instruction });
        };
        if (v === undefined || totals.get(stage) !== step.total) {
            miss(v?.instruction ?? null, v?.line ?? null);
            continue;
        }
        if (v.printed.length === 0)
            continue; // a heredoc: its printed form is not predicted
        if (!matches(v, step.instruction, log.format === 'buildkit-tty', opts.looseArgs)) {
            miss(v.instruction, v.line);
        }
    }
    return out;
}
function matches(v, printed, mayBeCut, looseArgs) {
    const got = squash(printed).replace(/\.\.\.$/, '');
    for (const p of v.printed) {
        // A value with a line break (a build arg) ends the log line there: compare what is shown.
        const multiline = /[\r\n]/.test(p);
        const want = squash(multiline ? (p.split(/[\r\n]/)[0] ?? '') : p);
        if (want === got || ((mayBeCut || multiline) && got.length > 0 && want.startsWith(got)))
            return true;
        if (multiline && got.startsWith(want))
            return true;
    }
    if (!looseArgs || !v.usesArgs)
        return false;
    // Each `$NAME` / `${...}` of the text as written may have been any value in that build.
    const parts = squash(v.instruction).split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/);
    const re = new RegExp(`^${parts.map(p => p.replace(/["']/g, '').replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')).join('.*')}$`, 's');
    return re.test(got.replace(/["']/g, ''));
}

// EXTERNAL MODULE: ./src/context/hash.ts
var context_hash = __webpack_require__(9715);
;// CONCATENATED MODULE: ./src/verdict/judge.ts


/**
 * Which changed paths need byte proof. With `verify: changed` every changed path of every COPY/ADD
 * step is proven, also in steps that ran: BuildKit re-runs a COPY when one file changed normally
 * yet can keep a second, mtime-kept file stale inside it. That takes a context cache that was not
 * pruned: when this run re-sent the whole context (`contextResent`: a successful source.local
 * prune right before the build, or the legacy builder, which always sends everything), a step the
 * log shows RAN copied the bytes just sent, and proving it again would only cost a `docker save`.
 * Cached steps, and steps the log does not show, are always proven. RUN bind mounts leave no layer.
 */
function planProofs(steps, comparison, current, verify, seen = { logSteps: new Map(), contextResent: false }) {
    if (verify === 'none')
        return [];
    const out = [];
    for (const step of steps) {
        if (step.keyword === 'RUN')
            continue;
        const paths = judgedPaths(step, comparison, seen);
        if (paths.length === 0)
            continue;
        const key = stepKey(step);
        const all = seen.proveAll?.(step) === true;
        if (!all && seen.contextResent && seen.logSteps.get(key)?.cached === false)
            continue;
        out.push({
            key,
            stage: step.stage,
            index: step.index,
            paths: paths.map(path => ({ path, expected: current.get(path) ?? null }))
        });
    }
    return out;
}
/** The paths of a step to judge: its changed ones, or all it selects when nothing vouches. */
function judgedPaths(step, comparison, seen) {
    const changed = comparison.stepChanges.get(stepKey(step)) ?? [];
    const paths = seen.proveAll?.(step) ? [...new Set([...changed, ...step.selected])] : changed;
    return seen.skip ? paths.filter(p => !seen.skip?.has(p)) : paths;
}
/**
 * The verdict (docs/design.md, Verdicts): a changed file a step reads is stale until its bytes prove it, and
 * `fresh`/`unchanged`/`baseline` promise the image holds the context's bytes: a changed file
 * the guard could not prove (a layer it cannot read, a bind mount, an archive it cannot open)
 * makes the step `stale` as unproven, never `ran`.
 */
function judge(input) {
    const { comparison, previous } = input;
    const warnings = [...input.warnings];
    const scope = { ...input.scope, contextResent: false, logSteps: input.logSteps };
    scope.contextResent = input.scope?.contextResent ?? false;
    const mismatched = new Set((input.mismatches ?? []).map(m => `${m.stage}#${m.index}`));
    const results = input.steps.map(step => {
        const key = stepKey(step);
        const seen = input.logSteps.get(key);
        const changedFiles = comparison.stepChanges.get(key);
        const changed = changedFiles !== undefined;
        const cached = seen?.cached ?? false;
        const base = {
            stage: step.stage,
            index: step.index,
            instruction: step.instruction,
            line: step.line,
            changed,
            cached,
            changedFiles: changedFiles ?? [],
            staleFiles: []
        };
        const status = (s, staleFiles = []) => ({
            ...base,
            status: s,
            staleFiles
        });
        const unproven = (files, why, stale = []) => ({
            ...base,
            status: 'stale',
            staleFiles: stale,
            unprovenFiles: [...new Set(files)],
            unproven: why
        });
        if (mismatched.has(key)) {
            return unproven(judgedPaths(step, comparison, { ...scope, proveAll: () => true }), 'the build log printed another instruction for this step: BuildKit built an old copy of the Dockerfile');
        }
        const paths = judgedPaths(step, comparison, scope);
        if (step.keyword === 'RUN') {
            if (paths.length === 0 || scope.contextResent)
                return status(cached ? 'cached' : 'ran');
            return unproven(paths, 'a bind mount leaves no copy of its sources in the image (the RUN writes only its own output), so only the cure vouches for them: prune type=source.local before the build, which the default policy does when the context changed');
        }
        if (!seen && paths.length > 0) {
            warnings.push(`line ${step.line}: ${step.instruction} was not found in the build log; judged by byte proof only`);
        }
        const proof = input.proofs.get(key);
        if (proof?.unprovable) {
            return unproven(paths, `its layer could not be read: ${proof.unprovable}`);
        }
        if (proof) {
            const bad = [...new Set(proof.files.filter(f => !f.ok && !f.unproven).map(f => f.path))];
            const unsure = proof.files.filter(f => f.unproven);
            if (unsure.length > 0) {
                return unproven(unsure.map(f => f.path), [...new Set(unsure.map(f => f.detail))].join('; '), bad);
            }
            if (bad.length > 0)
                return status('stale', bad);
            // `verified` is a cached step cleared by proof; a step that ran is `ran`, proven or not.
            return status(cached ? 'verified' : 'ran');
        }
        if (paths.length === 0)
            return status(cached ? 'cached' : 'ran');
        // Changed, not proven: a step that ran right after the cure copied what was just sent.
        // `verify: none` trusts the log: only a CACHED changed step is then stale.
        if (seen && !cached && (scope.contextResent || input.verify === 'none'))
            return status('ran');
        return unproven(paths, input.verify === 'none'
            ? 'verify: none trusts the log, and the log shows it CACHED'
            : seen
                ? 'no byte proof was made for it'
                : 'the build log does not show it, and no byte proof was made for it');
    });
    const mismatch = (input.mismatches ?? []).length > 0;
    const verdict = mismatch || results.some(r => r.status === 'stale')
        ? 'stale'
        : previous === null
            ? 'baseline'
            : input.contextHash === previous.contextHash && comparison.stepChanges.size === 0
                ? 'unchanged'
                : 'fresh';
    return {
        verdict,
        contextHash: input.contextHash,
        previousHash: comparison.previousHash,
        changedFiles: comparison.changedFiles,
        pruned: input.pruned,
        steps: results,
        causes: verdict === 'stale' ? likelyCauses(input, results) : [],
        warnings,
        imageId: input.imageId
    };
}
/** The likely causes seen in this run, most specific first. */
function likelyCauses(input, results) {
    const causes = [];
    const { facts, pruned, previous } = input;
    const imports = [...new Set([...facts.cacheImports, ...facts.cacheFrom])];
    if (imports.length > 0) {
        causes.push(`cache imported from ${imports.join(', ')} (--cache-from / inline cache) serves layers built from other bytes, even after a prune`);
    }
    if (facts.builder === 'legacy') {
        causes.push('the legacy builder keeps its cache in images: `---> Using cache` survives `docker builder prune`; build with BuildKit (DOCKER_BUILDKIT=1 or buildx) or pass --no-cache');
    }
    if (pruned === null && facts.prunePolicy === 'never') {
        causes.push("the builder's context cache was not pruned (prune: never)");
    }
    else if (pruned && !pruned.done) {
        causes.push(`the prune did not run to completion${pruned.note ? `: ${pruned.note}` : ''}`);
    }
    for (const m of input.mismatches ?? []) {
        causes.push(m.expected === null
            ? `the build log shows [${m.stage} ${m.index}] ${m.printed}, which the Dockerfile read has not: BuildKit built an old copy of the Dockerfile (it receives the Dockerfile through its own context source, with the same size+mtime shortcut); prune type=source.local`
            : `line ${m.line ?? '?'} reads \`${m.expected}\` but the build log printed \`${m.printed}\`: BuildKit built an old copy of the Dockerfile (it receives the Dockerfile through its own context source, with the same size+mtime shortcut); prune type=source.local`);
    }
    const unsure = results.filter(r => (r.unprovenFiles ?? []).length > 0);
    for (const r of unsure) {
        causes.push(`line ${r.line}: unproven: ${(r.unprovenFiles ?? []).slice(0, 5).join(', ')}${(r.unprovenFiles ?? []).length > 5 ? ` and ${(r.unprovenFiles ?? []).length - 5} more` : ''} (${r.unproven ?? ''})`);
    }
    // Only another tool's build may have run on another daemon than the one the guard asks.
    if (facts.dockerHost && facts.command === 'check') {
        causes.push(`the build ran on the daemon at DOCKER_HOST=${facts.dockerHost}: its cache is the one that must be pruned`);
    }
    const stale = results.flatMap(r => r.staleFiles);
    const sameSize = [...new Set(stale)].filter(path => {
        const before = previous?.files[path];
        const now = input.files[path];
        if (before === undefined || now === undefined || before === now)
            return false;
        const a = (0,context_hash/* signatureSize */.wz)(before);
        return a !== null && a === (0,context_hash/* signatureSize */.wz)(now);
    });
    if (sameSize.length > 0) {
        causes.push(`same-size edit with the modification time kept (rsync -t, tar, touch -d, mtime-restoring checkouts): ${sameSize.join(', ')}; Docker re-sends a context file only when its size, mtime, mode or owner changed`);
    }
    if (causes.length === 0) {
        causes.push('the builder served a cached layer whose bytes differ from the context: prune its context cache (docker builder prune --filter type=source.local, or `fresh-build clear`)');
    }
    return causes;
}

;// CONCATENATED MODULE: ./src/verdict/match.ts

/**
 * Finds, for each Dockerfile step, the log step that reports it.
 *
 * BuildKit prints `[stage i/n]` with the stage's AS name lowercased, `stage-N` for unnamed stages
 * of a multi-stage file, and no name at all for a single-stage file; `i` counts only instructions
 * that make a vertex. The legacy builder prints a global `Step N/M` over every instruction,
 * global ARGs included. A compose log may prefix a service; pass it to keep services apart.
 */
function matchLogSteps(steps, log, service = null) {
    const seen = log.steps.filter(s => service === null || s.service === null || s.service === service);
    const out = new Map();
    if (log.format === 'legacy') {
        const byOrdinal = new Map(seen.map(s => [s.index, s]));
        for (const step of steps) {
            const hit = byOrdinal.get(step.ordinal);
            if (hit)
                out.set(stepKey(step), hit);
        }
        return out;
    }
    const named = new Map();
    const unnamed = new Map();
    for (const s of seen) {
        if (s.stage === null)
            unnamed.set(s.index, [...(unnamed.get(s.index) ?? []), s]);
        else
            named.set(`${s.stage.toLowerCase()}#${s.index}`, s);
    }
    for (const step of steps) {
        const byName = named.get(`${step.stage.toLowerCase()}#${step.index}`);
        if (byName) {
            out.set(stepKey(step), byName);
            continue;
        }
        // A nameless `[i/n]` is only unambiguous when exactly one candidate matches the total too.
        const candidates = (unnamed.get(step.index) ?? []).filter(s => s.total === step.total);
        if (candidates.length === 1 && candidates[0])
            out.set(stepKey(step), candidates[0]);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/pipeline/stages/prove.ts








/**
 * Stage 5: match the log to the Dockerfile (steps, and the instruction text it printed), then
 * prove by the image's bytes what nothing else vouches for: changed files, and every copied
 * file when there is no record and no cure, or in check mode (which pruned nothing).
 */
async function prove(run) {
    const { source, steps, opts } = run;
    const logSteps = matchLogSteps(steps, source.log, run.service);
    const unvouched = run.previous === null && !source.contextResent && opts.verify !== 'none';
    const proveAll = (s) => run.command === 'check' && opts.verify !== 'none'
        ? unvouched || (s.stage === run.finalStage && s.keyword !== 'RUN')
        : unvouched;
    const skip = await notJudged(run, proveAll);
    for (const p of skip) {
        run.warnings.push(`${p} was written while the build ran (the build's own output, e.g. a log); it is not judged as a source: keep such files outside the context`);
    }
    const scope = { logSteps, contextResent: source.contextResent, proveAll, skip };
    const mismatches = compareInstructions(run.hashed.plan.vertices, run.hashed.plan.stages, (0,dockerfile/* neededStages */.xB)(run.hashed.plan, opts.target ?? undefined), source.log, { service: run.service, looseArgs: run.command === 'check' });
    const requests = planProofs(steps, run.comparison, run.files.byPath, opts.verify, scope);
    if (requests.length > 0) {
        run.io.phase?.('prove');
        run.say(`proving ${requests.reduce((n, r) => n + r.paths.length, 0)} path(s) by their bytes in the image`);
    }
    const proofs = requests.length > 0
        ? await proveSteps(requests, {
            exec: run.docker(),
            plan: run.hashed.plan,
            finalStage: run.finalStage,
            final: source.final,
            stageImage: source.stageImage,
            say: run.say,
            context: opts.context,
            entries: run.hashed.scan.entries,
            named: run.hashed.named
        })
        : new Map();
    await source.cleanup();
    return { ...run, logSteps, proofs, scope, mismatches };
}
/**
 * Context paths this run must not judge: the check-mode log and the build log the guard keeps
 * (when inside the context), and any path it would judge that was written after the run began
 * (the build's own output, e.g. `... | tee build.log` in the context).
 */
async function notJudged(run, proveAll) {
    const { opts } = run;
    const inside = (file) => {
        if (file === null)
            return null;
        const rel = (0,external_node_path_.relative)(opts.context, file);
        return rel === '' || rel.startsWith('..') || rel.startsWith(external_node_path_.sep)
            ? null
            : rel.split(external_node_path_.sep).join('/');
    };
    const out = new Set();
    for (const f of [run.command === 'check' ? opts.logFile : null, `${run.statePath}.build.log`]) {
        const rel = inside(f);
        if (rel !== null && run.files.byPath.has(rel))
            out.add(rel);
    }
    const judged = new Set();
    for (const s of run.steps) {
        for (const p of run.comparison.stepChanges.get(stepKey(s)) ?? [])
            judged.add(p);
        if (proveAll(s))
            for (const p of s.selected)
                judged.add(p);
    }
    for (const p of await writtenSince(opts.context, judged, run.startedAt)) {
        // The cure's own touch is not a write by the build: those files are judged like any other.
        if (!run.source.resent?.has((0,external_node_path_.join)(opts.context, p)))
            out.add(p);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/pipeline/stages/judge.ts

/** Stage 6: the verdict, from plain data. */
function judgeRun(run) {
    const { source, opts } = run;
    const judgement = judge({
        contextHash: run.hashed.contextHash,
        files: run.files.signatures,
        steps: run.steps,
        previous: run.previous,
        comparison: run.comparison,
        logSteps: run.logSteps,
        proofs: run.proofs,
        pruned: source.pruned,
        verify: opts.verify,
        facts: {
            builder: source.builder,
            cacheFrom: opts.cacheFrom,
            cacheImports: source.log.cacheImports,
            dockerHost: run.io.env.DOCKER_HOST || null,
            prunePolicy: opts.prune,
            command: run.command
        },
        warnings: run.warnings,
        imageId: source.imageId,
        scope: run.scope,
        mismatches: run.mismatches
    });
    return { ...run, judgement };
}

;// CONCATENATED MODULE: ./src/pipeline/stages/record.ts


/**
 * Stage 7: a build that is not stale becomes the last good build; a stale one leaves it. With
 * `--push` the image and its record go to the registry first: a push that fails leaves the
 * record as it was.
 */
async function record(run) {
    const { opts, identity } = run;
    if (run.judgement.verdict === 'stale') {
        run.say(`stale: the record at ${run.redact(run.statePath)} is left at the last good build`);
        if (run.pushPlan)
            run.say('stale: nothing pushed');
        return { ...run, push: null };
    }
    const built = (0,src_record/* newRecord */.Mx)({
        contextHash: run.hashed.contextHash,
        files: run.files.signatures,
        steps: run.steps,
        commit: identity.commit,
        buildId: run.command === 'build' ? identity.buildId : opts.buildId,
        imageId: run.source.imageId,
        tags: opts.tags,
        dockerfile: opts.file,
        // Where the image's context COPYs put each file, for `verify` after the deploy.
        deploy: (0,src_record/* deployFacts */.lo)(run.steps, run.hashed.plan.stages, run.finalStage, run.previous ? run.comparison.changedFiles : null),
        inputs: run.hashed.inputs
    });
    let push = null;
    if (run.pushPlan) {
        push = await pushImage(run.docker(), run.pushPlan, built, run.say);
        run.judgement.warnings.push(...push.warnings);
    }
    await (0,src_record/* writeRecord */.rh)(run.statePath, built);
    run.say(`record updated: ${run.redact(run.statePath)}`);
    await run.source.keepState?.(built);
    return { ...run, push };
}

;// CONCATENATED MODULE: ./src/pipeline/stages/report.ts


/** Stage 8: what the adapters report, the judgement redacted. */
function report(run) {
    // A service's secret values may come from its compose file, which only this run knows: the
    // judgement leaves here redacted, for every report that prints it.
    return {
        service: run.service,
        judgement: (0,text_safety/* redactJudgement */.$g)(run.judgement, run.redact),
        dockerfile: run.opts.file,
        statePath: run.statePath,
        endLines: new Map(run.steps.map(s => [s.line, s.endLine])),
        previousSource: run.previousSource,
        push: run.push,
        buildxMetadata: run.source.buildxMetadata
            ? redactValues(run.source.buildxMetadata, run.redact)
            : null
    };
}
/**
 * The JSON document of a run, for `--json` and the action's `report` output: a single build's
 * judgement, or one judgement per compose service, named.
 */
function reportDocument(results) {
    const [only] = results;
    if (results.length === 1 && only && only.service === null)
        return judgementDocument(only);
    return results.map(r => ({ service: r.service, ...judgementDocument(r) }));
}
/** Redacts the string values of a JSON value, never its keys or structure. */
function redactValues(v, redact) {
    if (typeof v === 'string')
        return redact(v);
    if (Array.isArray(v))
        return v.map(x => redactValues(x, redact));
    if (v !== null && typeof v === 'object')
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redactValues(x, redact)]));
    return v;
}

;// CONCATENATED MODULE: ./src/pipeline/guard.ts














/** `build` or `check` for one Dockerfile, or for every service of a compose file. */
async function runGuard(command, opts, compose, io) {
    if (!compose)
        return [await guardOne(command, opts, null, io)];
    // Loaded only for a compose file: the YAML reader is a chunk of its own in the bundle.
    const { composeGuardOptions } = await Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(358)]).then(__webpack_require__.bind(__webpack_require__, 4358));
    const services = await composeGuardOptions(compose, opts, io.env, { progress: io.progress });
    const results = [];
    for (const { service, options } of services) {
        io.progress(`== service ${service}`);
        results.push(await guardOne(command, options, service, io));
    }
    return results;
}
/**
 * prepare, hash, check the registries (`--push`), then under the record's lock: compare, source,
 * prove, judge, record (and push); report.
 */
async function guardOne(command, opts, service, io) {
    const prepared = await prepare(command, opts, service, io);
    io.phase?.('read context');
    const hashed = await checkRegistries(await hashStage(prepared));
    const judged = await (0,src_record/* withRecordLock */.D4)(hashed.statePath, async () => {
        io.phase?.('compare');
        const compared = await compare(hashed);
        const proven = await prove(trustRegistryRecord(await source(compared)));
        const run = judgeRun(proven);
        io.phase?.('record');
        return record(run);
    });
    return report(judged);
}


/***/ }),

/***/ 9804:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkContextDir: () => (/* binding */ checkContextDir),
/* harmony export */   daemonOnBuild: () => (/* binding */ daemonOnBuild),
/* harmony export */   hashContext: () => (/* binding */ hashContext),
/* harmony export */   hashInputs: () => (/* binding */ hashInputs),
/* harmony export */   hashReport: () => (/* binding */ hashReport),
/* harmony export */   readDockerfileText: () => (/* binding */ readDockerfileText)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _context_walk_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1705);
/* harmony import */ var _context_statcache_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5359);
/* harmony import */ var _context_hash_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9715);
/* harmony import */ var _dockerfile_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3990);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4920);
/* harmony import */ var _named_contexts_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8556);
/* harmony import */ var _verdict_sources_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9351);
/* harmony import */ var _docker_index_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4565);
/* harmony import */ var _util_error_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(7610);
/* harmony import */ var _util_errno_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(8196);












/**
 * The ONBUILD reader of `hash`, which otherwise needs no daemon: it asks the configured one
 * (DOCKER_HOST) for local base images only, and names what it could not read.
 */
function daemonOnBuild(env) {
    return images => (0,_docker_index_js__WEBPACK_IMPORTED_MODULE_9__/* .readOnBuild */ .w$)((0,_docker_index_js__WEBPACK_IMPORTED_MODULE_9__/* .dockerExec */ .SW)((0,_docker_index_js__WEBPACK_IMPORTED_MODULE_9__/* .dockerClient */ ._n)({ env })), images);
}
/** `not found`, `is not readable (permission denied)`...: what the named file is. */
function fault(e) {
    const code = (0,_util_errno_js__WEBPACK_IMPORTED_MODULE_11__/* .errCode */ .tm)(e) ?? '';
    return (0,_util_errno_js__WEBPACK_IMPORTED_MODULE_11__/* .fileFault */ .bT)(code) ?? `cannot be read (${code || (0,_util_error_js__WEBPACK_IMPORTED_MODULE_10__/* .thrownMessage */ .U4)(e)})`;
}
async function readDockerfileText(file) {
    return (await readDockerfileBytes(file)).toString('utf8');
}
async function readDockerfileBytes(file) {
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file);
    }
    catch (e) {
        throw new _options_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`Dockerfile ${fault(e)}: ${file}`);
    }
}
/**
 * The context directory must exist before anything else is read: when it is missing, the
 * default Dockerfile inside it is missing too, and the message should name the real fault.
 */
async function checkContextDir(dir) {
    let st;
    try {
        st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(dir);
    }
    catch (e) {
        throw new _options_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`build context ${fault(e)}: ${dir}`);
    }
    if (!st.isDirectory())
        throw new _options_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`build context is not a directory: ${dir}`);
}
/**
 * The reader throws DockerfileError for what it rejects; a Dockerfile built to exhaust it (a
 * variable nested thousands deep overflows the recursive word lexer) must still end in one line
 * naming the file rather than a bare "Maximum call stack size exceeded".
 */
function readPlan(text, file, buildArgs, namedContexts, triggers) {
    try {
        return (0,_dockerfile_index_js__WEBPACK_IMPORTED_MODULE_5__/* .readDockerfile */ .n_)(text, {
            file,
            buildArgs,
            namedContexts,
            ...(triggers && triggers.size > 0 ? { onBuild: (b) => triggers.get(b) } : {})
        });
    }
    catch (e) {
        if (e?.name === 'RangeError') {
            throw new _options_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`${file}: too deeply nested to read (${e.message})`);
        }
        throw e;
    }
}
/** Step 1 and 2 of the pipeline: read the context and the Dockerfile, hash both. No daemon. */
async function hashContext(opts) {
    await checkContextDir(opts.context);
    // The Dockerfile next: it is small, and a parse error should not wait for a big tree walk.
    const namedDirs = opts.namedContexts ?? {};
    const names = Object.keys(namedDirs);
    const bytes = await readDockerfileBytes(opts.file);
    const { plan, onBuildProblems } = await planWithTriggers(bytes.toString('utf8'), names, opts);
    opts.onPlan?.(plan);
    // Opened before the walk: the cache's horizon must precede every lstat of the scan.
    const cache = opts.statCache ? await _context_statcache_js__WEBPACK_IMPORTED_MODULE_3__/* .StatCache */ .XO.open(opts.statCache) : null;
    const scan = await scanWithCache(opts.context, opts.file, cache);
    const inputs = {
        dockerfile: sha256(bytes),
        ignoreFile: scan.ignoreFile,
        ignore: scan.ignoreFile ? sha256(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(scan.ignoreFile)) : null
    };
    const named = await (0,_named_contexts_js__WEBPACK_IMPORTED_MODULE_7__/* .scanNamedContexts */ .Pz)(namedDirs);
    const namedEntries = new Map([...named].map(([n, s]) => [n, s.entries]));
    return {
        scan,
        plan,
        contextHash: (0,_named_contexts_js__WEBPACK_IMPORTED_MODULE_7__/* .combinedHash */ ._r)(hashInputs((0,_context_hash_js__WEBPACK_IMPORTED_MODULE_4__/* .hashEntries */ .fG)(scan.entries), inputs), named),
        steps: (0,_dockerfile_index_js__WEBPACK_IMPORTED_MODULE_5__/* .hashSteps */ .g7)(plan, scan.entries, namedEntries),
        statCache: cache ? await cache.save() : null,
        inputs,
        onBuildProblems,
        named,
        all: named.size === 0 ? scan.entries : [...scan.entries, ...(0,_named_contexts_js__WEBPACK_IMPORTED_MODULE_7__/* .keyedEntries */ .v6)(named, scan.entries)]
    };
}
/**
 * The plan, read again with the ONBUILD triggers of local base images when there are any (a
 * trigger runs as the first instructions of the stage built on that image).
 */
async function planWithTriggers(text, names, opts) {
    const plan = readPlan(text, opts.file, opts.buildArgs, names);
    const images = imageBases(plan);
    if (!opts.onBuild || images.length === 0)
        return { plan, onBuildProblems: [] };
    const read = await opts.onBuild(images);
    if (read.triggers.size === 0)
        return { plan, onBuildProblems: read.problems };
    const again = readPlan(text, opts.file, opts.buildArgs, names, read.triggers);
    return { plan: again, onBuildProblems: read.problems };
}
/** The context walk, digesting through the stat cache when there is one (dropped on failure). */
async function scanWithCache(context, dockerfile, cache) {
    try {
        return await (0,_context_walk_js__WEBPACK_IMPORTED_MODULE_2__/* .scanContext */ .hp)(context, {
            dockerfile,
            ...(cache ? { digester: cache.digester() } : {})
        });
    }
    catch (e) {
        await cache?.discard();
        throw e;
    }
}
const sha256 = (b) => `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(b).digest('hex')}`;
/**
 * The context hash: the entries, and the Dockerfile and ignore file, which BuildKit receives
 * through their own local sources with the same size+mtime shortcut (verified on 20.10: a
 * same-size, mtime-kept edit of a Dockerfile outside the context built the old one until
 * `docker builder prune --filter type=source.local`). A change to either diverges from the
 * record, so the default policy prunes what would serve the old copy.
 */
function hashInputs(entriesHash, inputs) {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    h.update(`context ${entriesHash}
dockerfile ${inputs.dockerfile}
ignore ${inputs.ignore ?? '-'}
`);
    return `sha256:${h.digest('hex')}`;
}
/** Base images of stages that are images (not scratch, not an earlier stage). */
function imageBases(plan) {
    const names = new Set();
    const out = [];
    for (const s of plan.stages) {
        const base = s.base.toLowerCase();
        if (base !== 'scratch' && !names.has(base) && !s.deps.includes(base))
            out.push(s.base);
        names.add(s.name);
    }
    return [...new Set(out)];
}
/** The document `hash --json` prints (docs/contract.md). */
function hashReport(h) {
    return {
        contextHash: h.contextHash,
        files: h.scan.entries.map(e => ({
            path: e.path,
            type: e.type,
            mode: (0,_context_hash_js__WEBPACK_IMPORTED_MODULE_4__/* .formatMode */ .VQ)(e.mode),
            digest: e.digest ?? null,
            ...(e.linkTarget !== undefined ? { linkTarget: e.linkTarget } : {})
        })),
        steps: h.steps.map(s => ({
            stage: s.stage,
            index: s.index,
            instruction: s.instruction,
            line: s.line,
            sourceHash: s.sourceHash,
            sources: s.selected,
            ...(s.trigger !== undefined ? { onbuildOf: s.trigger } : {})
        })),
        warnings: [
            ...h.plan.warnings.map(w => `line ${w.line}: ${w.message}`),
            ...h.onBuildProblems,
            // A step whose literal source matches nothing has the empty digest: the build will fail.
            ...(0,_verdict_sources_js__WEBPACK_IMPORTED_MODULE_8__/* .unmatchedSources */ .s)(h.steps.filter(s => s.context === undefined), h.scan.entries).map(u => (0,_verdict_sources_js__WEBPACK_IMPORTED_MODULE_8__/* .unmatchedMessage */ .v)(u, false))
        ]
    };
}


/***/ }),

/***/ 8556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HY: () => (/* binding */ buildStandIns),
/* harmony export */   Pz: () => (/* binding */ scanNamedContexts),
/* harmony export */   _r: () => (/* binding */ combinedHash),
/* harmony export */   k2: () => (/* binding */ entryKey),
/* harmony export */   kP: () => (/* binding */ pathInContext),
/* harmony export */   v6: () => (/* binding */ keyedEntries)
/* harmony export */ });
/* unused harmony export STAND_IN_LABEL */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _context_walk_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1705);
/* harmony import */ var _docker_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4565);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4920);
/* harmony import */ var _util_error_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7610);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9804);
/**
 * Named build contexts (`--build-context NAME=DIR`, the action's `build-contexts`): each is
 * hashed as Docker sends it, with its own `.dockerignore`, and the steps that read it
 * (`COPY --from=NAME`, `RUN --mount=from=NAME`) are compared, judged and proven like the steps
 * of the main context.
 *
 * One flat path space: a named context's entries are keyed `NAME:path`, so the record's file
 * signatures, the changed-files list, the step comparison and the proof requests need no second
 * code path. A main-context path that starts with `NAME:` would be ambiguous and is refused.
 *
 * buildx passes the directories as `--build-context`. The classic client has no such flag; there
 * each named context is stood in by a local image `NAME` built `FROM scratch` with `COPY . /`
 * from that directory, which `COPY --from=NAME` and `RUN --mount=from=NAME` then read (the daemon
 * resolves an image name locally first). That image is built through the same builder cache, so
 * a stale context-sync record shows in it, and in the layer the COPY wrote, as it would in a
 * named context; the tag is removed after the run.
 */









/** The label that marks an image as a stand-in for a named context (its value: the directory). */
const STAND_IN_LABEL = 'dev.fresh-build.named-context';
/** `NAME:path` for a named context's entry; the path itself for the main context. */
function entryKey(context, path) {
    return context === undefined ? path : `${context}:${path}`;
}
/** The path inside its own context of a key a step of `context` reads. */
function pathInContext(context, key) {
    return context === undefined ? key : key.slice(context.length + 1);
}
/** Each named context scanned as Docker sends it: its own root `.dockerignore`. */
async function scanNamedContexts(dirs) {
    const out = new Map();
    for (const [name, dir] of Object.entries(dirs)) {
        try {
            await (0,_hash_js__WEBPACK_IMPORTED_MODULE_8__.checkContextDir)(dir);
        }
        catch (e) {
            throw new _options_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`named context ${name}: ${e.message}`);
        }
        out.set(name, await (0,_context_walk_js__WEBPACK_IMPORTED_MODULE_4__/* .scanContext */ .hp)(dir));
    }
    return out;
}
/** The named contexts' entries, keyed; refuses a main-context path that looks like a key. */
function keyedEntries(named, main) {
    const names = [...named.keys()];
    const clash = main.find(e => names.some(n => e.path.startsWith(`${n}:`)));
    if (clash) {
        throw new _options_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`build context path "${clash.path}" reads like a file of the named context ${clash.path.split(':')[0]}: rename one`);
    }
    return [...named].flatMap(([name, scan]) => scan.entries.map(e => ({ ...e, path: entryKey(name, e.path) })));
}
/**
 * The context hash with named contexts: one sha256 over the main context's hash and each named
 * context's, by name. Without named contexts it is the main context's hash unchanged.
 */
function combinedHash(main, named) {
    if (named.size === 0)
        return main;
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`main\0${main}\n`);
    for (const name of [...named.keys()].sort()) {
        const entries = named.get(name)?.entries ?? [];
        h.update(`${name}\0${hashOf(entries)}\n`);
    }
    return `sha256:${h.digest('hex')}`;
}
function hashOf(entries) {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for (const e of entries) {
        h.update(`${e.path}\0${e.type}\0${e.mode}\0${e.digest ?? ''}\0${e.linkTarget ?? ''}\n`);
    }
    return h.digest('hex');
}
/**
 * Builds the stand-in image of each named context (classic client). Refuses to overwrite an
 * image of that name that is not a stand-in: it may be the user's.
 */
async function buildStandIns(dirs, io, where) {
    const made = [];
    const cleanup = () => removeStandIns(io, made);
    const temp = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'fb-context-'));
    try {
        const dockerfile = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(temp, 'Dockerfile');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(dockerfile, 'FROM scratch\nCOPY . /\n');
        for (const [name, dir] of Object.entries(dirs)) {
            made.push(await buildStandIn(name, dir, dockerfile, io, where));
        }
    }
    catch (e) {
        await cleanup();
        throw e;
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(temp, { recursive: true, force: true });
    }
    return { cleanup };
}
async function removeStandIns(io, made) {
    for (const { name, id } of made) {
        const now = await io.exec(['image', 'inspect', '--format', '{{.Id}}', name]).catch(() => null);
        // Untag only while the name still points at our image; never forced.
        if (now?.code === 0 && now.stdout.trim() === id) {
            await io.exec(['image', 'rm', name]).catch(() => null);
        }
    }
}
/** One stand-in: refused over a foreign image of that name, else built from `dir` and tagged. */
async function buildStandIn(name, dir, dockerfile, io, where) {
    const existing = await io.exec([
        'image',
        'inspect',
        '--format',
        `{{index .Config.Labels "${STAND_IN_LABEL}"}}`,
        name
    ]);
    if (existing.code === 0 && existing.stdout.trim() === '') {
        throw new _options_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`${where}: ${name}: without buildx a named context is stood in by a local image ${name}, and an image of that name already exists on this daemon; rename the context or install buildx`);
    }
    io.say(`named context ${name}: standing in an image built from ${dir} (no buildx)`);
    const lines = [];
    const spec = {
        context: dir,
        file: dockerfile,
        tags: [name],
        buildArgs: {},
        cacheFrom: [],
        labels: { [STAND_IN_LABEL]: dir }
    };
    const built = await (0,_docker_index_js__WEBPACK_IMPORTED_MODULE_5__/* .runBuild */ .cM)(io.exec, io.kind, spec, {
        onLine: l => lines.push(l),
        redact: io.redact,
        ...(io.onCommand ? { onCommand: io.onCommand } : {})
    });
    if (built.code !== 0 || built.imageId === null) {
        for (const l of lines.slice(-20))
            io.say(`[context ${name}] ${l}`);
        throw new _util_error_js__WEBPACK_IMPORTED_MODULE_7__/* .FreshBuildError */ .nz(`named context ${name}: building its stand-in image failed (exit ${built.code}): ${built.error ?? ''}`);
    }
    const id = await io.exec(['image', 'inspect', '--format', '{{.Id}}', name]);
    return { name, id: id.stdout.trim() };
}


/***/ }),

/***/ 9351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ unmatchedSources),
/* harmony export */   v: () => (/* binding */ unmatchedMessage)
/* harmony export */ });
/* harmony import */ var _dockerfile_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3990);
/* harmony import */ var _dockerfile_match_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3239);


/**
 * Literal sources that select nothing in the context: BuildKit fails the step (`not found`),
 * while a wildcard that matches nothing is allowed (verified on 20.10). The step's hash is then
 * the empty digest; saying so before any prune spares a prune for a build that cannot succeed.
 */
function unmatchedSources(steps, entries) {
    const out = [];
    for (const step of steps) {
        for (const source of step.sources) {
            if ((0,_dockerfile_match_js__WEBPACK_IMPORTED_MODULE_1__/* .hasWildcard */ .rl)(source) || source === '.')
                continue;
            if ((0,_dockerfile_index_js__WEBPACK_IMPORTED_MODULE_0__/* .selectSources */ .nn)({ ...step, sources: [source], excludes: [] }, entries).length === 0) {
                out.push({ step, source });
            }
        }
    }
    return out;
}
/** The warning line for an unmatched source. */
function unmatchedMessage(u, excluded) {
    return `line ${u.step.line}: ${u.step.instruction}: no context file matches ${u.source}${excluded ? ' (.dockerignore excludes it)' : ''}, so the build will fail`;
}


/***/ })

};
