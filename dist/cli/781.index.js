export const id = 781;
export const ids = [781];
export const modules = {

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
