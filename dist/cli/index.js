#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9683:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   h4: () => (/* binding */ detectBuilder),
/* harmony export */   ot: () => (/* binding */ parseVersion)
/* harmony export */ });
/* unused harmony exports classifyBuilder, parseVersionJson */
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4177);
/**
 * Which builder will run `docker build` on this host, and which daemon it talks to.
 * The kind decides the build argv, what a prune can reach and how the log looks.
 */

/** Major.minor of a version like `20.10.24+dfsg1`, `v0.12.1`, `28.2.2`; null if unparsable. */
function parseVersion(v) {
    const m = /(\d+)\.(\d+)/.exec(v ?? '');
    return m ? [Number(m[1]), Number(m[2])] : null;
}
function atLeast(v, major, minor) {
    return v[0] > major || (v[0] === major && v[1] >= minor);
}
function envFlag(value) {
    if (value === undefined || value === '')
        return null;
    return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}
/** Pure decision from the facts. */
function classifyBuilder(facts) {
    const warnings = [];
    const flag = envFlag(facts.dockerBuildkit);
    const client = parseVersion(facts.clientVersion);
    const server = parseVersion(facts.serverVersion);
    if (flag === false) {
        return { kind: 'legacy', reason: 'DOCKER_BUILDKIT=0 selects the legacy builder', warnings };
    }
    if (facts.serverOs === 'windows') {
        return { kind: 'legacy', reason: 'the Windows daemon has no BuildKit', warnings };
    }
    if (server && !atLeast(server, 18, 9)) {
        return {
            kind: 'legacy',
            reason: `daemon ${facts.serverVersion} predates BuildKit (18.09)`,
            warnings
        };
    }
    if (facts.buildxVersion !== null) {
        return { kind: 'buildx', reason: `buildx plugin present (${facts.buildxVersion})`, warnings };
    }
    if (client && atLeast(client, 23, 0)) {
        if (flag === true) {
            warnings.push(`DOCKER_BUILDKIT=1 makes docker ${facts.clientVersion} fail without buildx; building with the legacy builder instead`);
        }
        warnings.push(`docker client ${facts.clientVersion} has no buildx plugin: it falls back to the legacy builder, whose cache lives in images (builder prune does not reach it)`);
        return { kind: 'legacy', reason: `client ${facts.clientVersion} without buildx`, warnings };
    }
    return {
        kind: 'buildkit',
        reason: `client ${facts.clientVersion ?? 'unknown'} builds with BuildKit under DOCKER_BUILDKIT=1`,
        warnings
    };
}
/** Parses `docker version --format '{{json .}}'` (Server is null when the daemon is down). */
function parseVersionJson(text) {
    let v = {};
    const line = text.split('\n').find(l => l.trim().startsWith('{'));
    if (line) {
        try {
            v = JSON.parse(line);
        }
        catch {
            v = {};
        }
    }
    return {
        clientVersion: v.Client?.Version ?? null,
        serverVersion: v.Server?.Version ?? null,
        serverOs: v.Server?.Os ?? null,
        context: v.Client?.Context ?? null
    };
}
/**
 * Asks the client and daemon. Throws a DockerError when the daemon cannot be reached, naming the
 * host it tried (docker's own message says which).
 */
async function detectBuilder(exec, env = process.env) {
    const ver = await exec(['version', '--format', '{{json .}}']);
    const parsed = parseVersionJson(ver.stdout);
    if (ver.code !== 0 || parsed.serverVersion === null) {
        const where = env.DOCKER_HOST ? ` (DOCKER_HOST=${env.DOCKER_HOST})` : '';
        throw new _exec_js__WEBPACK_IMPORTED_MODULE_0__/* .DockerError */ .Bi(`Docker daemon unreachable${where}: ${(0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .lastErrorLine */ .HY)(ver)}`, ver.code);
    }
    const bx = await exec(['buildx', 'version']);
    const buildxVersion = bx.code === 0 ? bx.stdout.trim().split('\n')[0] || 'buildx' : null;
    const choice = classifyBuilder({ ...parsed, buildxVersion, dockerBuildkit: env.DOCKER_BUILDKIT });
    return {
        ...choice,
        ...parsed,
        buildxVersion,
        dockerHost: env.DOCKER_HOST || null,
        context: env.DOCKER_CONTEXT || parsed.context
    };
}


/***/ }),

/***/ 4177:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Bi: () => (/* binding */ DockerError),
  yE: () => (/* binding */ commandError),
  _n: () => (/* binding */ dockerClient),
  SW: () => (/* binding */ dockerExec),
  HY: () => (/* binding */ lastErrorLine),
  eF: () => (/* binding */ run),
  nf: () => (/* binding */ runOrThrow)
});

// UNUSED EXPORTS: DEFAULT_DOCKER_TIMEOUT_S, commandLabel, dockerTimeoutMs

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __nccwpck_require__(6193);
// EXTERNAL MODULE: ./src/util/error.ts
var error = __nccwpck_require__(7610);
;// CONCATENATED MODULE: ./src/docker/exec.ts
/**
 * The one process wrapper every docker call goes through: argv arrays only (never a shell),
 * explicit exit codes (a non-zero exit is data, not an exception), bounded capture, live lines.
 */




/** One-line error for anything docker-related the caller should report as is. */
class DockerError extends error/* FreshBuildError */.nz {
    code;
    constructor(message, code = null) {
        // Keep it one line: daemon messages sometimes carry newlines.
        super(message.replace(/\s*\r?\n\s*/g, ' ').trim());
        this.code = code;
    }
}
const DEFAULT_CAPTURE = 16 * 1024 * 1024;
const SIGNALS = {
    SIGHUP: 1,
    SIGINT: 2,
    SIGKILL: 9,
    SIGPIPE: 13,
    SIGTERM: 15
};
/** Keeps the last `limit` bytes of a stream. */
class TailBuffer {
    limit;
    chunks = [];
    size = 0;
    truncated = false;
    constructor(limit) {
        this.limit = limit;
    }
    push(chunk) {
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.size > this.limit && this.chunks.length > 0) {
            const first = this.chunks[0];
            const excess = this.size - this.limit;
            if (first.length <= excess) {
                this.chunks.shift();
                this.size -= first.length;
            }
            else {
                this.chunks[0] = first.subarray(excess);
                this.size -= excess;
            }
            this.truncated = true;
        }
    }
    text() {
        return Buffer.concat(this.chunks).toString('utf8');
    }
}
/** Splits a byte stream into lines without breaking multi-byte characters. */
class LineSplitter {
    emit;
    decoder = new external_node_string_decoder_.StringDecoder('utf8');
    rest = '';
    constructor(emit) {
        this.emit = emit;
    }
    push(chunk) {
        const parts = (this.rest + this.decoder.write(chunk)).split('\n');
        this.rest = parts.pop() ?? '';
        for (const p of parts)
            this.emit(p.endsWith('\r') ? p.slice(0, -1) : p);
    }
    end() {
        const last = this.rest + this.decoder.end();
        this.rest = '';
        if (last !== '')
            this.emit(last.endsWith('\r') ? last.slice(0, -1) : last);
    }
}
/**
 * Spawns `cmd args...` without a shell. Resolves for every exit code; rejects only when the
 * process cannot start (a missing binary is reported as a DockerError naming it) or when
 * `onStdout` throws.
 */
