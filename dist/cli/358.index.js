export const id = 358;
export const ids = [358];
export const modules = {

/***/ 2836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  eo: () => (/* reexport */ defaultImageName),
  ib: () => (/* reexport */ detectCompose),
  qO: () => (/* reexport */ readComposeProject),
  mH: () => (/* reexport */ resolveComposeProject)
});

// UNUSED EXPORTS: ComposeError, InterpolationError, composeBuildCommand, composeProjectName, configCommandName, differences, fromConfig, interpolate, normalizeProjectName, parseComposeVersion, parseDotEnv, readComposeFile

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/util/paths.ts
var paths = __webpack_require__(4964);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
// EXTERNAL MODULE: ./src/util/error.ts
var error = __webpack_require__(7610);
;// CONCATENATED MODULE: ./src/compose/interpolate.ts
/**
 * Compose's variable substitution and its `.env` file, as both docker-compose 1.29 and the
 * compose v2 plugin apply them to the values of a compose file:
 *
 *   $$               a literal `$`
 *   $VAR, ${VAR}     the value, or empty when unset
 *   ${VAR:-default}  default when VAR is unset or empty;  ${VAR-default}  only when unset
 *   ${VAR:?message}  error when VAR is unset or empty;    ${VAR?message}  only when unset
 *   ${VAR:+other}    other when VAR is set and non-empty; ${VAR+other}    when set
 *
 * Defaults, messages and replacements are themselves interpolated (`${A:-${B}}`, as v2 allows).
 * Any other `$` is an error, as in compose ("Invalid interpolation format").
 */

/** A substitution failed; `message` is the reason, without the location (the caller adds it). */
class InterpolationError extends error/* FreshBuildError */.nz {
}
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const BRACED = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/;
/** Deeper `${A:-${B:-...}}` nesting is refused (as the Dockerfile lexer does): no stack overflow. */
const MAX_NESTING = 128;
/** Substitutes every variable in `text`; throws InterpolationError on a bad or required one. */
function interpolate(text, vars, depth = 0) {
    if (depth > MAX_NESTING) {
        throw new InterpolationError(`variables nested more than ${MAX_NESTING} deep`);
    }
    let out = '';
    let i = 0;
    while (i < text.length) {
        const dollar = text.indexOf('$', i);
        if (dollar < 0) {
            out += text.slice(i);
            break;
        }
        out += text.slice(i, dollar);
        const next = text[dollar + 1];
        if (next === '$') {
            out += '$';
            i = dollar + 2;
            continue;
        }
        if (next === '{') {
            const end = closingBrace(text, dollar + 2);
            if (end < 0)
                throw invalid(text);
            out += braced(text.slice(dollar + 2, end), vars, text, depth);
            i = end + 1;
            continue;
        }
        NAME.lastIndex = dollar + 1;
        const name = NAME.exec(text);
        if (!name)
            throw invalid(text);
        out += vars[name[0]] ?? '';
        i = dollar + 1 + name[0].length;
    }
    return out;
}
/** The index of the `}` closing a `${` whose body starts at `from`, nested `${...}` skipped. */
function closingBrace(text, from) {
    let depth = 0;
    for (let i = from; i < text.length; i++) {
        const c = text[i];
        if (c === '$' && (text[i + 1] === '$' || text[i + 1] === '{')) {
            if (text[i + 1] === '{')
                depth++;
            i++;
        }
        else if (c === '}') {
            if (depth === 0)
                return i;
            depth--;
        }
    }
    return -1;
}
function braced(body, vars, whole, depth) {
    const sub = (t) => interpolate(t, vars, depth + 1);
    const m = BRACED.exec(body);
    if (!m)
        throw invalid(whole);
    const [, name = '', op, rest = ''] = m;
    const value = vars[name];
    const set = value !== undefined;
    const nonEmpty = set && value !== '';
    switch (op) {
        case undefined:
            return value ?? '';
        case ':-':
            return nonEmpty ? value : sub(rest);
        case '-':
            return set ? value : sub(rest);
        case ':+':
            return nonEmpty ? sub(rest) : '';
        case '+':
            return set ? sub(rest) : '';
        case ':?':
        case '?': {
            if (op === ':?' ? nonEmpty : set)
                return value ?? '';
            const why = sub(rest);
            throw new InterpolationError(`required variable ${name} is ${set ? 'empty' : 'missing a value'}${why ? `: ${why}` : ''}`);
        }
        default:
            throw invalid(whole);
    }
}
function invalid(text) {
    const shown = text.length > 60 ? `${text.slice(0, 60)}...` : text;
    return new InterpolationError(`invalid interpolation format "${shown.replace(/\n/g, '\\n')}"`);
}
/**
 * Reads a `.env` file: `KEY=VALUE` lines, `#` comments and blank lines, an optional `export `,
 * values in double quotes (with `\n`, `\t`, `\"`, `\\` escapes) or single quotes (literal), and
 * unquoted values trimmed with a ` #comment` removed. Lines without `=` are ignored, as
 * docker-compose 1.29 does. Values are taken as written: the file is not itself interpolated.
 */