function run(cmd, args, opts = {}) {
    const limit = opts.maxCapture ?? DEFAULT_CAPTURE;
    const env = Object.fromEntries(Object.entries({ ...(opts.baseEnv ?? process.env), ...opts.env }).filter(([, v]) => v !== undefined));
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(cmd, args, {
            shell: false,
            cwd: opts.cwd,
            env,
            stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
        });
        const { stdout, stderr } = child;
        if (!stdout || !stderr)
            throw new DockerError(`cannot run "${cmd}": no output pipes`);
        const out = new TailBuffer(limit);
        const err = new TailBuffer(limit);
        const outLines = new LineSplitter(l => opts.onLine?.(l, 'stdout'));
        const errLines = new LineSplitter(l => opts.onLine?.(l, 'stderr'));
        let aborted = false;
        let sinkError = null;
        let settled = false;
        const onAbort = () => {
            aborted = true;
            child.kill('SIGTERM');
        };
        // A daemon that accepts and never answers must not hold the run (and its lock) forever:
        // TERM, then KILL if the client ignores it, and the promise rejects with what hung.
        let timedOut = null;
        let killTimer;
        const expire = (why) => {
            if (timedOut !== null)
                return;
            timedOut = why;
            child.kill('SIGTERM');
            killTimer = setTimeout(() => child.kill('SIGKILL'), 2000);
            killTimer.unref();
        };
        const label = opts.label ?? [(0,external_node_path_.basename)(cmd), ...args.slice(0, 2)].join(' ');
        const total = opts.timeoutMs !== undefined
            ? setTimeout(() => expire(`${label} did not finish within ${seconds(opts.timeoutMs ?? 0)}`), opts.timeoutMs)
            : undefined;
        let idle;
        const touch = () => {
            if (opts.idleTimeoutMs === undefined || !Number.isFinite(opts.idleTimeoutMs))
                return;
            clearTimeout(idle);
            idle = setTimeout(() => expire(`${label} did not answer within ${seconds(opts.idleTimeoutMs ?? 0)}`), opts.idleTimeoutMs);
        };
        touch();
        const clearTimers = () => {
            clearTimeout(total);
            clearTimeout(idle);
            clearTimeout(killTimer);
        };
        if (opts.signal?.aborted)
            onAbort();
        else
            opts.signal?.addEventListener('abort', onAbort, { once: true });
        // With a raw consumer, read stdout by async iteration so its awaits throttle the process.
        const stdoutDone = opts.onStdout
            ? (async () => {
                try {
                    for await (const chunk of stdout) {
                        touch();
                        await opts.onStdout?.(chunk);
                    }
                }
                catch (e) {
                    sinkError = e;
                    child.kill('SIGTERM');
                    stdout.resume();
                }
            })()
            : new Promise(res => {
                stdout.on('data', (chunk) => {
                    touch();
                    out.push(chunk);
                    if (opts.onLine)
                        outLines.push(chunk);
                });
                stdout.on('end', res);
                stdout.on('error', () => res());
            });
        stderr.on('data', (chunk) => {
            touch();
            err.push(chunk);
            if (opts.onLine)
                errLines.push(chunk);
        });
        child.once('error', (e) => {
            if (settled)
                return;
            settled = true;
            clearTimers();
            opts.signal?.removeEventListener('abort', onAbort);
            if (e.code === 'ENOENT') {
                reject(new DockerError(`cannot run "${cmd}": not found (install the docker CLI or set DOCKER_PATH)`));
            }
            else if (e.code === 'EACCES') {
                reject(new DockerError(`cannot run "${cmd}": permission denied`));
            }
            else {
                reject(new DockerError(`cannot run "${cmd}": ${e.message}`));
            }
        });
        child.once('close', (code, signal) => {
            void stdoutDone.then(() => {
                if (settled)
                    return;
                settled = true;
                clearTimers();
                opts.signal?.removeEventListener('abort', onAbort);
                if (timedOut !== null) {
                    reject(new DockerError(timedOut));
                    return;
                }
                if (sinkError !== null) {
                    reject(sinkError instanceof Error ? sinkError : new Error(String(sinkError)));
                    return;
                }
                outLines.end();
                errLines.end();
                resolve({
                    code: code ?? 128 + (signal ? (SIGNALS[signal] ?? 0) : 0),
                    stdout: out.text(),
                    stderr: err.text(),
                    truncated: out.truncated || err.truncated,
                    aborted
                });
            });
        });
        if (opts.input !== undefined && child.stdin)
            child.stdin.end(opts.input);
    });
}
function seconds(ms) {
    return `${Math.round(ms / 100) / 10}s`;
}
/** Default bound on a docker call's silence (s); FRESH_BUILD_DOCKER_TIMEOUT overrides it. */
const DEFAULT_DOCKER_TIMEOUT_S = 300;
/**
 * How long a docker call may go without a byte on stdout or stderr before it counts as hung:
 * $FRESH_BUILD_DOCKER_TIMEOUT seconds, else DEFAULT_DOCKER_TIMEOUT_S.
 */
function dockerTimeoutMs(env) {
    const raw = env.FRESH_BUILD_DOCKER_TIMEOUT;
    if (raw === undefined || raw.trim() === '')
        return DEFAULT_DOCKER_TIMEOUT_S * 1000;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) {
        throw new DockerError(`FRESH_BUILD_DOCKER_TIMEOUT: "${raw}" is not a positive number of seconds`);
    }
    return n * 1000;
}
/**
 * The docker client to use: an explicit path, else `DOCKER_PATH`, else `docker` on PATH.
 * DOCKER_HOST, DOCKER_CONTEXT, DOCKER_CONFIG... pass through in `env` untouched.
 */
function dockerClient(opts = {}) {
    const env = opts.env ?? process.env;
    const bin = opts.dockerPath || env.DOCKER_PATH || 'docker';
    return { bin, env };
}
/** Binds a client: the returned function runs `bin args...` with the client's environment. */
function dockerExec(client) {
    const idle = dockerTimeoutMs(client.env);
    // Every call is bounded by silence; a build sets its own bound (its steps may be quiet for
    // long) by passing idleTimeoutMs itself.
    return (args, opts = {}) => run(client.bin, args, {
        idleTimeoutMs: idle,
        label: commandLabel(args),
        ...opts,
        baseEnv: client.env
    });
}
/** The last non-empty stderr line (else stdout's), which is where docker puts the reason. */
function lastErrorLine(result) {
    for (const text of [result.stderr, result.stdout]) {
        const lines = text.split(/\r?\n/).map(l => l.trim());
        for (let i = lines.length - 1; i >= 0; i--)
            if (lines[i] !== '')
                return lines[i];
    }
    return `exit code ${result.code}`;
}
/** `docker <subcommand>` as a short label for messages: the leading non-flag words. */
function commandLabel(args) {
    const words = [];
    for (const a of args) {
        if (a.startsWith('-') || words.length === 2)
            break;
        words.push(a);
    }
    return ['docker', ...words].join(' ');
}
/** A DockerError for a failed command: which command, then docker's own last line. */
function commandError(args, result) {
    return new DockerError(`${commandLabel(args)} failed (exit ${result.code}): ${lastErrorLine(result)}`, result.code);
}
/** Runs and throws a commandError on a non-zero exit; for calls where failure is fatal. */
async function runOrThrow(exec, args, opts) {
    const result = await exec(args, opts);
    if (result.code !== 0)
        throw commandError(args, result);
    return result;
}


/***/ }),

/***/ 6600:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   LW: () => (/* binding */ pruneImpliesNoCache),
/* harmony export */   R3: () => (/* binding */ prune),
/* harmony export */   gx: () => (/* binding */ clearCommands),
/* harmony export */   uf: () => (/* binding */ runPrune)
/* harmony export */ });
/* unused harmony exports NON_CACHEMOUNT_TYPES, PRUNE_FILTER_KEYS, pruneCommands, pruneNote, parseReclaimed */
/* harmony import */ var _util_error_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7610);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4177);
/* harmony import */ var _units_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4735);
/**
 * Builder cache pruning: pure argv builders and a thin runner.
 *
 * Measured on the Docker 20.10 daemon (fixtures/logs/prune-filters-docker20.10.txt and the
 * integration tests here):
 * - `--filter type=source.local` removes the context-sync records that serve stale bytes; these
 *   are never shared with images, so `-f` without `-a` reaches them.
 * - The daemon rejects negation (`type!=exec.cachemount` -> "Invalid filter 'type!'") and more
 *   than one value per key (`--filter type=a --filter type=b` -> "filters expect only one
 *   value"). So "everything but cache mounts" is one `-af --filter type=T` command per other
 *   record type; `-a` is needed because regular records shared with images are kept otherwise.
 * - Never `system prune`, `image prune`, `--volumes`: images and volumes are not cache.
 */



/** BuildKit record types other than `exec.cachemount` (RUN --mount=type=cache). */
const NON_CACHEMOUNT_TYPES = [
    'regular',
    'source.local',
    'source.git.checkout',
    'frontend',
    'internal'
];
/** Filter keys the daemon's build-cache prune understands. */
const PRUNE_FILTER_KEYS = [
    'type',
    'id',
    'parent',
    'description',
    'inuse',
    'shared',
    'private',
    'until',
    'unused-for'
];
/** buildx prunes its current builder (maybe a container); the classic client the daemon's. */
function pruneBase(kind, builder) {
    if (kind !== 'buildx')
        return ['builder', 'prune'];
    // The builder the build uses (`--builder`) is the one whose cache must go.
    return builder ? ['buildx', 'prune', '--builder', builder] : ['buildx', 'prune'];
}
/** Pure: the prune commands a policy runs before a build. Empty for `never` and for legacy. */
function pruneCommands(policy, kind, builder = null) {
    // The legacy builder sends the whole context every build and keys COPY on content, so it
    // has no source.local records; its layer cache lives in images, which we never remove.
    if (policy === 'never' || kind === 'legacy')
        return [];
    const base = pruneBase(kind, builder);
    if (policy === 'source')
        return [[...base, '-f', '--filter', 'type=source.local']];
    return NON_CACHEMOUNT_TYPES.map(t => [...base, '-af', '--filter', `type=${t}`]);
}
/** Why a policy prunes nothing on this builder, or null when it does prune. */
function pruneNote(policy, kind) {
    if (policy === 'never')
        return 'prune policy is never';
    if (kind !== 'legacy')
        return null;
    return policy === 'source'
        ? 'legacy builder: no context-sync cache to prune (it sends the whole context every build)'
        : 'legacy builder: its cache lives in images, which are never removed; build with --no-cache to rebuild every step';
}
/** With the legacy builder, `all` can only be honoured by building with `--no-cache`. */
function pruneImpliesNoCache(policy, kind) {
    return kind === 'legacy' && policy === 'all';
}
/**
 * Pure: the commands of a cache clear. `all` prunes every record (cache mounts too), otherwise
 * only unused dangling ones; `filters` are `key=value` for the daemon's own filter. A key given
 * more than once becomes one command per value (the 20.10 daemon takes one value per key).
 * Throws on a filter that is not `key=value` with a known key.
 */
function clearCommands(kind, opts = {}) {
    const byKey = new Map();
    for (const f of opts.filters ?? []) {
        const eq = f.indexOf('=');
        const key = eq > 0 ? f.slice(0, eq) : '';
        // A comma would smuggle a second clause into the daemon's filter string.
        const bad = eq === f.length - 1 || f.includes(',');
        if (!PRUNE_FILTER_KEYS.includes(key) || bad) {
            throw new Error(`invalid cache filter "${f}": expected key=value with key one of ${PRUNE_FILTER_KEYS.join(', ')}`);
        }
        const values = byKey.get(key) ?? [];
        if (!values.includes(f))
            values.push(f);
        byKey.set(key, values);
    }
    let combos = [[]];
    for (const values of byKey.values())
        combos = combos.flatMap(c => values.map(v => [...c, v]));
    const flag = opts.all ? '-af' : '-f';
    return combos.map(c => [...pruneBase(kind), flag, ...c.flatMap(f => ['--filter', f])]);
}
/**
 * Bytes a prune output reports as reclaimed, summed over every total it contains
 * (`Total reclaimed space: 1.2kB` from the classic client, `Total: 1.2kB` from buildx).
 * Null when no total is printed.
 */
function parseReclaimed(output) {
    let total = null;
    for (const m of output.matchAll(/^\s*Total(?: reclaimed space)?:\s*(\S+)\s*$/gm)) {
        const bytes = (0,_units_js__WEBPACK_IMPORTED_MODULE_2__/* .parseHumanSize */ .y)(m[1]);
        if (bytes !== null)
            total = (total ?? 0) + bytes;
    }
    return total;
}
/** Runs the commands in order; stops at the first failure and says which in `note`. */
async function runPrune(exec, policy, commands) {
    let reclaimedBytes = 0;
    for (const args of commands) {
        const r = await exec(args);
        reclaimedBytes += parseReclaimed(r.stdout) ?? 0;
        if (r.code !== 0)
            return { policy, done: false, reclaimedBytes, note: (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .commandError */ .yE)(args, r).message };
    }
    return { policy, done: true, reclaimedBytes };
}
/** The pre-build prune for a policy. Never throws for a docker failure: the result says it. */
async function prune(exec, policy, kind, builder = null) {
    const note = pruneNote(policy, kind);
    if (note !== null)
        return { policy, done: false, reclaimedBytes: 0, note };
    try {
        return await runPrune(exec, policy, pruneCommands(policy, kind, builder));
    }
    catch (e) {
        return {
            policy,
            done: false,
            reclaimedBytes: 0,
            note: (0,_util_error_js__WEBPACK_IMPORTED_MODULE_0__/* .thrownMessage */ .U4)(e)
        };
    }
}


/***/ }),

/***/ 4735:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ parseHumanSize)
/* harmony export */ });
/**
 * Sizes as the docker CLI prints them. go-units `HumanSize` (used by `builder prune`,
 * `system df`, `history`) is decimal: `%.4g` plus B, kB, MB, GB... with 1000 steps, so
 * "1.982MB" is 1 982 000 bytes (rounded by the printer to 4 significant digits).
 * `BytesSize` (binary: KiB, MiB...) is accepted too.
 */
const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];
/** Bytes for one printed size (`800B`, `1.5MB`, `307.2kB`, `1KiB`); null when unparsable. */
function parseHumanSize(text) {
    const m = /^\s*(\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*([A-Za-z]*)\s*$/.exec(text);
    if (!m)
        return null;
    const value = Number(m[1]);
    const unit = m[2] === '' ? 'B' : m[2];
    let i = DECIMAL.indexOf(unit);
    if (i < 0 && unit === 'KB')
        i = 1; // some tools print KB for kB
    if (i >= 0)
        return Math.round(value * 1000 ** i);
    const j = BINARY.indexOf(unit);
    if (j >= 0)
        return Math.round(value * 1024 ** j);
    return null;
}


/***/ }),

/***/ 8240:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $Z: () => (/* binding */ noBuildFlags),
/* harmony export */   DF: () => (/* binding */ checkBuilderSupport),
/* harmony export */   GI: () => (/* binding */ flagName),
/* harmony export */   Gr: () => (/* binding */ parseSecretFlag),
/* harmony export */   Mc: () => (/* binding */ parseSsh),
/* harmony export */   Ru: () => (/* binding */ parseAddHost),
/* harmony export */   XF: () => (/* binding */ buildSecretValues),
/* harmony export */   Xy: () => (/* binding */ parseLabels),
/* harmony export */   YN: () => (/* binding */ parseBuildContexts),
/* harmony export */   at: () => (/* binding */ parseUlimit),
/* harmony export */   f2: () => (/* binding */ materializeSecrets),
/* harmony export */   o4: () => (/* binding */ checkLabelsFree),
/* harmony export */   po: () => (/* binding */ passThrough),
/* harmony export */   r_: () => (/* binding */ parseShmSize)
/* harmony export */ });
/* unused harmony exports parseSecretLines, parseSecretFileLines */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _docker_builder_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(9683);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(4920);
/**
 * The docker build flags a user of docker/build-push-action passes (labels, secrets, ssh, pull,
 * no-cache, network, hosts, shm, ulimits, builder, platforms, named contexts): one shape for the
 * CLI and the action, parsed by shared helpers, checked against the builder in use, and turned
 * into the argv flags of src/docker/build.ts. What the builder cannot do is an error naming the
 * input (or flag) and the builder, never dropped.
 */





function noBuildFlags() {
    return {
        labels: {},
        secrets: [],
        ssh: [],
        pull: false,
        noCache: false,
        noCacheFilters: [],
        network: null,
        addHosts: [],
        shmSize: null,
        ulimits: [],
        builder: null,
        platforms: [],
        buildContexts: {}
    };
}
const NAMES = {
    labels: { action: 'input labels', cli: '--label' },
    secrets: { action: 'input secrets / secret-files', cli: '--secret' },
    ssh: { action: 'input ssh', cli: '--ssh' },
    pull: { action: 'input pull', cli: '--pull' },
    noCache: { action: 'input no-cache', cli: '--no-cache' },
    noCacheFilters: { action: 'input no-cache-filters', cli: '--no-cache-filter' },
    network: { action: 'input network', cli: '--network' },
    addHosts: { action: 'input add-hosts', cli: '--add-host' },
    shmSize: { action: 'input shm-size', cli: '--shm-size' },
    ulimits: { action: 'input ulimit', cli: '--ulimit' },
    builder: { action: 'input builder', cli: '--builder' },
    platforms: { action: 'input platforms', cli: '--platform' },
    buildContexts: { action: 'input build-contexts', cli: '--build-context' }
};
function flagName(key, surface) {
    return NAMES[key][surface];
}
const SECRET_ID = /^[A-Za-z0-9_.-]+$/;
const LABEL_KEY = /^[^\s=]+$/;
/** `KEY=VALUE` items (one label each); a value may hold `=` and spaces. */
function parseLabels(items, where) {
    const out = {};
    items.forEach((item, i) => {
        const eq = item.indexOf('=');
        const key = eq < 0 ? item : item.slice(0, eq);
        if (!LABEL_KEY.test(key)) {
            throw new _options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`${where} #${i + 1}: "${(0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .truncate */ .xv)(item, 40)}" is not KEY=VALUE`);
        }
        if (key.startsWith('dev.fresh-build.')) {
            throw new _options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`${where} #${i + 1}: ${key} is fresh-build's own label (it records what the image was built from)`);
        }
        out[key] = eq < 0 ? '' : item.slice(eq + 1);
    });
    return out;
}
function secretId(id, where) {
    if (!SECRET_ID.test(id)) {
        throw new _options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`${where}: secret id "${(0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .truncate */ .xv)(id, 40)}" is not [A-Za-z0-9_.-]+`);
    }
    return id;
}
/**
 * The action's `secrets`: `id=value` per line, the value kept byte for byte (a multi-line value
 * is a line each: use `secret-files` for those). Errors never echo a value.
 */
function parseSecretLines(text, where = 'input secrets') {
    const out = [];
    text.split('\n').forEach((raw, i) => {
        const line = raw.replace(/\r$/, '');
        if (line.trim() === '' || line.trimStart().startsWith('#'))
            return;
        const eq = line.indexOf('=');
        if (eq < 0)
            throw new UsageError(`${where} line ${i + 1}: expected id=value, found no "="`);
        out.push({
            id: secretId(line.slice(0, eq).trim(), `${where} line ${i + 1}`),
            value: line.slice(eq + 1)
        });
    });
    return out;
}
/** The action's `secret-files`: `id=path` per line (the caller resolves the path). */
function parseSecretFileLines(text, where = 'input secret-files') {
    return text
        .split(/\r?\n/)
        .map((l, i) => [l.trim(), i + 1])
        .filter(([l]) => l !== '' && !l.startsWith('#'))
        .map(([l, n]) => {
        const eq = l.indexOf('=');
        if (eq < 0 || eq === l.length - 1) {
            throw new UsageError(`${where} line ${n}: expected id=path`);
        }
        return {
            id: secretId(l.slice(0, eq).trim(), `${where} line ${n}`),
            src: l.slice(eq + 1).trim()
        };
    });
}
/**
 * The CLI's `--secret`, in docker build's own syntax: `id=X,src=PATH` (also `source=`,
 * `type=file`) or `id=X,env=VAR` (`type=env`). A value is never given on the command line.
 */