function parseDotEnv(text) {
    const out = {};
    for (const raw of text.split(/\r?\n/)) {
        let line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        if (line.startsWith('export '))
            line = line.slice(7).trimStart();
        const eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        const key = line.slice(0, eq).trim();
        if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key))
            continue;
        out[key] = dotEnvValue(line.slice(eq + 1).trim());
    }
    return out;
}
function dotEnvValue(v) {
    const q = v[0];
    if ((q === '"' || q === "'") && v.indexOf(q, 1) > 0) {
        const body = v.slice(1, closingQuote(v, q));
        if (q === "'")
            return body;
        return body.replace(/\\([nrt"\\])/g, (_, c) => c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c);
    }
    const hash = v.search(/\s#/);
    return (hash >= 0 ? v.slice(0, hash) : v).trim();
}
function closingQuote(v, q) {
    for (let i = 1; i < v.length; i++) {
        if (q === '"' && v[i] === '\\')
            i++;
        else if (v[i] === q)
            return i;
    }
    return v.length;
}

;// CONCATENATED MODULE: ./src/compose/read.ts
/**
 * Reads the services a docker compose file builds: for each, the context, Dockerfile, build args,
 * target, cache sources and image name that `docker compose build` would use, so each service can
 * be guarded like a single `docker build`.
 *
 * What is read, as docker-compose 1.29 and the v2 plugin read it:
 *   - `build: ./dir` and the long form (`context`, `dockerfile` relative to the context, `args` as
 *     a map or a `K=V` list where a bare `K` or `K:` with no value takes the value from the
 *     environment and is left out when unset, `target`, `cache_from`);
 *   - variable substitution (see interpolate.ts) with the process environment over the `.env`
 *     file beside the compose file, applied to the values read here only, so an unsupported
 *     section elsewhere cannot fail the read;
 *   - `extends` (`extends: svc`, `extends: { service }`, `extends: { service, file }`), whose
 *     build merges key by key (args merged, cache_from joined), paths relative to the file that
 *     wrote them;
 *   - `profiles`: a service with profiles is built only when `COMPOSE_PROFILES` names one, or when
 *     it is asked for by name;
 *   - the project name: `COMPOSE_PROJECT_NAME`, else top-level `name:`, else the folder name.
 * Not read: override files (`docker-compose.override.yml`; only the file given is read, as with
 * `-f FILE`), `build.tags`, `additional_contexts`, `platforms`, `secrets`, `ssh`.
 */






/** A compose file that cannot be read as asked; the message is one line naming the file. */
class ComposeError extends error/* FreshBuildError */.nz {
    file;
    detail;
    constructor(file, detail) {
        super(`${file}: ${detail}`.replace(/\s*\r?\n\s*/g, ' '));
        this.file = file;
        this.detail = detail;
    }
}
/** Reads the services of `file` that compose would build (see the module comment). */
async function readComposeFile(file, opts) {
    return (await readComposeProject(file, opts)).services;
}
/** Like readComposeFile, with the project name the images are named after. */
async function readComposeProject(file, opts) {
    const abs = (0,external_node_path_.resolve)(file);
    const dir = (0,external_node_path_.dirname)(abs);
    const root = opts.root ?? null;
    const contain = async (from, where, path) => {
        if (root !== null && !(await (0,paths/* containedIn */.xK)(root, path))) {
            throw new ComposeError(from, `${where}: ${path} is outside ${root} (through a symlink or not): refused`);
        }
    };
    await contain(abs, 'the compose file', abs);
    await contain(abs, 'the .env file', (0,external_node_path_.resolve)(dir, '.env'));
    const vars = await projectVars(dir, opts.env);
    const reader = new Reader(vars, contain);
    const doc = await reader.load(abs);
    const name = composeProjectName({ dir, env: vars, name: doc.name });
    const wanted = opts.services && opts.services.length > 0 ? [...new Set(opts.services)] : null;
    const services = [];
    if (wanted) {
        for (const svc of wanted) {
            if (!(svc in doc.services)) {
                const known = Object.keys(doc.services);
                throw new ComposeError(abs, `no service "${svc}" (services: ${known.length > 0 ? known.join(', ') : 'none'})`);
            }
            const spec = await reader.service(doc, svc, []);
            if (!spec.build) {
                throw new ComposeError(abs, `service "${svc}" has no build section${spec.image ? ` (it runs the image ${spec.image})` : ''}`);
            }
            services.push(finish(abs, svc, spec, spec.build));
        }
    }
    else {
        const active = new Set((vars.COMPOSE_PROFILES ?? '')
            .split(',')
            .map(p => p.trim())
            .filter(Boolean));
        for (const svc of Object.keys(doc.services)) {
            const spec = await reader.service(doc, svc, []);
            if (!spec.build)
                continue;
            if (spec.profiles.length > 0 && !spec.profiles.some(p => active.has(p)))
                continue;
            services.push(finish(abs, svc, spec, spec.build));
        }
        if (services.length === 0)
            throw new ComposeError(abs, 'no service has a build section');
    }
    // Checked before any Dockerfile or context is read.
    for (const svc of services) {
        await contain(abs, `services.${svc.name}.build.context`, svc.context);
        await contain(abs, `services.${svc.name}.build.dockerfile`, svc.dockerfile);
    }
    await reader.checkNamedPaths();
    return { file: abs, dir, name, services };
}
/**
 * The compose project name: `COMPOSE_PROJECT_NAME` (environment or `.env`), else the file's
 * top-level `name:`, else the project folder's name; normalized as compose does (lower case, only
 * `a-z 0-9 _ -`, no leading `_` or `-`).
 */
function composeProjectName(opts) {
    const raw = opts.env.COMPOSE_PROJECT_NAME || opts.name || (0,external_node_path_.basename)((0,external_node_path_.resolve)(opts.dir));
    const name = normalizeProjectName(raw);
    if (name === '') {
        throw new ComposeError(opts.dir, `project name "${raw}" is empty once normalized (set COMPOSE_PROJECT_NAME or name:)`);
    }
    return name;
}
/** Compose's project-name normalization: lower case, `[a-z0-9_-]` only, no leading `_`/`-`. */
function normalizeProjectName(raw) {
    return raw
        .toLowerCase()
        .replace(/[^a-z0-9_-]+/g, '')
        .replace(/^[_-]+/, '');
}
/**
 * The image compose names a build without `image:`: `project_service` for docker-compose v1,
 * `project-service` for compose v2.
 */
function defaultImageName(project, service, flavor) {
    return `${project}${flavor === 'v1' ? '_' : '-'}${service}`;
}
/** The environment over the `.env` file in the project directory (the environment wins). */
async function projectVars(dir, env) {
    const path = (0,external_node_path_.resolve)(dir, '.env');
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (e) {
        if (isNodeError(e) && (e.code === 'ENOENT' || e.code === 'EISDIR'))
            return { ...env };
        throw new ComposeError(path, `cannot read: ${(0,error/* thrownMessage */.U4)(e)}`);
    }
    const out = parseDotEnv(text);
    for (const [k, v] of Object.entries(env))
        if (v !== undefined)
            out[k] = v;
    return out;
}
class Reader {
    vars;
    contain;
    docs = new Map();
    /** Paths the files name that are not read here (env_file, additional_contexts). */
    named = [];
    constructor(vars, contain = async () => undefined) {
        this.vars = vars;
        this.contain = contain;
    }
    async checkNamedPaths() {
        for (const n of this.named)
            await this.contain(n.file, n.where, n.path);
    }
    load(file) {
        let doc = this.docs.get(file);
        if (!doc) {
            doc = this.parse(file);
            this.docs.set(file, doc);
        }
        return doc;
    }
    async parse(file) {
        let text;
        try {
            text = await (0,promises_.readFile)(file, 'utf8');
        }
        catch (e) {
            const why = isNodeError(e) && e.code === 'ENOENT' ? 'not found' : (0,error/* thrownMessage */.U4)(e);
            throw new ComposeError(file, `cannot read the compose file: ${why}`);
        }
        let root;
        try {
            root = (0,js_yaml/* load */.Hh)(text, { filename: file });
        }
        catch (e) {
            if (e instanceof js_yaml/* YAMLException */.tB) {
                const at = e.mark ? ` at line ${e.mark.line + 1}` : '';
                throw new ComposeError(file, `invalid YAML${at}: ${e.reason}`);
            }
            throw new ComposeError(file, `invalid YAML: ${(0,error/* thrownMessage */.U4)(e)}`);
        }
        if (!isMapping(root))
            throw new ComposeError(file, 'not a compose file (expected a mapping)');
        const services = root.services;
        if (services === undefined || services === null) {
            throw new ComposeError(file, 'no services: section');
        }
        if (!isMapping(services))
            throw new ComposeError(file, 'services: must be a mapping');
        const name = root.name === undefined || root.name === null ? null : root.name;
        return {
            file,
            services,
            name: name === null ? null : this.text(file, 'name', name)
        };
    }
    /** The service's build, image and profiles with `extends` applied. */
    async service(doc, name, chain) {
        const key = `${doc.file}\0${name}`;
        if (chain.includes(key)) {
            const loop = [...chain, key].map(k => k.split('\0')[1]).join(' -> ');
            throw new ComposeError(doc.file, `services.${name}.extends: circular reference (${loop})`);
        }
        const raw = doc.services[name];
        const where = `services.${name}`;
        if (raw !== null && !isMapping(raw))
            throw new ComposeError(doc.file, `${where} must be a mapping`);
        const def = raw ?? {};
        for (const [i, f] of this.list(doc.file, `${where}.env_file`, envFiles(def.env_file)).entries())
            this.named.push({
                file: doc.file,
                where: `${where}.env_file[${i}]`,
                path: (0,external_node_path_.resolve)((0,external_node_path_.dirname)(doc.file), f)
            });
        const own = {
            build: def.build === undefined || def.build === null ? null : this.build(doc, name, def.build),
            image: def.image === undefined || def.image === null
                ? null
                : this.text(doc.file, `${where}.image`, def.image),
            profiles: this.list(doc.file, `${where}.profiles`, def.profiles)
        };
        if (def.extends === undefined || def.extends === null)
            return own;
        const ext = def.extends;
        let baseName;
        let baseFile = doc.file;
        if (typeof ext === 'string') {
            baseName = this.text(doc.file, `${where}.extends`, ext);
        }
        else if (isMapping(ext) && ext.service !== undefined) {
            baseName = this.text(doc.file, `${where}.extends.service`, ext.service);
            if (ext.file !== undefined && ext.file !== null) {
                const f = this.text(doc.file, `${where}.extends.file`, ext.file);
                baseFile = (0,external_node_path_.resolve)((0,external_node_path_.dirname)(doc.file), f);
                await this.contain(doc.file, `${where}.extends.file`, baseFile);
            }
        }
        else {
            throw new ComposeError(doc.file, `${where}.extends: expected a service name or { service, file }`);
        }
        const baseDoc = await this.load(baseFile);
        if (!(baseName in baseDoc.services)) {
            throw new ComposeError(doc.file, `${where}.extends: no service "${baseName}" in ${baseFile === doc.file ? 'this file' : baseFile}`);
        }
        const base = await this.service(baseDoc, baseName, [...chain, key]);
        return {
            build: mergeBuild(base.build, own.build),
            image: own.image ?? base.image,
            profiles: own.profiles.length > 0 ? own.profiles : base.profiles
        };
    }
    build(doc, service, raw) {
        const where = `services.${service}.build`;
        const dir = (0,external_node_path_.dirname)(doc.file);
        if (typeof raw === 'string') {
            return { context: this.context(doc.file, where, dir, raw), args: {}, cacheFrom: [] };
        }
        if (!isMapping(raw))
            throw new ComposeError(doc.file, `${where} must be a path or a mapping`);
        if (raw.dockerfile_inline !== undefined) {
            throw new ComposeError(doc.file, `${where}.dockerfile_inline is not supported (use a Dockerfile)`);
        }
        const spec = { args: this.args(doc.file, `${where}.args`, raw.args), cacheFrom: [] };
        if (raw.context !== undefined && raw.context !== null) {
            spec.context = this.context(doc.file, `${where}.context`, dir, raw.context);
        }
        if (raw.dockerfile !== undefined && raw.dockerfile !== null) {
            spec.dockerfile = this.text(doc.file, `${where}.dockerfile`, raw.dockerfile);
        }
        if (raw.target !== undefined && raw.target !== null) {
            spec.target = this.text(doc.file, `${where}.target`, raw.target);
        }
        spec.cacheFrom = this.list(doc.file, `${where}.cache_from`, raw.cache_from);
        const base = spec.context ?? dir;
        for (const [name, value] of this.additionalContexts(doc.file, where, raw.additional_contexts)) {
            // Images, services and URLs are not paths on this host.
            if (/^(docker-image|service|oci-layout|target):|^[a-z]+:\/\//.test(value))
                continue;
            this.named.push({
                file: doc.file,
                where: `${where}.additional_contexts.${name}`,
                path: (0,external_node_path_.isAbsolute)(value) ? (0,external_node_path_.resolve)(value) : (0,external_node_path_.resolve)(base, value)
            });
        }
        return spec;
    }
    context(file, where, dir, raw) {
        const value = this.text(file, where, raw);
        if (/^(https?:\/\/|git@|git:\/\/|ssh:\/\/|github\.com\/)/.test(value) ||
            /\.git(#|$)/.test(value)) {
            throw new ComposeError(file, `${where}: a remote build context (${value}) cannot be hashed; guard the other services with --service`);
        }
        return (0,external_node_path_.isAbsolute)(value) ? (0,external_node_path_.resolve)(value) : (0,external_node_path_.resolve)(dir, value);
    }
    args(file, where, raw) {
        const out = {};
        const put = (name, value) => {
            if (value !== undefined)
                out[name] = value;
        };
        if (raw === undefined || raw === null)
            return out;
        if (Array.isArray(raw)) {
            raw.forEach((item, i) => {
                const entry = this.text(file, `${where}[${i}]`, item);
                const eq = entry.indexOf('=');
                if (eq === 0)
                    throw new ComposeError(file, `${where}[${i}]: "${entry}" has no name`);
                if (eq < 0)
                    put(entry, this.vars[entry]);
                else
                    put(entry.slice(0, eq), entry.slice(eq + 1));
            });
            return out;
        }
        if (!isMapping(raw))
            throw new ComposeError(file, `${where} must be a mapping or a list`);
        for (const [name, value] of Object.entries(raw)) {
            put(name, value === null ? this.vars[name] : this.text(file, `${where}.${name}`, value));
        }
        return out;
    }
    /** `additional_contexts` as a mapping or a `name=value` list. */
    additionalContexts(file, where, raw) {
        if (raw === undefined || raw === null)
            return [];
        if (Array.isArray(raw)) {
            return raw.map((item, i) => {
                const entry = this.text(file, `${where}.additional_contexts[${i}]`, item);
                const eq = entry.indexOf('=');
                return [eq < 0 ? String(i) : entry.slice(0, eq), eq < 0 ? entry : entry.slice(eq + 1)];
            });
        }
        if (!isMapping(raw))
            return [];
        return Object.entries(raw).map(([k, v]) => [
            k,
            this.text(file, `${where}.additional_contexts.${k}`, v)
        ]);
    }
    /** A list of strings (a single string counts as a list of one); undefined/null is empty. */
    list(file, where, raw) {
        if (raw === undefined || raw === null)
            return [];
        if (!Array.isArray(raw))
            return [this.text(file, where, raw)];
        return raw.map((v, i) => this.text(file, `${where}[${i}]`, v));
    }
    /** A scalar as compose reads it: strings interpolated, numbers and booleans as written. */
    text(file, where, raw) {
        if (typeof raw === 'number' || typeof raw === 'boolean')
            return String(raw);
        if (typeof raw !== 'string') {
            throw new ComposeError(file, `${where}: expected a string, got ${describe(raw)}`);
        }
        try {
            return interpolate(raw, this.vars);
        }
        catch (e) {
            if (e instanceof InterpolationError)
                throw new ComposeError(file, `${where}: ${e.message}`);
            throw e;
        }
    }
}
/** `extends`: the extending service's keys win; args merge; cache sources join. */
function mergeBuild(base, own) {
    if (!base)
        return own;
    if (!own)
        return base;
    const out = {
        args: { ...base.args, ...own.args },
        cacheFrom: [...new Set([...base.cacheFrom, ...own.cacheFrom])]
    };
    const context = own.context ?? base.context;
    const dockerfile = own.dockerfile ?? base.dockerfile;
    const target = own.target ?? base.target;
    if (context !== undefined)
        out.context = context;
    if (dockerfile !== undefined)
        out.dockerfile = dockerfile;
    if (target !== undefined)
        out.target = target;
    return out;
}
function finish(file, name, spec, build) {
    // Compose's default context is the project directory.
    const context = build.context ?? (0,external_node_path_.dirname)(file);
    return {
        name,
        context,
        dockerfile: (0,external_node_path_.resolve)(context, build.dockerfile ?? 'Dockerfile'),
        args: build.args,
        // An empty target (`${TARGET-}` set to '') builds the last stage, as no target does.
        target: build.target || null,
        image: spec.image,
        cacheFrom: build.cacheFrom
    };
}
/** `env_file` entries: strings, or `{ path }` mappings (compose 2.24+). */
function envFiles(raw) {
    if (!Array.isArray(raw))
        return isMapping(raw) ? raw.path : raw;
    return raw.map(v => (isMapping(v) ? v.path : v));
}
function isMapping(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
// Duck-typed: errors from node's own modules may come from another realm (jest's vm modules).
function isNodeError(e) {
    return typeof e === 'object' && e !== null && 'code' in e;
}
function describe(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    return typeof v === 'object' ? 'a mapping' : typeof v;
}

// EXTERNAL MODULE: ./src/docker/exec.ts + 1 modules
var exec = __webpack_require__(4177);
;// CONCATENATED MODULE: ./src/compose/command.ts
/**
 * Which docker compose the host has, and the argv of `compose build` for it.
 *
 *   v2: the `docker compose` CLI plugin (or a v2 `docker-compose` standalone binary); BuildKit by
 *       default, images named `project-service`.
 *   v1: docker-compose 1.x (Python). It builds with docker-py and the legacy builder unless
 *       `COMPOSE_DOCKER_CLI_BUILD=1` and `DOCKER_BUILDKIT=1` make it run `docker build` with
 *       BuildKit (the `docker` found on PATH); images named `project_service`.
 */


/** The version a `compose version` output names, and its major number. */
function parseComposeVersion(text) {
    const m = /version\s+v?(\d+)\.(\d+)\.(\d+)\S*/i.exec(text);
    if (!m || m[1] === undefined)
        return null;
    return { version: m[0].replace(/^version\s+v?/i, '').replace(/,$/, ''), major: Number(m[1]) };
}
/**
 * Finds the host's compose: `docker compose version` (the v2 plugin), else
 * `docker-compose version` (v1, or a v2 standalone binary, told apart by its version).
 * Null when neither runs. Goes through the exec wrapper; never throws for a missing program.
 */
async function detectCompose(opts = {}) {
    const docker = opts.docker ?? 'docker';
    const standalone = opts.composeBin ?? 'docker-compose';
    const tries = [
        { cmd: docker, prefix: ['compose'] },
        { cmd: standalone, prefix: [] }
    ];
    for (const t of tries) {
        const r = await (0,exec/* run */.eF)(t.cmd, [...t.prefix, 'version'], {
            baseEnv: opts.env ?? process.env
        }).catch(() => null);
        if (!r || r.code !== 0)
            continue;
        const v = parseComposeVersion(`${r.stdout}\n${r.stderr}`);
        if (!v)
            continue;
        return { flavor: v.major >= 2 ? 'v2' : 'v1', cmd: t.cmd, prefix: t.prefix, version: v.version };
    }
    return null;
}
/**
 * `compose build` for a flavor (or a detected tool), with plain progress so the log parses:
 *   v2: docker compose -f F build --progress=plain [--no-cache] [--build-arg K=V]... [-- svc...]
 *   v1: docker-compose -f F build --progress=plain [--no-cache] [--build-arg K=V]... [-- svc...]
 *       with DOCKER_BUILDKIT=1 COMPOSE_DOCKER_CLI_BUILD=1 (else docker-py's legacy builder).
 * Pure: the same options give the same argv.
 */
function composeBuildCommand(tool, opts) {
    const t = typeof tool === 'string'
        ? tool === 'v2'
            ? { flavor: 'v2', cmd: opts.docker ?? 'docker', prefix: ['compose'], version: '' }
            : { flavor: 'v1', cmd: 'docker-compose', prefix: [], version: '' }
        : tool;
    const argv = [...t.prefix, '-f', opts.file, 'build', '--progress=plain'];
    if (opts.noCache)
        argv.push('--no-cache');
    for (const [k, v] of Object.entries(opts.buildArgs))
        argv.push('--build-arg', `${k}=${v}`);
    if (opts.services.length > 0)
        argv.push('--', ...opts.services);
    const env = { DOCKER_BUILDKIT: '1' };
    if (t.flavor === 'v1') {
        env.COMPOSE_DOCKER_CLI_BUILD = '1';
        if (opts.docker && isAbsolute(opts.docker) && opts.path !== undefined) {
            env.PATH = [dirname(opts.docker), opts.path].filter(Boolean).join(delimiter);
        }
    }
    return { cmd: t.cmd, argv, env };
}

// EXTERNAL MODULE: ./src/report/text-safety.ts
var text_safety = __webpack_require__(4986);
;// CONCATENATED MODULE: ./src/compose/resolve.ts
/**
 * The services a compose file builds, as the host's compose itself resolves them: `docker compose
 * config --format json` (v2) or `docker-compose config` (v1, YAML) apply extends, profiles,
 * interpolation and env files exactly as the `compose build` that follows will. The built-in
 * reader (read.ts) reads the file first, always: it is the gate (a file it refuses, including a
 * path outside the root, is refused before compose reads anything) and the fallback when no
 * compose runs or its output cannot be used.
 */








const DEFAULT_TIMEOUT_MS = 60_000;
async function resolveComposeProject(file, opts) {
    const own = await readComposeProject(file, opts);
    const tool = opts.tool !== undefined
        ? opts.tool
        : await detectCompose({ ...(opts.docker ? { docker: opts.docker } : {}), env: opts.env });
    if (tool === null)
        return { project: own, source: 'built-in reader', tool, notes: [] };
    const name = configCommandName(tool);
    const fallback = (why) => ({
        project: own,
        source: 'built-in reader',
        tool,
        notes: [`${name}: ${why}; using the built-in reader`]
    });
    const argv = [...tool.prefix, '-f', own.file, 'config'];
    if (tool.flavor === 'v2')
        argv.push('--format', 'json', ...(opts.services ?? []));
    const signal = AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const r = await (0,exec/* run */.eF)(tool.cmd, argv, { baseEnv: opts.env, cwd: own.dir, signal }).catch((e) => e);
    if (r instanceof Error)
        return fallback(`cannot run (${(0,text_safety/* visible */.RK)(r.message)})`);
    if (r.aborted)
        return fallback(`no answer within ${(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000} s`);
    if (r.code !== 0) {
        const first = r.stderr.split('\n').find(l => l.trim() !== '') ?? '';
        return fallback(`exit ${r.code}${first ? `: ${(0,text_safety/* truncate */.xv)((0,text_safety/* visible */.RK)(first.trim()), 200)}` : ''}`);
    }
    let doc;
    try {
        doc = tool.flavor === 'v2' ? JSON.parse(r.stdout) : (0,js_yaml/* load */.Hh)(r.stdout);
    }
    catch {
        return fallback('its output does not parse');
    }
    let project;
    try {
        project = fromConfig(doc, own, tool, opts);
    }
    catch (e) {
        if (e instanceof ComposeError)
            throw e;
        return fallback(`unexpected output (${e instanceof Error ? e.message : String(e)})`);
    }
    if (opts.root !== undefined)
        await contain(opts.root, project);
    const differ = differences(own, project);
    return {
        project,
        source: 'compose config',
        tool,
        notes: differ.length > 0
            ? [`${name} and the built-in reader differ on ${differ.join(', ')}; using ${name}`]
            : []
    };
}
function configCommandName(tool) {
    return `${[tool.cmd, ...tool.prefix].join(' ')} config`;
}
const resolve_isMapping = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * The project from compose's normalized model (both flavors print the same shape: contexts
 * absolute, `dockerfile` relative to the context, args a mapping). The selection follows the
 * built-in reader, which already checked the services asked for: v2 leaves out services of
 * inactive profiles itself; v1 prints every service with its profiles.
 */
function fromConfig(doc, own, tool, opts) {
    if (!resolve_isMapping(doc) || !resolve_isMapping(doc.services))
        throw new Error('no services mapping');
    const services = doc.services;
    const wanted = opts.services && opts.services.length > 0 ? [...new Set(opts.services)] : null;
    // The built-in reader applied profiles and the services asked for; compose decides the rest.
    const names = wanted ?? own.services.map(s => s.name);
    const ownByName = new Map(own.services.map(s => [s.name, s]));
    const out = [];
    for (const name of names) {
        const svc = services[name];
        if (!resolve_isMapping(svc) || !resolve_isMapping(svc.build)) {
            throw new Error(`services.${name}.build missing`);
        }
        out.push(service(name, svc, svc.build, tool.flavor, ownByName.get(name)));
    }
    // A service only compose builds (an `include:`d file, a profile the reader read otherwise).
    if (!wanted) {
        for (const [name, svc] of Object.entries(services)) {
            if (ownByName.has(name) || !resolve_isMapping(svc) || !resolve_isMapping(svc.build))
                continue;
            const profiles = Array.isArray(svc.profiles) ? svc.profiles : [];
            // v1 prints services of inactive profiles too; those the reader left out stay out.
            if (tool.flavor === 'v1' && profiles.length > 0)
                continue;
            out.push(service(name, svc, svc.build, tool.flavor, undefined));
        }
    }
    const name = tool.flavor === 'v2' && typeof doc.name === 'string' && doc.name ? doc.name : own.name;
    return { file: own.file, dir: own.dir, name, services: out };
}
function service(name, svc, build, flavor, own) {
    const where = `services.${name}.build`;
    if (typeof build.context !== 'string' || !(0,external_node_path_.isAbsolute)(build.context)) {
        throw new Error(`${where}.context is not an absolute path`);
    }
    const context = (0,external_node_path_.resolve)(build.context);
    const dockerfile = (0,external_node_path_.resolve)(context, typeof build.dockerfile === 'string' && build.dockerfile ? build.dockerfile : 'Dockerfile');
    const args = {};
    if (resolve_isMapping(build.args)) {
        for (const [k, v] of Object.entries(build.args)) {
            // An arg named without a value and unset: v2 prints null, v1 prints ''. Both mean "not
            // passed"; v1's '' is told from a real '' by the reader, which kept the one it read.
            if (v === null || v === undefined)
                continue;
            if (flavor === 'v1' && v === '' && own && !(k in own.args))
                continue;
            args[k] = resolve_text(v);
        }
    }
    const list = (v) => Array.isArray(v) ? v.map(resolve_text) : typeof v === 'string' ? [resolve_text(v)] : [];
    return {
        name,
        context,
        dockerfile,
        args,
        target: typeof build.target === 'string' && build.target ? resolve_text(build.target) : null,
        image: typeof svc.image === 'string' && svc.image ? resolve_text(svc.image) : null,
        cacheFrom: list(build.cache_from)
    };
}
/**
 * A value as the build gets it. `config` prints a file compose can read again, so a literal `$`
 * comes out escaped as `$$` (seen with docker-compose 1.29: `'v$${X}'` for the value `v${X}`).
 */
function resolve_text(v) {
    return String(v).replace(/\$\$/g, '$');
}
/** Compose resolved the paths itself: they must stay inside the root as the reader's did. */
async function contain(root, project) {
    const realRoot = await (0,promises_.realpath)(root).catch(() => (0,external_node_path_.resolve)(root));
    for (const svc of project.services) {
        for (const [what, path] of [
            ['context', svc.context],
            ['dockerfile', svc.dockerfile]
        ]) {
            const real = await (0,promises_.realpath)(path).catch(() => path);
            if ((0,paths/* escapesRoot */.X8)((0,external_node_path_.resolve)(root), path) || (0,paths/* escapesRoot */.X8)(realRoot, real)) {
                throw new ComposeError(project.file, `services.${svc.name}.build.${what}: ${(0,text_safety/* visible */.RK)(path)} is outside ${root}: refused`);
            }
        }
    }
}
/** Which fields of which services the two readings disagree on, e.g. `web.args`. */
function differences(a, b) {
    const out = [];
    if (a.name !== b.name)
        out.push('the project name');
    const byName = new Map(b.services.map(s => [s.name, s]));
    const names = new Set([...a.services.map(s => s.name), ...byName.keys()]);
    for (const name of names) {
        const x = a.services.find(s => s.name === name);
        const y = byName.get(name);
        if (!x || !y) {
            out.push(`whether ${name} builds`);
            continue;
        }
        for (const key of ['context', 'dockerfile', 'args', 'target', 'image', 'cacheFrom']) {
            if (JSON.stringify(sorted(x[key])) !== JSON.stringify(sorted(y[key])))
                out.push(`${name}.${key}`);
        }
    }
    return out;
}
function sorted(v) {
    return resolve_isMapping(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
        : v;
}

;// CONCATENATED MODULE: ./src/compose/index.ts






/***/ }),

/***/ 4358:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   composeGuardOptions: () => (/* binding */ composeGuardOptions)
/* harmony export */ });
/* unused harmony export perServiceState */
/* harmony import */ var _compose_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2836);
/* harmony import */ var _record_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7212);


/** The guard options for each service of the compose file (see the module comment). */
async function composeGuardOptions(compose, base, env, deps = {}) {
    // The workspace root the action contains compose paths in, where the request carries one.
    const root = compose.root;
    const resolved = await (0,_compose_index_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveComposeProject */ .mH)(compose.file, {
        env,
        services: compose.services,
        docker: base.docker,
        ...(typeof root === 'string' ? { root } : {}),
        ...(deps.tool !== undefined ? { tool: deps.tool } : {})
    });
    for (const note of resolved.notes)
        deps.progress?.(note);
    const project = resolved.project;
    let flavor = deps.flavor ?? resolved.tool?.flavor ?? null;
    if (flavor === null && project.services.some(s => s.image === null)) {
        flavor = (await (0,_compose_index_js__WEBPACK_IMPORTED_MODULE_0__/* .detectCompose */ .ib)({ docker: base.docker, env }))?.flavor ?? 'v2';
    }
    const shared = sharedBuilds(project.services, base.target);
    return project.services.map(svc => {
        const target = svc.target ?? base.target;
        const tag = svc.image ?? (0,_compose_index_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultImageName */ .eo)(project.name, svc.name, flavor ?? 'v2');
        let state = null;
        if (base.state !== null)
            state = perServiceState(base.state, svc.name);
        else if (shared.has(buildKey(svc, base.target))) {
            state = perServiceState((0,_record_index_js__WEBPACK_IMPORTED_MODULE_1__/* .defaultStatePath */ .K0)({
                context: svc.context,
                file: svc.dockerfile,
                target: target ?? undefined,
                env
            }), svc.name);
        }
        const options = {
            ...base,
            context: svc.context,
            file: svc.dockerfile,
            state,
            tags: [tag],
            buildArgs: { ...svc.args, ...base.buildArgs },
            secretArgs: [...base.secretArgs],
            cacheFrom: [...new Set([...svc.cacheFrom, ...base.cacheFrom])],
            target,
            image: tag
        };
        return { service: svc.name, options };
    });
}
/** `state.json` -> `state.web.json`; `state` -> `state.web.json`. */
function perServiceState(path, service) {
    const safe = service.replace(/[^A-Za-z0-9._-]+/g, '-');
    return path.endsWith('.json') ? `${path.slice(0, -5)}.${safe}.json` : `${path}.${safe}.json`;
}
function buildKey(svc, fallbackTarget) {
    return `${svc.context}\0${svc.dockerfile}\0${svc.target ?? fallbackTarget ?? ''}`;
}
/** Build keys used by more than one service (their default records would collide). */
function sharedBuilds(services, target) {
    const seen = new Set();
    const shared = new Set();
    for (const s of services) {
        const k = buildKey(s, target);
        if (seen.has(k))
            shared.add(k);
        seen.add(k);
    }
    return shared;
}


/***/ })

};