function parseSecretFlag(item, where) {
    const kv = new Map();
    for (const part of item.split(',')) {
        const eq = part.indexOf('=');
        if (eq < 0)
            throw new _options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`${where}: "${(0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .truncate */ .xv)(part, 40)}" is not key=value`);
        kv.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1));
    }
    const type = kv.get('type') ?? (kv.has('env') ? 'env' : 'file');
    const id = kv.get('id') ?? kv.get('env') ?? '';
    if (id === '')
        throw new _options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`${where}: needs id=NAME`);
    secretId(id, where);
    if (type === 'env') {
        const name = kv.get('env') ?? id;
        return { id, env: name };
    }
    if (type !== 'file')
        throw new _options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`${where}: type must be file or env, not "${type}"`);
    const src = kv.get('src') ?? kv.get('source');
    if (!src)
        throw new _options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`${where}: needs src=PATH (or env=VAR)`);
    return { id, src };
}
/** `--ssh`: `default`, or `id=path[,path...]`. */
function parseSsh(item, where) {
    const v = item.trim();
    if (v === 'default' || /^[A-Za-z0-9_.-]+(=[^=]+)?$/.test(v))
        return v;
    throw new _options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`${where}: "${(0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .truncate */ .xv)(v, 40)}" is not default or id=path`);
}
/** `NAME=PATH` named contexts; only local directories can be hashed and judged. */
function parseBuildContexts(items, where, resolvePath) {
    const out = {};
    for (const [i, item] of items.entries()) {
        const eq = item.indexOf('=');
        const name = eq < 0 ? '' : item.slice(0, eq).trim();
        const value = eq < 0 ? '' : item.slice(eq + 1).trim();
        const at = `${where} #${i + 1}`;
        if (!/^[a-z0-9][a-z0-9._-]*$/.test(name) || value === '') {
            throw new _options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`${at}: "${(0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .truncate */ .xv)(item, 60)}" is not NAME=PATH (NAME in lower case)`);
        }
        if (/^[a-z][a-z0-9+.-]*:\/\/|^target:/i.test(value)) {
            throw new _options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`${at}: ${name} is not a local directory (${(0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .truncate */ .xv)(value, 40)}); only local directories can be hashed and proven`);
        }
        if (name in out)
            throw new _options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`${at}: context ${name} is given twice`);
        out[name] = resolvePath(value, item);
    }
    return out;
}
/** `nofile=1024[:2048]`. */
function parseUlimit(item, where) {
    if (!/^[a-z]+=-?\d+(:-?\d+)?$/.test(item.trim())) {
        throw new _options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`${where}: "${(0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .truncate */ .xv)(item, 40)}" is not NAME=SOFT[:HARD]`);
    }
    return item.trim();
}
/** `64m`, `1g`, bytes. */
function parseShmSize(value, where) {
    if (!/^\d+(\.\d+)?\s*[bkmg]?b?$/i.test(value.trim())) {
        throw new _options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`${where}: "${(0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .truncate */ .xv)(value, 40)}" is not a size (e.g. 64m, 1g)`);
    }
    return value.trim();
}
/** `host:ip` (docker build's form) or `host=ip` (buildx's). */
function parseAddHost(item, where) {
    const v = item.trim();
    if (!/^[A-Za-z0-9_.-]+[:=]\S+$/.test(v)) {
        throw new _options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`${where}: "${(0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .truncate */ .xv)(v, 40)}" is not host:ip`);
    }
    return v;
}
function describe(b) {
    if (b.kind === 'buildx')
        return 'buildx';
    if (b.kind === 'buildkit')
        return `the BuildKit of the classic docker client (daemon ${b.serverVersion ?? 'unknown'}, no buildx)`;
    return 'the legacy builder';
}
/**
 * Throws a UsageError for the first flag the builder in use cannot honour. Named contexts work
 * everywhere (without buildx they are stood in by local images, see named-contexts.ts).
 */
function checkBuilderSupport(flags, builder, surface) {
    const fail = (key, why) => {
        throw new _options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`${flagName(key, surface)}: ${describe(builder)} ${why}`);
    };
    const { kind } = builder;
    if (kind === 'legacy') {
        if (flags.secrets.length > 0)
            fail('secrets', 'has no build secrets (RUN --mount=type=secret needs BuildKit)');
        if (flags.ssh.length > 0)
            fail('ssh', 'cannot forward SSH (RUN --mount=type=ssh needs BuildKit)');
        if (flags.platforms.length > 0)
            fail('platforms', 'cannot build for another platform (use buildx)');
    }
    if (kind !== 'buildx') {
        if (flags.noCacheFilters.length > 0)
            fail('noCacheFilters', 'has no --no-cache-filter (a buildx flag)');
        if (flags.builder !== null)
            fail('builder', 'has no builder instances (install buildx)');
        if (flags.platforms.length > 1)
            fail('platforms', 'builds one platform at a time (use buildx for several)');
    }
    if (kind === 'buildkit') {
        // Measured on docker 20.10.24: under BuildKit a RUN sees 64 MiB /dev/shm and the default
        // nofile whatever --shm-size / --ulimit say (the legacy builder honours both).
        const server = (0,_docker_builder_js__WEBPACK_IMPORTED_MODULE_3__/* .parseVersion */ .ot)(builder.serverVersion);
        if (server === null || server[0] < 23) {
            if (flags.shmSize !== null)
                fail('shmSize', 'ignores --shm-size (measured on 20.10)');
            if (flags.ulimits.length > 0)
                fail('ulimits', 'ignores --ulimit (measured on 20.10)');
        }
    }
    if (kind === 'buildx' && flags.platforms.length > 1) {
        fail('platforms', 'cannot --load several platforms into the daemon, and the proof reads the loaded image: build one platform per run');
    }
}
/**
 * Secret values to mask and redact: given values, environment values, and the contents of secret
 * files up to 64 KiB (a RUN may print what it reads).
 */
function buildSecretValues(flags, env = process.env) {
    const out = [];
    for (const s of flags?.secrets ?? []) {
        if ('value' in s)
            out.push(s.value);
        else if ('env' in s)
            out.push(env[s.env] ?? '');
        else {
            try {
                if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(s.src).size <= 64 * 1024)
                    out.push((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(s.src, 'utf8'));
            }
            catch {
                // A missing file is reported when the secrets are materialised.
            }
        }
    }
    return out.filter(v => v.trim() !== '');
}
/**
 * Values (and environment values) go to 0600 files in a 0700 temp directory outside the
 * workspace, removed by `cleanup`; a given file is passed as it is, after checking it is there.
 */
function materializeSecrets(flags, surface, env = process.env) {
    const where = flagName('secrets', surface);
    let dir = null;
    const cleanup = () => {
        if (dir !== null)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
        dir = null;
    };
    const files = [];
    try {
        flags.secrets.forEach((s, i) => {
            if ('src' in s) {
                const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(s.src, { throwIfNoEntry: false });
                if (!st?.isFile()) {
                    throw new _options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`${where}: secret ${s.id}: "${s.src}" is not a file`);
                }
                files.push({ id: s.id, src: s.src });
                return;
            }
            let value;
            if ('env' in s) {
                const v = env[s.env];
                if (v === undefined) {
                    throw new _options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`${where}: secret ${s.id}: environment variable ${s.env} is not set`);
                }
                value = v;
            }
            else
                value = s.value;
            dir ??= (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(process.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'fb-secrets-'));
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(dir, 0o700);
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, `${i}-${s.id}`);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, value, { mode: 0o600 });
            files.push({ id: s.id, src: path });
        });
    }
    catch (e) {
        cleanup();
        throw e;
    }
    return { files, cleanup };
}
/** The argv flags of a build, secrets already as files. */
function passThrough(flags, secrets, contexts) {
    return {
        secrets: [...secrets],
        ssh: flags.ssh,
        pull: flags.pull,
        noCacheFilters: flags.noCacheFilters,
        ...(flags.network ? { network: flags.network } : {}),
        addHosts: flags.addHosts,
        ...(flags.shmSize ? { shmSize: flags.shmSize } : {}),
        ulimits: flags.ulimits,
        ...(flags.builder ? { builder: flags.builder } : {}),
        platforms: flags.platforms,
        buildContexts: contexts
    };
}
/** A secret value inside a user label would put it into the image: refused. */
function checkLabelsFree(labels, secrets, surface) {
    for (const [k, v] of Object.entries(labels)) {
        if (secrets.some(s => s.length >= 3 && (v.includes(s) || k.includes(s)))) {
            throw new _options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`${flagName('labels', surface)}: label ${k} holds a secret value`);
        }
    }
}


/***/ }),

/***/ 1539:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Rr: () => (/* binding */ exitCodeFor),
/* harmony export */   gJ: () => (/* binding */ errorMessage)
/* harmony export */ });
/* harmony import */ var _report_text_safety_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4986);
/* harmony import */ var _util_error_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7610);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4920);



/**
 * One clear line for any thrown value: an Error's first message line, or the value itself (a
 * thrown string must not leave a step green or print `[object Object]`). Control characters
 * left in it (a file name's ESC or CR) are shown as escapes, so the line cannot drive a
 * terminal or forge another line.
 */
function errorMessage(e) {
    return (0,_report_text_safety_js__WEBPACK_IMPORTED_MODULE_0__/* .visible */ .RK)(rawMessage(e).trim());
}
/** An Error, also one from another realm (a vm context, a worker), which fails `instanceof`. */
function errorLike(e) {
    if (e instanceof Error)
        return e;
    if (typeof e !== 'object' || e === null)
        return null;
    const { name, message } = e;
    return typeof message === 'string'
        ? { name: typeof name === 'string' ? name : 'Error', message }
        : null;
}
function rawMessage(thrown) {
    // This project's errors are one line by contract, built from user-given names (paths,
    // values): a newline in a path is data to show escaped, not the end of the message.
    if (thrown instanceof _util_error_js__WEBPACK_IMPORTED_MODULE_1__/* .FreshBuildError */ .nz)
        return thrown.message.replace(/^\s*\n+|\n+\s*$/g, '');
    // Anything else (node, js-yaml with its code frame) is cut to its first line.
    const e = errorLike(thrown);
    if (e)
        return e.message.split('\n').find(l => l.trim() !== '') ?? e.name;
    if (typeof thrown === 'string')
        return thrown.split('\n').find(l => l.trim() !== '') ?? thrown;
    try {
        return JSON.stringify(thrown) ?? String(thrown);
    }
    catch {
        return String(thrown);
    }
}
/** The exit code for a thrown value: the error's own, else 2 (a failure we did not foresee). */
function exitCodeFor(e) {
    return e instanceof _util_error_js__WEBPACK_IMPORTED_MODULE_1__/* .FreshBuildError */ .nz ? e.exitCode : 2;
}



/***/ }),

/***/ 4920:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ED: () => (/* binding */ parseTag),
/* harmony export */   JC: () => (/* binding */ secretArgValues),
/* harmony export */   LT: () => (/* binding */ parseVerify),
/* harmony export */   NQ: () => (/* binding */ parseBuildArgs),
/* harmony export */   Y7: () => (/* binding */ parsePrune),
/* harmony export */   ZZ: () => (/* binding */ parseTimeout),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/* unused harmony exports PRUNE_POLICIES, VERIFY_POLICIES */
/* harmony import */ var _util_build_arg_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6449);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9997);
/* harmony import */ var _util_error_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7610);



/** A user mistake: one clear line, exit code 2, no stack trace. */
class UsageError extends _util_error_js__WEBPACK_IMPORTED_MODULE_1__/* .FreshBuildError */ .nz {
}
/** A timeout given in seconds (a positive number, fractions allowed), as milliseconds. */
function parseTimeout(value, where) {
    const v = value.trim();
    const n = /^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
    if (!(n > 0))
        throw new UsageError(`${where}: "${truncate(v, 40)}" is not a positive number of seconds`);
    return Math.round(n * 1000);
}
const PRUNE_POLICIES = ['source', 'all', 'never'];
const VERIFY_POLICIES = ['changed', 'none'];
function parsePrune(value, where = '--prune') {
    const v = value.trim();
    if (PRUNE_POLICIES.includes(v))
        return v;
    throw new UsageError(`${where}: unknown policy "${v}" (expected ${PRUNE_POLICIES.join(', ')})`);
}
function parseVerify(value, where = '--verify') {
    const v = value.trim();
    if (VERIFY_POLICIES.includes(v))
        return v;
    throw new UsageError(`${where}: unknown value "${v}" (expected ${VERIFY_POLICIES.join(', ')})`);
}
/**
 * `KEY=VALUE` pairs; the value may contain `=` and anything else, kept byte for byte (it goes into
 * an argv slot, never through a shell). `where(i)` names the offending line or flag.
 */
function parseBuildArgs(items, where) {
    const out = {};
    items.forEach((item, i) => {
        const { name, value } = (0,_util_build_arg_js__WEBPACK_IMPORTED_MODULE_2__/* .splitBuildArg */ .P)(item);
        if (!(0,_util_build_arg_js__WEBPACK_IMPORTED_MODULE_2__/* .isBuildArgName */ .S)(name)) {
            throw new UsageError(`${where(i)}: "${truncate(item)}" is not KEY=VALUE with KEY a build-arg name`);
        }
        if (value === null)
            throw new UsageError(`${where(i)}: "${name}" has no value (expected ${name}=VALUE)`);
        out[name] = value;
    });
    return out;
}
// Docker's image reference grammar (distribution/reference): [domain[:port]/]path[:tag].
const DOMAIN_PART = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_PART}(?:\\.${DOMAIN_PART})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const PATH_PART = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${PATH_PART}(?:/${PATH_PART})*)(?::[\\w][\\w.-]{0,127})?$`);
/**
 * A `--tag` as docker accepts it, checked before anything runs: a tag docker would refuse
 * otherwise fails the build only after the prune, half-way through the run.
 */
function parseTag(value, where) {
    const m = REFERENCE.exec(value);
    if (!m || (m[1] ?? '').length > 255) {
        throw new UsageError(`${where}: "${truncate(value)}" is not a valid image tag ([registry/]name[:tag], name in lower case)`);
    }
    return value;
}
/** A user's value quoted in an error message: one line, cut after `max` characters. */
function truncate(s, max = 60) {
    return (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(s.replace(/[\r\n]+/g, '\\n'), max, _util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .MESSAGE_CUT */ .h1);
}
/** The values of the secret build args: masked everywhere, never recorded or labelled. */
function secretArgValues(opts) {
    return opts.secretArgs.map(n => opts.buildArgs[n] ?? '').filter(v => v !== '');
}


/***/ }),

/***/ 4986:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ redactJudgement),
/* harmony export */   $p: () => (/* binding */ redactor),
/* harmony export */   BC: () => (/* binding */ shortHash),
/* harmony export */   RK: () => (/* binding */ visible),
/* harmony export */   p6: () => (/* binding */ humanBytes),
/* harmony export */   xv: () => (/* reexport safe */ _util_text_js__WEBPACK_IMPORTED_MODULE_0__.xv)
/* harmony export */ });
/* unused harmony export escapeHtml */
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9997);
/**
 * Making user-controlled text (file names, instructions, tags, warnings, daemon messages) safe to
 * show. Order matters and every renderer follows it: redact -> make visible -> truncate ->
 * escape. Redacting first means truncation or escaping can never split a secret into a form the
 * redactor no longer recognises.
 */
function redactor(secrets = []) {
    const values = new Set();
    for (const s of secrets) {
        if (s.trim() === '')
            continue;
        values.add(s);
        // A multi-line secret may surface one line at a time (as GitHub masks it too).
        for (const line of s.split(/\r?\n/))
            if (line.trim().length >= 3)
                values.add(line);
    }
    // Longest first, so a secret that contains another is replaced whole.
    const ordered = [...values].sort((a, b) => b.length - a.length);
    if (ordered.length === 0)
        return text => text;
    return text => {
        let out = text;
        for (const v of ordered)
            out = out.split(v).join('***');
        return out;
    };
}
/** C0/C1 controls, DEL, Unicode line separators, and the bidi marks and overrides ("trojan source" reordering). */
function isInvisible(code) {
    return (code <= 0x1f ||
        (code >= 0x7f && code <= 0x9f) ||
        code === 0x061c ||
        code === 0x200e ||
        code === 0x200f ||
        code === 0x2028 ||
        code === 0x2029 ||
        (code >= 0x202a && code <= 0x202e) ||
        (code >= 0x2066 && code <= 0x2069));
}
const NAMED = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/**
 * Control characters and bidi overrides as visible escapes (`\n`, `\t`, `\x1b`, `\u202e`), so a
 * file name cannot forge extra output lines, drive the terminal, or reorder what a reader sees.
 */
function visible(text) {
    let out = '';
    for (const c of text) {
        const code = c.codePointAt(0) ?? 0;
        // A byte of a file name that is not UTF-8 (util/bytes-path.ts), shown as the byte it is.
        if (code >= 0xdc80 && code <= 0xdcff)
            out += `\\x${(code - 0xdc00).toString(16)}`;
        else if (!isInvisible(code))
            out += c;
        else
            out +=
                NAMED[c] ??
                    (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`);
    }
    return out;
}
/** Cuts to at most `max` characters (by code point), ending in `…` when cut. */

const HTML_ESCAPES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;'
};
/**
 * Escapes text for the job summary, which GitHub renders as Markdown with inline HTML. HTML
 * specials become entities; so does every Markdown/GFM syntax character (emphasis, links, code,
 * tables' `|`, headings, `$` math, `@` mentions, `:` of autolinks), because an entity is always literal text in
 * both languages. Newlines never reach here (visible() runs first), so a value cannot end an HTML
 * block and start Markdown.
 */
function escapeHtml(text) {
    return text.replace(/[&<>"'|`*_[\]()#~!\\$@:]/g, c => HTML_ESCAPES[c] ?? `&#${c.charCodeAt(0)};`);
}
/** Decimal units as the docker CLI prints them (`Total reclaimed space: 1.2GB`). */
function humanBytes(bytes) {
    if (!Number.isFinite(bytes) || bytes < 0)
        return 'unknown size';
    const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit++;
    }
    if (unit === 0)
        return `${Math.round(value)} B`;
    const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
    return `${value.toFixed(digits)} ${units[unit]}`;
}
/** `sha256:` plus the first 12 hex digits, as docker shows image ids. */
function shortHash(hash) {
    if (hash === null)
        return 'none';
    const m = /^(sha256:)?([0-9a-f]{12})[0-9a-f]*$/.exec(hash);
    return m ? `${m[1] ?? ''}${m[2]}` : hash;
}
/**
 * A judgement with secret values redacted where user data can carry them: paths, stage names,
 * instructions (BuildKit prints ARG values in step names), messages (causes, warnings, notes).
 * Never the structure, the keys, or the tool's own words (verdict, statuses, policy, hashes and
 * ids it computed): a secret such as `e`, `"`, `true` or `steps` cannot break the document or
 * what reads it.
 */
function redactJudgement(j, redact) {
    const all = (xs) => xs.map(x => redact(x));
    return {
        ...j,
        changedFiles: all(j.changedFiles),
        causes: all(j.causes),
        warnings: all(j.warnings),
        pruned: j.pruned === null
            ? null
            : { ...j.pruned, ...(j.pruned.note !== undefined ? { note: redact(j.pruned.note) } : {}) },
        steps: j.steps.map(s => ({
            ...s,
            stage: redact(s.stage),
            instruction: redact(s.instruction),
            changedFiles: all(s.changedFiles),
            staleFiles: all(s.staleFiles)
        }))
    };
}


/***/ }),

/***/ 6449:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ splitBuildArg),
/* harmony export */   S: () => (/* binding */ isBuildArgName)
/* harmony export */ });
/**
 * Build args as docker accepts them, for every place that reads one (CLI flags, the action's
 * lines, the Dockerfile's ARG): the name rule and the `KEY=VALUE` split.
 */
/** An identifier: letters, digits and `_`, not starting with a digit (no `=`, no whitespace). */
const BUILD_ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function isBuildArgName(name) {
    return BUILD_ARG_NAME.test(name);
}
/**
 * `KEY=VALUE` split at the first `=`; the value keeps everything after it byte for byte (it goes
 * into an argv slot, never through a shell). `value` is null when there is no `=`, and `name`
 * is then the whole text. The name is not checked here: callers word their own errors.
 */
function splitBuildArg(text) {
    const eq = text.indexOf('=');
    return eq < 0
        ? { name: text, value: null }
        : { name: text.slice(0, eq), value: text.slice(eq + 1) };
}


/***/ }),

/***/ 7610:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   U4: () => (/* binding */ thrownMessage),
/* harmony export */   iK: () => (/* binding */ NamedError),
/* harmony export */   nz: () => (/* binding */ FreshBuildError)
/* harmony export */ });
/**
 * An error named after its own class (UsageError, WordError...), as stack traces and --debug
 * show it, without each subclass setting `name` by hand. The base of every error class here.
 */
class NamedError extends Error {
    constructor(message) {
        super(message);
        this.name = new.target.name;
    }
}
/**
 * The errors a user sees: each is one line a person can act on (paths and values shown escaped,
 * never cut), carries the process exit code, and is recognised by `instanceof`. Errors that are
 * caught and rewritten inside a module (WordError, GoRegexpError...) are plain NamedErrors.
 */
class FreshBuildError extends NamedError {
    /** Every error is exit 2; only a stale verdict is exit 1, and that is not an exception. */
    exitCode = 2;
}
/**
 * The message of any thrown value, as thrown: an Error's message (duck-typed, so an error from
 * another realm such as a vm context or a worker counts), else the value as a string.
 */
function thrownMessage(e) {
    if (typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string') {
        return e.message;
    }
    return String(e);
}


/***/ }),

/***/ 9997:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   h1: () => (/* binding */ MESSAGE_CUT),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/* unused harmony export REPORT_CUT */
const REPORT_CUT = { ellipsis: '…', within: true, codePoints: true };
const MESSAGE_CUT = { ellipsis: '...', within: false, codePoints: false };
/** `text` when it fits in `max`, else its first characters and the style's ellipsis. */
function truncate(text, max, style = REPORT_CUT) {
    const chars = style.codePoints ? [...text] : text.split('');
    if (chars.length <= max)
        return text;
    const keep = style.within ? Math.max(0, max - [...style.ellipsis].length) : max;
    return `${chars.slice(0, keep).join('')}${style.ellipsis}`;
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', import.meta.url).pathname.slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./src/util/error.ts
var error = __nccwpck_require__(7610);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
// EXTERNAL MODULE: ./src/docker/prune.ts
var prune = __nccwpck_require__(6600);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/pipeline/options.ts
var options = __nccwpck_require__(4920);
;// CONCATENATED MODULE: ./src/cli/verify-args.ts
/** `fresh-build verify` options, validated before any docker call. */

function verifyOptions(values, abs, context, file, docker) {
    const list = (n) => values[n] ?? [];
    const str = (n) => values[n];
    const containers = list('container');
    const composeFile = str('compose-file');
    if (composeFile !== undefined && containers.length > 0) {
        throw new options/* UsageError */.eb('--container and --compose-file are two ways to name targets: use one');
    }
    if (composeFile === undefined && containers.length === 0) {
        throw new options/* UsageError */.eb('verify needs --container NAME or --compose-file F (the targets)');
    }
    if (composeFile === undefined && list('service').length > 0) {
        throw new options/* UsageError */.eb('--service needs --compose-file');
    }
    for (const [i, c] of containers.entries()) {
        if (c.trim() === '' || c.startsWith('-')) {
            throw new options/* UsageError */.eb(`--container #${i + 1}: "${(0,options/* truncate */.xv)(c)}" is not a container name or id`);
        }
    }
    const waitText = str('wait');
    let wait = 0;
    if (waitText !== undefined) {
        wait = Number(waitText);
        if (!/^\d+(\.\d+)?$/.test(waitText.trim()) || !Number.isFinite(wait) || wait > 86400) {
            throw new options/* UsageError */.eb(`--wait: "${(0,options/* truncate */.xv)(waitText)}" is not a number of seconds (0-86400)`);
        }
    }
    return {
        containers,
        compose: composeFile !== undefined ? { file: abs(composeFile), services: list('service') } : null,
        image: str('image') ?? null,
        context,
        file,
        target: str('target') ?? null,
        state: str('state') !== undefined ? abs(str('state')) : null,
        wait,
        docker
    };
}

// EXTERNAL MODULE: ./src/pipeline/build-flags.ts
var build_flags = __nccwpck_require__(8240);
;// CONCATENATED MODULE: ./src/cli/build-flags.ts
/**
 * The CLI's docker build flags, named as `docker build` / `docker buildx build` name them, into
 * the BuildFlags the action's inputs also produce (the CLI stays the action's twin).
 */

/** The parseArgs option specs of the pass-through flags. */
const BUILD_FLAG_OPTIONS = {
    label: { type: 'string', multiple: true },
    secret: { type: 'string', multiple: true },
    ssh: { type: 'string', multiple: true },
    pull: { type: 'boolean' },
    'no-cache': { type: 'boolean' },
    'no-cache-filter': { type: 'string', multiple: true },
    network: { type: 'string' },
    'add-host': { type: 'string', multiple: true },
    'build-context': { type: 'string', multiple: true },
    'shm-size': { type: 'string' },
    ulimit: { type: 'string', multiple: true },
    builder: { type: 'string' },
    platform: { type: 'string', multiple: true }
};
const BUILD_FLAG_NAMES = Object.keys(BUILD_FLAG_OPTIONS);
/** BuildFlags from parsed values; `abs` resolves a path against the working directory. */
function cliBuildFlags(values, abs) {
    const list = (n) => values[n] ?? [];
    const str = (n) => values[n] ?? null;
    const f = (0,build_flags/* noBuildFlags */.$Z)();
    f.labels = (0,build_flags/* parseLabels */.Xy)(list('label'), '--label');
    f.secrets = list('secret').map((s, i) => {
        const spec = (0,build_flags/* parseSecretFlag */.Gr)(s, `--secret #${i + 1}`);
        return 'src' in spec ? { ...spec, src: abs(spec.src) } : spec;
    });
    f.ssh = list('ssh').map((s, i) => (0,build_flags/* parseSsh */.Mc)(s, `--ssh #${i + 1}`));
    f.pull = values.pull === true;
    f.noCache = values['no-cache'] === true;
    f.noCacheFilters = list('no-cache-filter').flatMap(v => v
        .split(',')
        .map(x => x.trim())
        .filter(Boolean));
    f.network = str('network');
    f.addHosts = list('add-host').map((h, i) => (0,build_flags/* parseAddHost */.Ru)(h, `--add-host #${i + 1}`));
    f.buildContexts = (0,build_flags/* parseBuildContexts */.YN)(list('build-context'), '--build-context', p => abs(p));
    const shm = str('shm-size');
    f.shmSize = shm === null ? null : (0,build_flags/* parseShmSize */.r_)(shm, '--shm-size');
    f.ulimits = list('ulimit').map((u, i) => (0,build_flags/* parseUlimit */.at)(u, `--ulimit #${i + 1}`));
    f.builder = str('builder');
    f.platforms = list('platform').flatMap(v => v
        .split(',')
        .map(x => x.trim())
        .filter(Boolean));
    return f;
}

;// CONCATENATED MODULE: ./src/pipeline/request.ts
/** The one way from a request to the guard's options, for the CLI and the action alike. */
function guardOptions(r) {
    return {
        context: r.context,
        file: r.file,
        state: r.state,
        tags: r.tags,
        buildArgs: r.buildArgs,
        secretArgs: r.secretArgs,
        cacheFrom: r.cacheFrom,
        target: r.target,
        prune: r.prune,
        verify: r.verify,
        commit: r.commit,
        buildId: r.buildId ?? null,
        ignoreCorruptRecord: r.ignoreCorruptRecord ?? false,
        logFile: r.logFile,
        image: r.image,
        docker: r.docker,
        ...(r.statCache !== undefined ? { statCache: r.statCache } : {}),
        ...(r.push ? { push: true } : {}),
        ...(r.build !== undefined ? { build: r.build } : {}),
        ...(r.surface !== undefined ? { surface: r.surface } : {}),
        ...(r.buildTimeoutMs !== undefined ? { buildTimeoutMs: r.buildTimeoutMs } : {})
    };
}

;// CONCATENATED MODULE: ./src/cli/args.ts








const COMMANDS = ['hash', 'build', 'check', 'parse-log', 'clear', 'verify'];
const OPTIONS = {
    context: { type: 'string' },
    file: { type: 'string', short: 'f' },
    state: { type: 'string' },
    json: { type: 'boolean' },
    debug: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
    tag: { type: 'string', short: 't', multiple: true },
    'build-arg': { type: 'string', multiple: true },
    'secret-build-arg': { type: 'string', multiple: true },
    'cache-from': { type: 'string', multiple: true },
    target: { type: 'string' },
    prune: { type: 'string' },
    verify: { type: 'string' },
    commit: { type: 'string' },
    'build-id': { type: 'string' },
    'ignore-corrupt-record': { type: 'boolean' },
    log: { type: 'string' },
    image: { type: 'string' },
    all: { type: 'boolean' },
    path: { type: 'string', multiple: true },
    filter: { type: 'string', multiple: true },
    'compose-file': { type: 'string' },
    service: { type: 'string', multiple: true },
    docker: { type: 'string' },
    'no-stat-cache': { type: 'boolean' },
    push: { type: 'boolean' },
    'registry-cache': { type: 'string', multiple: true },
    container: { type: 'string', multiple: true },
    wait: { type: 'string' },
    ...BUILD_FLAG_OPTIONS,
    'build-timeout': { type: 'string' }
};
/** Which options each command accepts; anything else is a usage error, not silently ignored. */
/** What build and check share: both hash, compare with the record, judge and record. */
const JUDGING = [
    'context',
    'file',
    'state',
    'build-arg',
    'secret-build-arg',
    'cache-from',
    'target',
    'verify',
    'commit',
    'build-id',
    'ignore-corrupt-record',
    'compose-file',
    'service',
    'docker',
    'no-stat-cache'
];
const ALLOWED = {
    hash: ['context', 'file', 'build-arg', 'build-context'],
    build: [...JUDGING, 'tag', 'prune', 'push', 'build-timeout', ...BUILD_FLAG_NAMES],
    check: [...JUDGING, 'log', 'image', 'build-context'],
    'parse-log': [],
    clear: ['context', 'file', 'state', 'all', 'path', 'filter', 'docker', 'registry-cache'],
    verify: [
        'context',
        'file',
        'state',
        'target',
        'image',
        'container',
        'compose-file',
        'service',
        'wait',
        'docker'
    ]
};
/**
 * node's parseArgs errors as one line naming the option: its own messages span lines, suggest
 * `--` quoting, and print the option's usage form.
 */
function argvError(e) {
    const message = (0,error/* thrownMessage */.U4)(e);
    const code = e?.code;
    const option = /'(-[^',\s]*)'/.exec(message)?.[1] ?? /--[\w-]+/.exec(message)?.[0];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
        return new options/* UsageError */.eb(`unknown option "${(0,options/* truncate */.xv)(option)}" (see fresh-build --help)`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
        const long = /--[\w-]+/.exec(message)?.[0] ?? option ?? 'an option';
        if (/does not take an argument/.test(message))
            return new options/* UsageError */.eb(`option ${long} takes no value`);
        return new options/* UsageError */.eb(`option ${long} needs a value (for a value starting with "-", write ${long}=VALUE)`);
    }
    return new options/* UsageError */.eb((0,options/* truncate */.xv)(message.split('\n')[0] ?? message, 200));
}
/** Parses `fresh-build <command> [options]`; throws UsageError naming the offending word. */
function parseCli(argv, cwd, env) {
    let values;
    let positionals;
    try {
        const r = (0,external_node_util_.parseArgs)({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
        values = r.values;
        positionals = r.positionals;
    }
    catch (e) {
        throw argvError(e);
    }
    const json = values.json === true;
    const debug = values.debug === true;
    if (values.version)
        return { command: 'version', json, debug };
    const [word, ...rest] = positionals;
    if (values.help || word === undefined || word === 'help')
        return { command: 'help', json, debug };
    if (!COMMANDS.includes(word)) {
        throw new options/* UsageError */.eb(`unknown command "${(0,options/* truncate */.xv)(word)}" (expected ${COMMANDS.join(', ')})`);
    }
    const command = word;
    for (const name of Object.keys(values)) {
        if (['json', 'debug', 'help', 'version'].includes(name))
            continue;
        if (!ALLOWED[command].includes(name)) {
            throw new options/* UsageError */.eb(`option --${name} does not apply to "${command}"`);
        }
    }
    const str = (n) => values[n];
    const list = (n) => values[n] ?? [];
    const abs = (p) => ((0,external_node_path_.isAbsolute)(p) ? p : (0,external_node_path_.resolve)(cwd, p));
    const context = abs(str('context') ?? '.');
    const file = str('file') !== undefined ? abs(str('file')) : (0,external_node_path_.resolve)(context, 'Dockerfile');
    const buildArgs = (0,options/* parseBuildArgs */.NQ)(list('build-arg'), i => `--build-arg #${i + 1}`);
    const docker = str('docker') ?? env.DOCKER_PATH ?? 'docker';
    if (command === 'parse-log') {
        if (rest.length !== 1)
            throw new options/* UsageError */.eb('parse-log takes exactly one FILE');
        return { command, logFile: abs(rest[0]), json, debug };
    }
    if (rest.length > 0)
        throw new options/* UsageError */.eb(`unexpected argument "${(0,options/* truncate */.xv)(rest[0] ?? '')}"`);
    if (command === 'hash') {
        const namedContexts = cliBuildFlags(values, abs).buildContexts;
        return { command, context, file, buildArgs, namedContexts, json, debug };
    }
    if (command === 'clear') {
        // Filters are checked before anything runs, not after the daemon was asked for its version.
        try {
            (0,prune/* clearCommands */.gx)('buildkit', { filters: list('filter') });
        }
        catch (e) {
            throw new options/* UsageError */.eb(`--filter: ${(0,error/* thrownMessage */.U4)(e)}`);
        }
        return {
            command,
            clear: {
                context,
                file,
                state: str('state') !== undefined ? abs(str('state')) : null,
                all: values.all === true,
                paths: list('path'),
                filters: list('filter'),
                docker,
                registryCache: list('registry-cache')
            },
            json,
            debug
        };
    }
    if (command === 'verify') {
        return { command, verify: verifyOptions(values, abs, context, file, docker), json, debug };
    }
    if (command === 'check' && str('log') === undefined) {
        throw new options/* UsageError */.eb('check needs --log FILE (the build log to judge)');
    }
    const composeFile = str('compose-file');
    // Per-service values come from the compose file; a flag that would be ignored is an error.
    if (composeFile !== undefined) {
        for (const n of ['tag', 'image', 'context', 'file']) {
            if (values[n] !== undefined) {
                throw new options/* UsageError */.eb(`--${n} does not apply with --compose-file (each service has its own)`);
            }
        }
    }
    else if (list('service').length > 0) {
        throw new options/* UsageError */.eb('--service needs --compose-file');
    }
    const secretArgs = list('secret-build-arg');
    for (const name of secretArgs) {
        // A secret name without a value would mask nothing and pass nothing: a typo, not a choice.
        // (With compose, the value may come from the service's own build args.)
        if (composeFile === undefined && !(name in buildArgs)) {
            throw new options/* UsageError */.eb(`--secret-build-arg "${(0,options/* truncate */.xv)(name)}" names no --build-arg (pass --build-arg ${(0,options/* truncate */.xv)(name)}=VALUE too)`);
        }
    }
    const tags = list('tag');
    tags.forEach((t, i) => (0,options/* parseTag */.ED)(t, `--tag #${i + 1}`));
    if (values.push === true && composeFile === undefined && tags.length === 0) {
        throw new options/* UsageError */.eb('--push needs at least one --tag to push');
    }
    const guard = guardOptions({
        context,
        file,
        state: str('state') !== undefined ? abs(str('state')) : null,
        tags,
        buildArgs,
        secretArgs,
        cacheFrom: list('cache-from'),
        target: str('target') ?? null,
        prune: (0,options/* parsePrune */.Y7)(str('prune') ?? 'source'),
        verify: (0,options/* parseVerify */.LT)(str('verify') ?? 'changed'),
        commit: str('commit') ?? null,
        buildId: str('build-id') ?? null,
        ignoreCorruptRecord: values['ignore-corrupt-record'] === true,
        logFile: str('log') !== undefined ? abs(str('log')) : null,
        image: str('image') ?? null,
        docker,
        statCache: values['no-stat-cache'] !== true,
        push: values.push === true,
        surface: 'cli',
        build: cliBuildFlags(values, abs),
        ...(str('build-timeout') !== undefined
            ? { buildTimeoutMs: (0,options/* parseTimeout */.ZZ)(str('build-timeout'), '--build-timeout') }
            : {})
    });
    const compose = composeFile ? { file: abs(composeFile), services: list('service') } : null;
    return { command, guard, compose, json, debug };
}
const USAGE = `fresh-build: prove a Docker build runs the code just committed

Usage: fresh-build <command> [options]

Commands:
  hash              hash the build context and each COPY/ADD step's sources (no daemon)
  build             hash, compare with the record, prune, build, judge, record
  check --log FILE  judge a build whose log another tool produced
  parse-log FILE    parse a build log into steps (no daemon)
  clear             clear the builder cache and host cache paths, reset the record
  verify            check that the running containers run the last good build

Common options:
  --context DIR          build context (default .)
  -f, --file PATH        Dockerfile (default DIR/Dockerfile)
  --state PATH           record of the last good build (default: per host, outside the context)
  --json                 one JSON document on stdout; human output on stderr
  --debug                stack traces on errors

build / check:
  -t, --tag T            image tag (repeatable)
  --build-arg K=V        build argument (repeatable); GIT_COMMIT_HASH and BUILD_ID are injected
  --secret-build-arg K   a build arg whose value is secret: masked, never recorded or labelled
  --cache-from REF       external cache source (repeatable)
  --target STAGE         build stage to target
  --prune P              source (default) | all | never
  --verify V             changed (default) | none
  --commit SHA           commit to inject and record (default: git rev-parse HEAD)
  --build-id ID          build id to inject (default: CI run id or a timestamp)
  --compose-file F       guard the services of a docker compose file
  --service S            with --compose-file: a service to guard (repeatable)
  --ignore-corrupt-record  treat an unreadable record as no record
  --docker PATH          docker client (default: $DOCKER_PATH, or docker on PATH)
  --no-stat-cache        read every file (default: reuse digests of files whose stat is unchanged)
  --push                 (build) push every tag after a pass, the record beside the image
  --log FILE, --image REF  (check) the log to judge and the image it built
  --build-timeout S      (build) stop the build after S seconds: an error, exit 2

build, passed to docker build as docker names them (an error where the builder cannot):
  --label K=V            image label (repeatable)
  --secret id=X,src=F    build secret from a file, or id=X,env=VAR from the environment
  --ssh default|id=PATH  SSH agent or keys for RUN --mount=type=ssh
  --build-context N=DIR  named context: hashed, judged and proven like the main one
  --pull, --no-cache, --no-cache-filter STAGE, --network M, --add-host H:IP,
  --shm-size S, --ulimit N=S[:H], --builder NAME (buildx), --platform P

clear:
  --all                  prune every builder record, cache mounts too
  --path P               host cache path inside the context to delete (repeatable)
  --filter F             builder prune filter, e.g. until=24h (repeatable)
  --registry-cache REF   registry cache reference to delete, e.g. reg/app:buildcache (repeatable;
                         the registry's delete setting must be on; other tags are never deleted)

verify:
  --container NAME       a container to verify (repeatable)
  --compose-file F       verify each container of the services that build (--service S: those)
  --image REF            the image they should run (default: the record's; name@sha256:... exact)
  --wait SECONDS         wait for containers still starting or not yet healthy
  --context, --file, --target, --state   which record, as for build

Exit codes: 0 pass (verify: live), 1 stale, 2 error.
`;

// EXTERNAL MODULE: ./src/pipeline/errors.ts
var errors = __nccwpck_require__(1539);
// EXTERNAL MODULE: ./src/report/text-safety.ts
var text_safety = __nccwpck_require__(4986);
;// CONCATENATED MODULE: ./src/cli/main.ts







const defaultIo = () => ({
    stdout: s => void process.stdout.write(s),
    stderr: s => void process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env
});
/** Runs one CLI invocation and returns its exit code: 0 pass, 1 stale, 2 error. */
async function main(argv, raw = defaultIo()) {
    let parsed = null;
    const io = raw;
    let redact = s => s;
    // Build logs, file names and Dockerfile text reach stderr. On a GitHub runner a line of
    // them starting with `::` or `##[` would run as a workflow command (set outputs, mask,
    // annotate), so command processing is paused, with a token no output can guess.
    const token = raw.env.GITHUB_ACTIONS === 'true' ? (0,external_node_crypto_.randomBytes)(16).toString('hex') : null;
    let paused = false;
    try {
        parsed = parseCli(argv, raw.cwd, raw.env);
        // Secret build-arg values are redacted where data is put into the output (the guard's lines
        // and judgement, error messages), never over a whole stream: that would also rewrite the
        // JSON's structure and the tool's own words.
        redact = (0,text_safety/* redactor */.$p)(secretValues(parsed));
        if (token !== null && parsed.command !== 'help' && parsed.command !== 'version') {
            raw.stderr(`::stop-commands::${token}\n`);
            paused = true;
        }
        return await dispatch(parsed, io);
    }
    catch (e) {
        const debug = parsed?.debug ?? argv.includes('--debug');
        const message = redact((0,errors/* errorMessage */.gJ)(e));
        io.stderr(`fresh-build: error: ${message}\n`);
        if (debug && e instanceof Error && e.stack)
            io.stderr(`${redact(e.stack)}\n`);
        // --json promises one document on stdout, an error included.
        const json = parsed !== null ? parsed.json : argv.includes('--json');
        if (json)
            io.stdout(`${JSON.stringify({ error: { message } }, null, 2)}\n`);
        return (0,errors/* exitCodeFor */.Rr)(e);
    }
    finally {
        if (paused)
            raw.stderr(`::${token ?? ''}::\n`);
    }
}
/** The values of `--secret-build-arg` names, to mask everywhere. */
function secretValues(p) {
    if (p.command !== 'build' && p.command !== 'check')
        return [];
    return [...(0,options/* secretArgValues */.JC)(p.guard), ...(0,build_flags/* buildSecretValues */.XF)(p.guard.build)];
}
/**
 * Each command loads its own modules when it runs (ncc puts them in chunks): `--version` and
 * `--help` load none, `hash` not the guard, `parse-log` not the pipeline.
 */
async function dispatch(p, io) {
    // Documents leave the pipeline redacted already (redactJudgement), so they are printed as is.
    const emit = (doc) => io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
    switch (p.command) {
        case 'help':
            io.stdout(USAGE);
            return 0;
        case 'version':
            io.stdout(`${version()}\n`);
            return 0;
        case 'hash': {
            const { daemonOnBuild, hashContext, hashReport } = await Promise.all(/* import() */[__nccwpck_require__.e(820), __nccwpck_require__.e(138), __nccwpck_require__.e(19), __nccwpck_require__.e(781)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9804));
            const hashed = await hashContext({
                context: p.context,
                file: p.file,
                buildArgs: p.buildArgs,
                namedContexts: p.namedContexts,
                onBuild: daemonOnBuild(io.env)
            });
            const doc = hashReport(hashed);
            if (p.json)
                emit(doc);
            else {
                io.stdout(`${doc.contextHash}\n`);
                for (const s of doc.steps) {
                    io.stderr(`${s.sourceHash}  ${s.stage} ${s.index} line ${s.line}: ${s.instruction}\n`);
                }
                io.stderr(`${doc.files.length} entries in the context\n`);
            }
            return 0;
        }
        case 'parse-log': {
            const { parseLogFile, toParseLogJson } = await Promise.all(/* import() */[__nccwpck_require__.e(665), __nccwpck_require__.e(196)]).then(__nccwpck_require__.bind(__nccwpck_require__, 665));
            const log = await parseLogFile(p.logFile);
            const doc = toParseLogJson(log);
            if (p.json)
                emit(doc);
            else {
                io.stdout(`format: ${doc.format}\n`);
                for (const s of doc.steps) {
                    const where = [s.service, s.stage].filter(Boolean).join(' ');
                    io.stdout(`${s.cached ? 'CACHED' : 'ran   '} [${where ? `${where} ` : ''}${s.index}/${s.total}] ${s.instruction}\n`);
                }
            }
            return 0;
        }
        case 'build':
        case 'check': {
            const [{ reportDocument, runGuard }, { renderText }] = await Promise.all([
                Promise.all(/* import() */[__nccwpck_require__.e(820), __nccwpck_require__.e(138), __nccwpck_require__.e(19), __nccwpck_require__.e(212), __nccwpck_require__.e(847), __nccwpck_require__.e(665), __nccwpck_require__.e(760)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7760)),
                __nccwpck_require__.e(/* import() */ 463).then(__nccwpck_require__.bind(__nccwpck_require__, 463))
            ]);
            const progress = (line) => io.stderr(`${line}\n`);
            const results = await runGuard(p.command, p.guard, p.compose, {
                progress,
                env: io.env,
                cwd: io.cwd
            });
            for (const { service, judgement } of results) {
                io.stderr(renderText(judgement, { title: service ?? undefined }));
            }
            if (p.json)
                emit(reportDocument(results));
            return worst(results.map(r => r.judgement));
        }
        case 'verify':
            return verify(p, io, emit);
        case 'clear': {
            const [{ checkContextDir }, { runClear }] = await Promise.all([
                Promise.all(/* import() */[__nccwpck_require__.e(820), __nccwpck_require__.e(138), __nccwpck_require__.e(19), __nccwpck_require__.e(781)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9804)),
                Promise.all(/* import() */[__nccwpck_require__.e(820), __nccwpck_require__.e(138), __nccwpck_require__.e(19), __nccwpck_require__.e(212), __nccwpck_require__.e(847), __nccwpck_require__.e(534)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1534))
            ]);
            // Paths are resolved inside the context: a missing one is the fault to name.
            if (p.clear.paths.length > 0)
                await checkContextDir(p.clear.context);
            const report = await runClear({ ...p.clear, root: p.clear.context }, { progress: (line) => io.stderr(`${line}\n`), env: io.env });
            if (p.json)
                emit(report);
            else
                io.stderr(`cleared: reclaimed ${report.reclaimedBytes} bytes; removed ${report.removedPaths.length} path(s); record reset: ${report.recordReset}${report.registryCache ? `; registry cache deleted: ${report.registryCache.deleted.map(d => d.ref).join(', ') || 'none'}` : ''}\n`);
            return 0;
        }
    }
}
async function verify(p, io, emit) {
    const [{ runVerify }, { renderVerifyText, verifyJson }] = await Promise.all([
        Promise.all(/* import() */[__nccwpck_require__.e(820), __nccwpck_require__.e(243), __nccwpck_require__.e(138), __nccwpck_require__.e(212), __nccwpck_require__.e(358), __nccwpck_require__.e(219)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6219)),
        __nccwpck_require__.e(/* import() */ 271).then(__nccwpck_require__.bind(__nccwpck_require__, 5271))
    ]);
    const report = await runVerify(p.verify, {
        progress: line => io.stderr(`${line}\n`),
        env: io.env
    });
    io.stderr(renderVerifyText(report));
    if (p.json)
        emit(verifyJson(report));
    return report.verdict === 'live' ? 0 : 1;
}
function worst(judgements) {
    return judgements.some(j => j.verdict === 'stale') ? 1 : 0;
}
function version() {
    // The bundle sits in dist/cli/; package.json two levels up in a checkout or an npm install.
    for (const rel of ['../../package.json', '../package.json']) {
        try {
            const pkg = JSON.parse((0,external_node_fs_.readFileSync)(new URL(rel, import.meta.url), 'utf8'));
            if (pkg.version)
                return pkg.version;
        }
        catch {
            // try the next candidate
        }
    }
    return 'unknown';
}

;// CONCATENATED MODULE: ./src/cli.ts
// The `fresh-build` CLI entry: all logic lives in cli/main.ts so tests can call it directly.

main(process.argv.slice(2)).then(code => {
    process.exitCode = code;
}, (e) => {
    process.stderr.write(`fresh-build: error: ${String(e)}\n`);
    process.exitCode = 2;
});

