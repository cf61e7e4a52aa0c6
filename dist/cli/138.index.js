export const id = 138;
export const ids = [138,196];
export const modules = {

/***/ 9715:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ fileSignature),
/* harmony export */   VQ: () => (/* binding */ formatMode),
/* harmony export */   Xo: () => (/* binding */ compareBytes),
/* harmony export */   fG: () => (/* binding */ hashEntries),
/* harmony export */   wz: () => (/* binding */ signatureSize)
/* harmony export */ });
/* unused harmony exports entrySignature, sortedByBytes */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_bytes_path_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8203);


/**
 * What BuildKit's cache key covers for one entry apart from its name, as one line: type,
 * permission bits, and the content (or symlink target) digest. Never mtime, never uid/gid.
 */
function entrySignature(e) {
    return `${e.type} ${formatMode(e.mode)} ${e.digest ?? '-'}`;
}
/** `0644`-style permission bits. */
function formatMode(mode) {
    return (mode & 0o7777).toString(8).padStart(4, '0');
}
/**
 * sha256 over the entries' signatures and names, in path byte order. Used for the context hash
 * (all entries) and for each step's source hash (the entries that step selects). Each name is
 * JSON-quoted, so names with spaces or newlines cannot collide with another entry's line.
 */
function hashEntries(entries) {
    // The walk returns entries sorted and step selections keep that order: check, do not re-sort.
    const sorted = sortedByBytes(entries)
        ? entries
        : [...entries].sort((a, b) => compareBytes(a.path, b.path));
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    // JSON quoting is one to one on name strings, and name strings are one to one on the bytes
    // on disk (a byte that is not UTF-8 is quoted as its own \udcXX escape): the hash covers the
    // names as Docker sends them.
    for (const e of sorted)
        h.update(`${entrySignature(e)} ${JSON.stringify(e.path)}\n`);
    return `sha256:${h.digest('hex')}`;
}
// UTF-16 order equals UTF-8 byte order for strings without surrogates or U+E000-U+FFFF.
const ABOVE_SURROGATES = /[\uD800-\uFFFF]/;
/** The entries are in path byte order (ties allowed), checked in one pass. */
function sortedByBytes(entries) {
    for (let i = 1; i < entries.length; i++) {
        const a = entries[i - 1].path;
        const b = entries[i].path;
        if (a <= b && !ABOVE_SURROGATES.test(a) && !ABOVE_SURROGATES.test(b))
            continue;
        if (compareBytes(a, b) > 0)
            return false;
    }
    return true;
}
/** Byte-order comparison of paths, the same on every machine and locale. */
function compareBytes(a, b) {
    return Buffer.compare((0,_util_bytes_path_js__WEBPACK_IMPORTED_MODULE_1__/* .pathToBytes */ .iJ)(a), (0,_util_bytes_path_js__WEBPACK_IMPORTED_MODULE_1__/* .pathToBytes */ .iJ)(b));
}
/**
 * The record's per-entry signature: what BuildKit's key covers plus the size, which lets a stale
 * file be explained as a same-size edit (the case Docker's size+mtime shortcut misses).
 */
function fileSignature(e) {
    return `${entrySignature(e)} ${e.size}`;
}
/** The size a fileSignature recorded, or null for a signature without one. */
function signatureSize(signature) {
    const parts = signature.split(' ');
    if (parts.length < 4)
        return null;
    const size = Number(parts[3]);
    return Number.isSafeInteger(size) ? size : null;
}


/***/ }),

/***/ 6748:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aR: () => (/* binding */ readLayerEntries),
/* harmony export */   h4: () => (/* binding */ scanLayer),
/* harmony export */   qr: () => (/* binding */ normalizeLayerPath)
/* harmony export */ });
/* unused harmony export LayerScan */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4177);
/* harmony import */ var _save_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2751);
/* harmony import */ var _util_bytes_path_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8203);
/**
 * The byte proof: what a given layer of an image holds at given paths.
 *
 * `docker save` is streamed once. Every layer tar is hashed as it passes (its sha256 is the
 * layer's diffId, since save writes layers uncompressed) and parsed at the same time; only the
 * wanted paths are recorded and only their file bodies are hashed, so memory stays bounded by
 * the number of wanted paths. Reading the step's OWN layer means later steps that rewrite or
 * delete a file cannot hide what the COPY wrote.
 */




/** `/app/x/`, `./app/x`, `app/x` all become `app/x`. */
function normalizeLayerPath(p) {
    return p.replace(/^(\.?\/)+/, '').replace(/\/+$/, '');
}
const sha256 = (data) => 'sha256:' + (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex');
/** Collects the wanted paths of one layer tar, entry by entry. */
class LayerScan {
    wanted;
    found = new Map();
    whiteouts = [];
    /**
     * Wanted names that are not valid UTF-8, by the lossy form tar-stream gives them (it decodes
     * PAX `path` records as UTF-8, each stray byte becoming U+FFFD), and how often each lossy form
     * occurs in this layer: one entry is that name; two mean the layer cannot tell them apart, so
     * the path proves nothing (`other`), never the bytes of its neighbour.
     */
    lossy = new Map();
    lossySeen = new Map();
    constructor(wanted) {
        this.wanted = wanted;
        for (const w of wanted) {
            if ((0,_util_bytes_path_js__WEBPACK_IMPORTED_MODULE_3__/* .hasEscapedBytes */ .Bz)(w))
                this.lossy.set((0,_util_bytes_path_js__WEBPACK_IMPORTED_MODULE_3__/* .pathToBytes */ .iJ)(w).toString('utf8'), w);
        }
    }
    covers(path) {
        for (const w of this.wanted)
            if (w === path || w.startsWith(path + '/'))
                return true;
        return false;
    }
    async onEntry(header, body) {
        const path = normalizeLayerPath(header.name);
        const slash = path.lastIndexOf('/');
        const base = path.slice(slash + 1);
        if (base.startsWith('.wh.')) {
            // `.wh..wh..opq` only hides lower content of a dir this layer recreates: nothing to record.
            if (base !== '.wh..wh..opq') {
                const target = path.slice(0, slash + 1) + base.slice(4);
                if (this.covers(target))
                    this.whiteouts.push(target);
            }
            return;
        }
        const named = this.lossy.get(path);
        if (named !== undefined) {
            const seen = (this.lossySeen.get(path) ?? 0) + 1;
            this.lossySeen.set(path, seen);
            if (seen > 1) {
                this.found.set(named, { type: 'other', mode: 0 });
                return;
            }
            return this.record(named, header, body);
        }
        if (!this.wanted.has(path))
            return;
        return this.record(path, header, body);
    }
    async record(path, header, body) {
        const mode = (header.mode ?? 0) & 0o7777;
        switch (header.type) {
            case 'file':
            case 'contiguous-file': {
                const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
                for await (const chunk of body)
                    hash.update(chunk);
                this.found.set(path, {
                    type: 'file',
                    mode,
                    size: header.size ?? 0,
                    digest: 'sha256:' + hash.digest('hex')
                });
                return;
            }
            case 'directory':
                this.found.set(path, { type: 'dir', mode });
                return;
            case 'symlink': {
                const target = header.linkname ?? '';
                this.found.set(path, { type: 'symlink', mode, linkTarget: target, digest: sha256(target) });
                return;
            }
            case 'link': {
                // A hard link's bytes sit in an earlier entry of the same layer.
                const to = normalizeLayerPath(header.linkname ?? '');
                const prior = this.found.get(to);
                this.found.set(path, {
                    type: 'file',
                    mode,
                    hardlinkTo: to,
                    digest: prior?.digest,
                    size: prior?.size
                });
                return;
            }
            default:
                this.found.set(path, { type: 'other', mode });
        }
    }
    result() {
        const out = new Map();
        for (const p of this.wanted) {
            const hit = this.found.get(p);
            if (hit)
                out.set(p, hit);
            else if (this.whiteouts.some(w => p === w || p.startsWith(w + '/')))
                out.set(p, { type: 'whiteout', mode: 0 });
            else
                out.set(p, { type: 'missing', mode: 0 });
        }
        return out;
    }
}
/** Hashes a layer tar while scanning it; the hash is the diffId of an uncompressed layer. */
async function scanLayer(body, wanted) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    const scan = new LayerScan(wanted);
    const walker = new _save_js__WEBPACK_IMPORTED_MODULE_2__/* .TarWalker */ .C((h, b) => scan.onEntry(h, b));
    for await (const chunk of body) {
        hash.update(chunk);
        await walker.write(chunk);
    }
    const failed = await walker.end();
    return { diffId: 'sha256:' + hash.digest('hex'), entries: failed ? null : scan.result() };
}
/** Entries of `docker save` output that may be a layer tar (v1 layout and OCI layout). */
function isLayerCandidate(name) {
    return name.endsWith('/layer.tar') || /^blobs\/sha256\/[0-9a-f]{64}$/.test(name);
}
/**
 * Reads the wanted paths of the wanted layers of `imageRef` in one `docker save` pass (stopping
 * once all were seen). Throws a DockerError when a wanted diffId is not in the image.
 */
async function readLayerEntries(exec, imageRef, wanted) {
    const byDiff = new Map();
    for (const w of wanted) {
        const set = byDiff.get(w.diffId) ?? new Set();
        for (const p of w.paths)
            set.add(normalizeLayerPath(p));
        byDiff.set(w.diffId, set);
    }
    const out = new Map();
    if (byDiff.size === 0)
        return out;
    // We learn a layer's diffId only after its last byte, so every layer is scanned for the
    // union of wanted paths and kept only if its hash is wanted.
    const union = new Set([...byDiff.values()].flatMap(s => [...s]));
    await (0,_save_js__WEBPACK_IMPORTED_MODULE_2__/* .walkImageSave */ .y)(exec, imageRef, async (name, _size, body) => {
        if (!isLayerCandidate(name))
            return false;
        const { diffId, entries } = await scanLayer(body, union);
        const paths = byDiff.get(diffId);
        if (paths && entries && !out.has(diffId)) {
            out.set(diffId, new Map([...entries].filter(([p]) => paths.has(p))));
        }
        return out.size === byDiff.size;
    });
    const absent = [...byDiff.keys()].filter(d => !out.has(d));
    if (absent.length > 0) {
        throw new _exec_js__WEBPACK_IMPORTED_MODULE_1__/* .DockerError */ .Bi(`layer ${absent.join(', ')} not found in docker save ${imageRef}`);
    }
    return out;
}


/***/ }),

/***/ 2751:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ TarWalker),
/* harmony export */   y: () => (/* binding */ walkImageSave)
/* harmony export */ });
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6118);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4177);
/**
 * Streams `docker save <ref>` through a tar parser, one entry at a time, without writing it to
 * disk or holding it in memory. A visitor may stop the walk early (the process is then killed).
 */


/**
 * A tar parser fed chunk by chunk (so the feeder can hash the same bytes), handing entries
 * to `onEntry` one at a time. A malformed stream ends the walk with `failed` set, not a throw.
 */
class TarWalker {
    extract = tar_stream__WEBPACK_IMPORTED_MODULE_0__.extract();
    done;
    failed = null;
    constructor(onEntry) {
        this.done = (async () => {
            try {
                for await (const entry of this.extract) {
                    await onEntry(entry.header, entry);
                    // tar-stream's iterator never settles once destroyed mid-entry: leave by hand.
                    if (this.extract.destroyed)
                        break;
                    entry.resume();
                }
            }
            catch (e) {
                this.failed = e instanceof Error ? e : new Error(String(e));
            }
        })();
    }
    get stopped() {
        return this.failed !== null || this.extract.destroyed;
    }
    async write(chunk) {
        if (this.stopped)
            return;
        if (this.extract.write(chunk))
            return;
        await new Promise(resolve => {
            const finish = () => {
                this.extract.off('drain', finish);
                this.extract.off('close', finish);
                resolve();
            };
            this.extract.on('drain', finish);
            this.extract.on('close', finish);
        });
    }
    /** Ends the input and waits for the last entry; returns the parse error, if any. */
    async end() {
        if (!this.stopped)
            this.extract.end(null);
        await this.done;
        return this.failed;
    }
    /** Stops parsing; later writes are ignored. */
    stop() {
        this.extract.destroy(null);
    }
}
/**
 * Visits every entry of `docker save <ref>` in stream order. Throws a DockerError when the save
 * fails (unknown image, daemon gone) unless the visitor stopped the walk first.
 */
async function walkImageSave(exec, ref, visit) {
    const abort = new AbortController();
    let stoppedByVisitor = false;
    const walker = new TarWalker(async (header, body) => {
        if (stoppedByVisitor)
            return;
        const name = header.name.replace(/^\.\//, '');
        if (await visit(name, header.size ?? 0, body)) {
            stoppedByVisitor = true;
            walker.stop();
            abort.abort();
        }
    });
    const args = ['save', ref];
    const result = await exec(args, {
        signal: abort.signal,
        maxCapture: 64 * 1024,
        onStdout: chunk => walker.write(chunk)
    });
    const parseError = await walker.end();
    if (stoppedByVisitor)
        return;
    if (result.code !== 0)
        throw (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .commandError */ .yE)(args, result);
    if (parseError)
        throw new _exec_js__WEBPACK_IMPORTED_MODULE_1__/* .DockerError */ .Bi(`docker save ${ref}: unreadable output: ${parseError.message}`);
}


/***/ }),

/***/ 3990:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mZ: () => (/* reexport */ destinationFor),
  g7: () => (/* reexport */ hashSteps),
  xB: () => (/* reexport */ neededStages),
  n_: () => (/* reexport */ readDockerfile),
  Ap: () => (/* reexport */ resolveLinks),
  nn: () => (/* reexport */ selectSources),
  xZ: () => (/* reexport */ sourceSpec),
  hG: () => (/* reexport */ under)
});

// UNUSED EXPORTS: DockerfileError

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __webpack_require__(8390);
// EXTERNAL MODULE: ./src/dockerfile/match.ts
var match = __webpack_require__(3239);
// EXTERNAL MODULE: ./src/util/error.ts
var error = __webpack_require__(7610);
;// CONCATENATED MODULE: ./src/dockerfile/words.ts
/**
 * Shell-word handling the way BuildKit's `shell.Lex` treats a Dockerfile word: quotes removed,
 * the escape character honoured, `$VAR` / `${VAR}` / `${VAR:-x}` / `${VAR-x}` / `${VAR:+x}` /
 * `${VAR+x}` / `${VAR:?x}` expanded from a variable map, and the pattern modifiers of the
 * current Dockerfile syntax (`${VAR#p}`, `${VAR##p}`, `${VAR%p}`, `${VAR%%p}`, `${VAR/p/r}`,
 * `${VAR//p/r}`, `p` a shell glob; the 20.10 daemon's RUN runs them in the shell, verified).
 * Unset variables expand to ''.
 * dockerfile-ast splits arguments on whitespace without regard to quotes (`"a b"` becomes two
 * arguments), so instructions' argument text is split with `splitWords` instead.
 */

/**
 * How deep `${a:-${b:-…}}` may nest. The lexer recurses once per level and would overflow the
 * stack in the thousands; real Dockerfiles nest two or three deep.
 */
const MAX_NESTING = 128;
/** Raised for a malformed word; the reader turns it into a DockerfileError with the line. */
class WordError extends error/* NamedError */.iK {
}
/**
 * Splits argument text into words on unquoted whitespace, keeping quotes and escapes in each
 * word for `expandWord`.
 */
function splitWords(text, escape) {
    const words = [];
    let cur = '';
    let quote = null;
    let inWord = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quote === null && /\s/.test(ch)) {
            if (inWord)
                words.push(cur);
            cur = '';
            inWord = false;
            continue;
        }
        inWord = true;
        cur += ch;
        if (ch === escape && quote !== "'" && i + 1 < text.length) {
            cur += text[++i];
        }
        else if (quote === null && (ch === '"' || ch === "'")) {
            quote = ch;
        }
        else if (ch === quote) {
            quote = null;
        }
    }
    if (inWord)
        words.push(cur);
    return words;
}
/** Expands one word: variables substituted, quotes and escapes removed. */
function expandWord(word, vars, escape = '\\') {
    const lex = new Lexer(word, vars, escape, false);
    const out = lex.process('');
    if (lex.pos < word.length)
        throw new WordError(`unexpected '${word[lex.pos]}' in ${JSON.stringify(word)}`);
    return out;
}
/**
 * A RUN's text as BuildKit prints it in the build log: variables expanded, quotes kept, unset
 * variables left as written (its lexer's RawQuotes and SkipUnsetEnv modes; verified on 20.10:
 * `RUN echo "$SRC  two" 'q $DIR'` prints `RUN echo "a  two" 'q $DIR'`).
 */
function expandRaw(word, vars, escape = '\\') {
    const lex = new Lexer(word, vars, escape, true);
    const out = lex.process('');
    if (lex.pos < word.length)
        throw new WordError(`unexpected '${word[lex.pos]}' in ${JSON.stringify(word)}`);
    return out;
}
class Lexer {
    s;
    vars;
    escape;
    raw;
    pos = 0;
    depth = 0;
    constructor(s, vars, escape, 
    /** Keep quotes and unset variables as written (BuildKit's printed RUN). */
    raw) {
        this.s = s;
        this.vars = vars;
        this.escape = escape;
        this.raw = raw;
    }
    /** Reads until `stop` (not consumed) or the end. */
    process(stop) {
        let out = '';
        while (this.pos < this.s.length) {
            const ch = this.s[this.pos];
            if (stop !== '' && ch === stop)
                return out;
            this.pos++;
            if (ch === this.escape) {
                // A trailing escape stays literal, as BuildKit keeps it.
                out += this.pos < this.s.length ? this.s[this.pos++] : ch;
            }
            else if (ch === "'") {
                const end = this.s.indexOf("'", this.pos);
                if (end < 0)
                    throw new WordError(`unterminated single quote in ${JSON.stringify(this.s)}`);
                out += this.raw ? this.s.slice(this.pos - 1, end + 1) : this.s.slice(this.pos, end);
                this.pos = end + 1;
            }
            else if (ch === '"') {
                out += this.raw ? `"${this.doubleQuoted()}"` : this.doubleQuoted();
            }
            else if (ch === '$') {
                out += this.dollar();
            }
            else {
                out += ch;
            }
        }
        return out;
    }
    doubleQuoted() {
        let out = '';
        while (this.pos < this.s.length) {
            const ch = this.s[this.pos++];
            if (ch === '"')
                return out;
            if (ch === this.escape &&
                this.pos < this.s.length &&
                ['"', '$', this.escape].includes(this.s[this.pos])) {
                out += this.s[this.pos++];
            }
            else if (ch === '$') {
                out += this.dollar();
            }
            else {
                out += ch;
            }
        }
        throw new WordError(`unterminated double quote in ${JSON.stringify(this.s)}`);
    }
    /** After a `$`. */
    dollar() {
        const next = this.s[this.pos];
        if (next === '{') {
            this.pos++;
            return this.braced();
        }
        const name = this.name();
        if (name === '')
            return '$';
        return this.vars.get(name) ?? (this.raw ? `$${name}` : '');
    }
    name() {
        // BuildKit: a leading digit is a one-character (positional) name.
        if (/[0-9]/.test(this.s[this.pos] ?? ''))
            return this.s[this.pos++];
        const m = /^[A-Za-z0-9_]*/.exec(this.s.slice(this.pos));
        const name = m ? m[0] : '';
        this.pos += name.length;
        return name;
    }
    braced() {
        const name = this.name();
        if (name === '')
            throw new WordError(`bad substitution in ${JSON.stringify(this.s)}`);
        const start = this.pos - name.length - 2;
        const value = this.vars.get(name);
        if (this.s[this.pos] === '}') {
            this.pos++;
            return value ?? (this.raw ? `\${${name}}` : '');
        }
        if (this.pos >= this.s.length)
            throw new WordError(`missing '}' in ${JSON.stringify(this.s)}`);
        let op = this.s[this.pos];
        this.pos++;
        const colon = op === ':';
        if (colon)
            op = this.s[this.pos++] ?? '';
        else if ((op === '#' || op === '%' || op === '/') && this.s[this.pos] === op) {
            this.pos++;
            op += op;
        }
        if (!['-', '+', '?', '#', '##', '%', '%%', '/', '//'].includes(op) || (colon && op.length > 1))
            throw new WordError(`unsupported modifier in ${JSON.stringify(this.s)}`);
        if (colon && !['-', '+', '?'].includes(op))
            throw new WordError(`unsupported modifier in ${JSON.stringify(this.s)}`);
        if (++this.depth > MAX_NESTING) {
            throw new WordError(`variable substitutions too deeply nested to read (more than ${MAX_NESTING} levels of \${)`);
        }
        const isPattern = op[0] === '#' || op[0] === '%' || op[0] === '/';
        const word = this.process(op[0] === '/' ? '/' : '}');
        let replacement = '';
        if (op[0] === '/' && this.s[this.pos] === '/') {
            this.pos++;
            replacement = this.process('}');
        }
        this.depth--;
        if (this.s[this.pos] !== '}')
            throw new WordError(`missing '}' in ${JSON.stringify(this.s)}`);
        this.pos++;
        if (isPattern) {
            if (value === undefined)
                return this.raw ? this.s.slice(start, this.pos) : '';
            return applyPattern(value, op, word, replacement);
        }
        // With ':' an empty value counts as unset, as in POSIX shells.
        const set = value !== undefined && (!colon || value !== '');
        if (op === '-')
            return set ? value : word;
        if (op === '+')
            return set ? word : '';
        if (!set)
            throw new WordError(`${name}: ${word || 'is not allowed to be unset'}`);
        return value;
    }
}
/** A shell glob (`*`, `?`, `[...]`, `\\x`) as a RegExp source. */
function globSource(pattern) {
    let re = '';
    for (let i = 0; i < pattern.length; i++) {
        const ch = pattern[i];
        if (ch === '*')
            re += '[\\s\\S]*';
        else if (ch === '?')
            re += '[\\s\\S]';
        else if (ch === '\\' && i + 1 < pattern.length)
            re += escapeRe(pattern[++i]);
        else if (ch === '[') {
            const end = pattern.indexOf(']', i + 2);
            if (end < 0)
                re += '\\[';
            else {
                const body = pattern.slice(i + 1, end);
                re += `[${body.startsWith('!') || body.startsWith('^') ? '^' + body.slice(1) : body}]`;
                i = end;
            }
        }
        else
            re += escapeRe(ch);
    }
    return re;
}
function escapeRe(ch) {
    return ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
/** `#`/`##` cut the shortest/longest matching prefix, `%`/`%%` the suffix, `/`/`//` replace. */
function applyPattern(value, op, pattern, replacement) {
    const src = globSource(pattern);
    const lazy = src.replace(/\[\\s\\S\]\*/g, '[\\s\\S]*?');
    switch (op) {
        case '#':
            return value.replace(new RegExp(`^${lazy}`), '');
        case '##':
            return value.replace(new RegExp(`^${src}`), '');
        case '%': {
            // The shortest suffix: try from the end.
            for (let i = value.length; i >= 0; i--)
                if (new RegExp(`^${src}$`).test(value.slice(i)))
                    return value.slice(0, i);
            return value;
        }
        case '%%': {
            for (let i = 0; i <= value.length; i++)
                if (new RegExp(`^${src}$`).test(value.slice(i)))
                    return value.slice(0, i);
            return value;
        }
        case '/':
            return pattern === '' ? value : value.replace(new RegExp(src), () => replacement);
        default:
            return pattern === '' ? value : value.replace(new RegExp(src, 'g'), () => replacement);
    }
}

// EXTERNAL MODULE: ./src/util/build-arg.ts
var build_arg = __webpack_require__(6449);
;// CONCATENATED MODULE: ./src/dockerfile/read.ts






/*
 * Reads a Dockerfile into the steps that read the build context, numbered as BuildKit prints them.
 *
 * BuildKit's `[stage i/n]` counting, read from moby/buildkit dockerfile2llb and verified on the
 * daemon here (Docker 20.10.24, BuildKit v0.8 built-in frontend):
 *   - only FROM, RUN, COPY, ADD and WORKDIR count; ENV, ARG, LABEL, USER, EXPOSE, CMD, comments do
 *     not (`FROM; ENV; ARG; WORKDIR; LABEL; COPY; RUN; COPY; STOPSIGNAL; EXPOSE; RUN` prints 1..6/6);
 *   - FROM counts (as 1) only for an image base: `FROM scratch` and `FROM <earlier stage>` print no
 *     step, so the stage's first COPY is `1/n` (`[stage-2 1/1] COPY --from=1 /out /x`);
 *   - the name is the AS name lowercased (`AS Upper` prints `[upper 1/12]`), else `stage-N`;
 *     a Dockerfile with one stage prints no name at all (`[2/3]`), even with `AS`;
 *   - the index is right-aligned to the width of n: `[upper  1/12]`;
 *   - the printed instruction has variables expanded and quotes removed
 *     (`COPY $SRC ${DIR}/` prints `COPY src /d/`, `COPY ["sp ace", "/sp/"]` prints `COPY [sp ace, /sp/]`);
 *     `instruction` here stays as written, continuations joined as BuildKit joins them;
 *   - ONBUILD triggers of a local base image (given by `onBuild`) run right after FROM: they take
 *     the next indexes, yet n stays the stage's own count (`[2/3] COPY . /app/` (trigger),
 *     `[3/3] RUN echo trig` (trigger), `[4/3] RUN echo child`), and each writes a history entry.
 * The 20.10 built-in frontend rejects heredocs, --link, --parents and --exclude; they follow the
 * current Dockerfile reference (`# syntax=docker/dockerfile:1`).
 *
 * dockerfile-ast supplies instruction boundaries (continuations, comments, heredoc bodies), the
 * `# escape=` directive and ENV properties. Its gaps, worked around here: it splits arguments on
 * whitespace ignoring quotes, its JSON strings drop spaces (`"sp ace"` -> `space`), its text joins
 * arguments with single spaces (BuildKit keeps the spacing), `ARG a b=1` yields only `a`, it
 * accepts unknown instructions and flags, files without FROM, and unterminated heredocs, and ADD's
 * heredocs are not in its typings. So words, flags and heredocs are read here from the lines.
 */
/** A malformed Dockerfile; the message is one line naming the file and line. */
class DockerfileError extends error/* FreshBuildError */.nz {
    file;
    line;
    detail;
    constructor(file, line, detail) {
        super(`${file}:${line}: ${detail}`);
        this.file = file;
        this.line = line;
        this.detail = detail;
    }
}
const KEYWORDS = new Set([
    'ADD',
    'ARG',
    'CMD',
    'COPY',
    'ENTRYPOINT',
    'ENV',
    'EXPOSE',
    'FROM',
    'HEALTHCHECK',
    'LABEL',
    'MAINTAINER',
    'ONBUILD',
    'RUN',
    'SHELL',
    'STOPSIGNAL',
    'USER',
    'VOLUME',
    'WORKDIR'
]);
/** Flags each instruction accepts in the current Dockerfile reference. */
const FLAGS = {
    FROM: new Set(['platform']),
    COPY: new Set(['from', 'chown', 'chmod', 'link', 'parents', 'exclude']),
    ADD: new Set(['chown', 'chmod', 'link', 'exclude', 'keep-git-dir', 'checksum', 'unpack']),
    RUN: new Set(['mount', 'network', 'security'])
};
/** Instructions that produce a BuildKit vertex and so a `[stage i/n]` line. */
const COUNTED = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);
const HEREDOC = /^(\d*)<<(-?)([^<]+)$/;
/** Reads a Dockerfile. Throws DockerfileError on malformed input. */
function readDockerfile(text, opts) {
    return new Reader(text, opts).read();
}
class Reader {
    opts;
    df;
    lines;
    escape;
    buildArgs;
    globals = new Map();
    declared = [];
    declaredSet = new Set();
    stageArgs = new Set();
    vertices = [];
    /** The base image whose ONBUILD trigger is being read, if one is. */
    trigger = null;
    stages = [];
    /** Stages by name; the first of a name wins, as a search from the start would find. */
    byName = new Map();
    steps = [];
    warnings = [];
    line = 1;
    /** Position among all instructions, for the legacy builder's `Step N/M`. */
    ordinal = 0;
    constructor(text, opts) {
        this.opts = opts;
        this.df = main.DockerfileParser.parse(text);
        this.lines = text.split('\n').map(l => l.replace(/\r$/, ''));
        this.escape = this.df.getEscapeCharacter();
        this.buildArgs = new Map(Object.entries(opts.buildArgs ?? {}));
    }
    read() {
        for (const ins of this.df.getInstructions())
            this.instruction(ins);
        if (this.stages.length === 0)
            this.fail('no FROM instruction');
        this.finishTotals();
        return {
            file: this.opts.file,
            stages: this.stages.map(({ name, index, base, line, total, deps, fromOrdinal, instructions }) => ({
                name,
                index,
                base,
                line,
                total,
                deps,
                fromOrdinal,
                instructions
            })),
            steps: this.steps,
            declaredArgs: this.declared,
            stageArgs: [...this.stageArgs],
            vertices: this.vertices,
            warnings: this.warnings
        };
    }
    fail(detail) {
        throw new DockerfileError(this.opts.file, this.line, detail);
    }
    expand(word, vars) {
        try {
            return expandWord(word, vars, this.escape);
        }
        catch (e) {
            if (e instanceof WordError)
                this.fail(e.message);
            throw e;
        }
    }
    instruction(ins) {
        const start = ins.getRange().start.line;
        this.line = start + 1;
        this.ordinal++;
        const keyword = ins.getKeyword();
        if (!KEYWORDS.has(keyword))
            this.fail(`unknown instruction: ${ins.getInstruction()}`);
        const logical = this.logicalLine(start);
        const rest = logical.text.slice(logical.text.search(/\s|$/)).trim();
        const stage = this.stages.at(-1);
        if (keyword === 'FROM')
            return this.from(rest);
        if (keyword === 'ARG') {
            if (stage)
                stage.instructions++;
            return this.arg(rest, stage);
        }
        if (stage === undefined)
            this.fail(`${keyword} before the first FROM`);
        this.dispatch(ins, keyword, rest, stage, start + 1, logical);
    }
    /** One instruction of a stage (its own, or an ONBUILD trigger read at the FROM's line). */
    dispatch(ins, keyword, rest, stage, line, logical) {
        stage.instructions++;
        if (keyword === 'ARG')
            return this.arg(rest, stage);
        if (COUNTED.has(keyword)) {
            stage.count++;
            if (this.trigger !== null)
                stage.triggerCount++;
        }
        const { flags, args } = keyword in FLAGS ? this.flags(keyword, rest) : { flags: [], args: rest };
        let endLine = logical ? logical.last + 1 : line;
        if (logical && (keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD')) {
            const heredocs = splitWords(args, this.escape).flatMap(w => heredocOf(w));
            endLine = this.heredocEnd(heredocs, logical.last) + 1;
        }
        const text = logical ? logical.text : `${keyword} ${rest}`;
        const at = { line, endLine, instruction: text };
        if (COUNTED.has(keyword))
            this.vertex(keyword, rest, stage, at);
        switch (keyword) {
            case 'ENV':
                return this.env(ins, stage);
            case 'WORKDIR':
                return this.workdir(args, stage);
            case 'RUN':
                return this.run(flags, stage, at);
            case 'COPY':
            case 'ADD':
                return this.copy(keyword, flags, args, stage, at);
        }
    }
    /**
     * The instruction's logical line as BuildKit builds it: the first line left-trimmed, then each
     * continuation with its escape (and trailing blanks) removed; comment and blank lines inside a
     * continuation are skipped. `last` is the 0-based index of its last physical line.
     */
    logicalLine(start) {
        const e = this.escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
        const cont = new RegExp(`([^${e}])${e}[ \\t]*$|^${e}[ \\t]*$`);
        let i = start;
        let text = '';
        let raw = this.lines[i].trimStart();
        for (;;) {
            const more = cont.test(raw);
            text += more ? raw.replace(cont, '$1') : raw;
            if (!more)
                break;
            do
                i++;
            while (i < this.lines.length && (/^\s*#/.test(this.lines[i]) || this.lines[i].trim() === ''));
            if (i >= this.lines.length)
                break;
            raw = this.lines[i];
        }
        return { text: text.trim(), last: Math.min(i, this.lines.length - 1) };
    }
    /** Last line (0-based) of the heredoc bodies that follow line `after`; fails if unterminated. */
    heredocEnd(heredocs, after) {
        let i = after;
        for (const h of heredocs) {
            for (;;) {
                i++;
                if (i >= this.lines.length)
                    this.fail(`unterminated heredoc <<${h.name}`);
                const l = h.stripTabs ? this.lines[i].replace(/^\t+/, '') : this.lines[i];
                if (l === h.name)
                    break;
            }
        }
        return i;
    }
    /** Leading `--name[=value]` words; the rest is the argument text (raw, for JSON detection). */
    flags(keyword, text) {
        const flags = [];
        let rest = text;
        while (rest.startsWith('--')) {
            const word = splitWords(rest, this.escape)[0];
            rest = rest.slice(word.length).trimStart();
            const eq = word.indexOf('=');
            const name = eq < 0 ? word.slice(2) : word.slice(2, eq);
            if (!FLAGS[keyword]?.has(name))
                this.fail(`unknown flag: --${name}`);
            flags.push([name, eq < 0 ? 'true' : word.slice(eq + 1)]);
        }
        return { flags, args: rest };
    }
    from(rest) {
        const { args } = this.flags('FROM', rest);
        const words = splitWords(args, this.escape);
        if (words.length !== 1 && !(words.length === 3 && words[1].toLowerCase() === 'as')) {
            this.fail('FROM requires an image and an optional AS name');
        }
        const base = this.expand(words[0], this.globals);
        if (base === '')
            this.fail(`base name (${words[0]}) should not be blank`);
        const index = this.stages.length;
        let name = `stage-${index}`;
        if (words.length === 3) {
            name = words[2].toLowerCase();
            if (!/^[a-z][a-z0-9\-_.]*$/.test(name))
                this.fail(`invalid stage name: ${words[2]}`);
            if (this.byName.has(name))
                this.fail(`duplicate stage name: ${name}`);
        }
        const parent = this.byName.get(base.toLowerCase());
        // A stage built on an earlier one inherits its ENV and WORKDIR, not its ARGs.
        const env = new Map(parent?.env);
        const stageArgs = new Map();
        const deps = parent ? [parent.name] : [];
        const stage = {
            name,
            index,
            base,
            line: this.line,
            total: 0,
            deps,
            depSet: new Set(deps),
            env,
            args: stageArgs,
            vars: { get: n => env.get(n) ?? stageArgs.get(n) },
            workdir: parent?.workdir ?? '/',
            knownDirs: new Set(parent?.knownDirs ?? ['/']),
            count: parent || base === 'scratch' ? 0 : 1,
            triggerCount: 0,
            fromOrdinal: this.ordinal,
            instructions: 1
        };
        this.stages.push(stage);
        if (!this.byName.has(name))
            this.byName.set(name, stage);
        if (!parent && base !== 'scratch')
            this.triggers(stage);
    }
    /** Stage totals are the final counts; steps learn theirs once the whole file is read. */
    finishTotals() {
        for (const s of this.stages)
            s.total = s.count - s.triggerCount;
        for (const step of this.steps)
            step.total = this.stages[step.stageIndex].total;
    }
    /**
     * The texts BuildKit may print for a vertex: the instruction word upper-cased, the rest
     * expanded by its lexer over the whole text (COPY/ADD/WORKDIR: quotes removed; RUN: quotes
     * kept, unset variables kept), verified on 20.10. Expanded before the instruction runs, so
     * WORKDIR and ENV of the same line do not apply yet.
     */
    vertex(keyword, rest, stage, at) {
        const printed = [];
        try {
            const body = keyword === 'RUN'
                ? expandRaw(rest, stage.vars, this.escape)
                : expandWord(rest, stage.vars, this.escape);
            printed.push(`${keyword} ${body}`);
        }
        catch {
            // BuildKit prints the text as written when its lexer fails.
        }
        printed.push(`${keyword} ${rest}`);
        const usesArgs = [...rest.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].some(m => stage.args.has(m[1] ?? '') || this.declaredSet.has(m[1] ?? ''));
        this.vertices.push({
            stage: stage.name,
            index: stage.count,
            line: at.line,
            instruction: at.instruction,
            printed: /^[A-Z]+ <<|\s<<-?["']?\w/.test(rest) ? [] : printed,
            usesArgs
        });
    }
    /**
     * The ONBUILD triggers of a local base image, read as if written right after the FROM (as
     * BuildKit runs them). A trigger that does not parse is left to the builder to refuse.
     */
    triggers(stage) {
        const list = this.opts.onBuild?.(stage.base) ?? [];
        for (const text of list) {
            const ins = main.DockerfileParser.parse(text).getInstructions()[0];
            if (ins === undefined)
                continue;
            const keyword = ins.getKeyword();
            if (!KEYWORDS.has(keyword) || ['FROM', 'ONBUILD', 'MAINTAINER'].includes(keyword))
                continue;
            const trimmed = text.trim();
            const rest = trimmed.slice(trimmed.search(/\s|$/)).trim();
            this.trigger = stage.base;
            try {
                this.dispatch(ins, keyword, rest, stage, stage.line, null);
            }
            finally {
                this.trigger = null;
            }
        }
    }
    /** `ARG a b=1`: dockerfile-ast reports only the first of several names, so words are read here. */
    arg(rest, stage) {
        const words = splitWords(rest, this.escape);
        if (words.length === 0)
            this.fail('ARG requires at least one argument');
        for (const word of words) {
            const eq = word.indexOf('=');
            const name = eq < 0 ? word : word.slice(0, eq);
            if (!(0,build_arg/* isBuildArgName */.S)(name))
                this.fail(`invalid ARG name: ${name}`);
            if (!this.declaredSet.has(name)) {
                this.declaredSet.add(name);
                this.declared.push(name);
            }
            const raw = eq < 0 ? null : word.slice(eq + 1);
            const given = this.buildArgs.get(name);
            if (stage === undefined) {
                const value = given ?? (raw === null ? undefined : this.expand(raw, this.globals));
                if (value !== undefined)
                    this.globals.set(name, value);
                continue;
            }
            this.stageArgs.add(name);
            // A stage ARG without default takes the global ARG's value.
            const value = given ?? (raw === null ? this.globals.get(name) : this.expand(raw, stage.vars));
            if (value !== undefined)
                stage.args.set(name, value);
        }
    }
    /** `ENV a=1 b=$a`: every value is expanded before any is set, so `b` sees the old `a` (Docker). */
    env(ins, stage) {
        const set = ins
            .getProperties()
            .map(p => [p.getName(), this.expand(p.getUnescapedValue() ?? '', stage.vars)]);
        for (const [name, value] of set)
            stage.env.set(name, value);
    }
    workdir(args, stage) {
        const words = splitWords(args, this.escape);
        if (words.length !== 1)
            this.fail('WORKDIR requires exactly one argument');
        const dir = this.expand(words[0], stage.vars);
        stage.workdir = external_node_path_.posix.resolve(stage.workdir, dir);
        addDirs(stage.knownDirs, stage.workdir);
    }
    base(stage, at) {
        return {
            stage: stage.name,
            stageIndex: stage.index,
            index: stage.count,
            total: stage.count,
            ordinal: this.ordinal,
            line: at.line,
            endLine: at.endLine,
            instruction: at.instruction,
            workdir: stage.workdir,
            position: stage.instructions,
            ...(this.trigger !== null ? { trigger: this.trigger } : {})
        };
    }
    run(flags, stage, at) {
        const vars = stage.vars;
        for (const [name, value] of flags) {
            if (name !== 'mount')
                continue;
            const opts = new Map();
            for (const part of this.expand(value, vars).split(',')) {
                const eq = part.indexOf('=');
                opts.set((eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase(), eq < 0 ? 'true' : part.slice(eq + 1));
            }
            if ((opts.get('type') ?? 'bind') !== 'bind')
                continue;
            const from = opts.get('from');
            const named = from === undefined ? undefined : this.namedContext(from);
            if (from !== undefined && named === undefined) {
                this.addDep(stage, from);
                continue;
            }
            const source = opts.get('source') ?? opts.get('src') ?? '.';
            this.steps.push({
                ...(named !== undefined ? { context: named } : {}),
                ...this.base(stage, at),
                keyword: 'RUN',
                sources: [(0,match/* cleanRel */.Hj)(source)],
                dest: null,
                excludes: [],
                parents: false,
                flags: { mount: this.expand(value, vars) },
                destIsDir: false
            });
        }
    }
    /**
     * The named context a `--from` / `from=` value reads, or undefined for a stage or an image. A
     * name that is also a stage is refused: which one the builder takes is not for us to guess.
     */
    namedContext(from) {
        const names = this.opts.namedContexts ?? [];
        if (!names.includes(from))
            return undefined;
        if (this.byName.has(from.toLowerCase())) {
            this.fail(`--from=${from} names both a stage and a named build context`);
        }
        return from;
    }
    /** Records a `--from` / `from=` dependency on an earlier stage (by name or index). */
    addDep(stage, from) {
        const ref = /^\d+$/.test(from) ? this.stages[Number(from)] : this.byName.get(from.toLowerCase());
        if (ref === undefined || ref === stage) {
            if (/^\d+$/.test(from))
                this.fail(`invalid stage index ${from}`);
            return; // an image reference, not a stage
        }
        if (!stage.depSet.has(ref.name)) {
            stage.depSet.add(ref.name);
            stage.deps.push(ref.name);
        }
    }
    copy(keyword, flagList, args, stage, at) {
        const vars = stage.vars;
        const flags = {};
        const excludes = [];
        for (const [name, value] of flagList) {
            const v = this.expand(value, vars);
            if (name === 'exclude')
                excludes.push(v);
            else
                flags[name] = v;
        }
        const words = this.copyArgs(args, vars);
        if (words.length < 2)
            this.fail(`${keyword} requires at least two arguments`);
        const dest = words[words.length - 1];
        const srcWords = words.slice(0, -1);
        // Several sources need a directory destination ending in `/` only with the legacy builder,
        // which says so itself; BuildKit builds `COPY a b .` (verified on 20.10).
        const destAbs = external_node_path_.posix.resolve(stage.workdir, dest);
        const destIsDir = dest.endsWith('/') || dest === '.' || dest === '' || stage.knownDirs.has(destAbs);
        if (destIsDir || srcWords.length > 1)
            addDirs(stage.knownDirs, destAbs);
        else
            addDirs(stage.knownDirs, external_node_path_.posix.dirname(destAbs));
        const named = flags.from === undefined ? undefined : this.namedContext(flags.from);
        if (flags.from !== undefined && named === undefined) {
            this.addDep(stage, flags.from);
            return;
        }
        delete flags.from;
        const parents = flags.parents !== undefined && flags.parents !== 'false';
        delete flags.parents;
        const sources = [];
        for (const src of srcWords) {
            if (heredocOf(src).length > 0)
                continue; // inline content, not from the context
            if (keyword === 'ADD' && isGitRef(src)) {
                this.warnings.push({
                    line: at.line,
                    message: `ADD of a git repository (${src}) cannot be hashed`
                });
            }
            else if (keyword === 'ADD' && /^https?:\/\//i.test(src)) {
                this.warnings.push({ line: at.line, message: `ADD of a URL (${src}) cannot be hashed` });
            }
            else {
                if (keyword === 'ADD' && isArchiveName(src)) {
                    this.warnings.push({
                        line: at.line,
                        message: `ADD unpacks local archives (${src}): its files cannot be located in the layer`
                    });
                }
                sources.push(cleanSource(src, parents));
            }
        }
        if (sources.length > 0) {
            this.steps.push({
                ...(named !== undefined ? { context: named } : {}),
                ...this.base(stage, at),
                keyword,
                sources,
                dest,
                excludes,
                parents,
                flags,
                destIsDir
            });
        }
        if (destIsDir || srcWords.length > 1)
            addDirs(stage.knownDirs, destAbs);
        else
            addDirs(stage.knownDirs, external_node_path_.posix.dirname(destAbs));
    }
    /** Arguments of COPY/ADD, JSON form or shell form, expanded. */
    copyArgs(args, vars) {
        if (args.startsWith('[')) {
            let parsed;
            try {
                parsed = JSON.parse(args);
            }
            catch {
                parsed = undefined;
            }
            if (Array.isArray(parsed) && parsed.every(w => typeof w === 'string')) {
                return parsed.map((w) => this.expand(w, vars));
            }
        }
        return splitWords(args, this.escape).map(w => heredocOf(w).length > 0 ? w : this.expand(w, vars));
    }
}
function heredocOf(word) {
    const m = HEREDOC.exec(word);
    if (!m)
        return [];
    return [{ name: m[3].replace(/^(["'])(.*)\1$/, '$2'), stripTabs: m[2] === '-' }];
}
/** BuildKit's git transports: git://, git@, github.com/, and http(s) URLs of a `.git` repo. */
function isGitRef(src) {
    return /^(git:\/\/|git@|github\.com\/)/i.test(src) || /^https?:\/\/.*\.git(#|$|\/)/i.test(src);
}
function isArchiveName(src) {
    return /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst))$/i.test(src);
}
/**
 * Cleans a source to a context-relative pattern. With --parents a `/./` pivot is kept (the part
 * before it is not reproduced under dest).
 */
function cleanSource(src, parents) {
    const pivot = parents ? src.indexOf('/./') : -1;
    if (pivot > 0) {
        const head = (0,match/* cleanRel */.Hj)(src.slice(0, pivot));
        const tail = (0,match/* cleanRel */.Hj)(src.slice(pivot + 3));
        return head === '.' ? tail : `${head}/./${tail}`;
    }
    return (0,match/* cleanRel */.Hj)(src);
}
function addDirs(set, dir) {
    for (let d = dir;; d = external_node_path_.posix.dirname(d)) {
        set.add(d);
        if (d === '/' || d === '.')
            break;
    }
}
/**
 * Stages the build of `target` (default: the last stage) needs: itself and, transitively, the
 * stages it builds on (FROM), copies from (COPY --from) and mounts (RUN --mount from=). BuildKit
 * runs only these, so other stages' steps never appear in the log.
 */
function neededStages(plan, target) {
    const byName = new Map(plan.stages.map(s => [s.name, s]));
    const start = target === undefined ? plan.stages.at(-1) : byName.get(target.toLowerCase());
    if (start === undefined) {
        throw new Error(`target stage ${target ?? '(last)'} could not be found`);
    }
    const needed = new Set();
    const queue = [start];
    for (let s = queue.pop(); s !== undefined; s = queue.pop()) {
        if (needed.has(s.name))
            continue;
        needed.add(s.name);
        // Without recorded deps (a plan from elsewhere), the FROM chain is all that is known.
        const deps = s.deps ?? (byName.has(s.base.toLowerCase()) ? [s.base.toLowerCase()] : []);
        for (const d of deps) {
            const dep = byName.get(d);
            if (dep)
                queue.push(dep);
        }
    }
    return needed;
}

// EXTERNAL MODULE: ./src/context/hash.ts
var hash = __webpack_require__(9715);
;// CONCATENATED MODULE: ./src/dockerfile/select.ts



function sourceSpec(source) {
    const i = source.indexOf('/./');
    if (i < 0)
        return { pattern: (0,match/* cleanRel */.Hj)(source), pivot: '' };
    const pivot = (0,match/* cleanRel */.Hj)(source.slice(0, i));
    return { pattern: (0,match/* cleanRel */.Hj)(`${pivot}/${source.slice(i + 3)}`), pivot: pivot === '.' ? '' : pivot };
}
function under(path, root) {
    return root === '.' || path === root || path.startsWith(`${root}/`);
}
/** `path` relative to `root` (a file source: its own name). */
function relTo(path, root) {
    if (root === '.')
        return path;
    if (path === root)
        return external_node_path_.posix.basename(path);
    return path.slice(root.length + 1);
}
/** The first `n` segments of a path, or null when it has fewer. */
function head(path, n) {
    const parts = path.split('/');
    return parts.length < n ? null : parts.slice(0, n).join('/');
}
/**
 * Resolves symlinks along a context path, scoped to the context root as BuildKit scopes them
 * (an absolute target is read from the context root). Returns null on a loop.
 */
function resolveLinks(path, byPath) {
    let parts = path === '.' ? [] : path.split('/');
    for (let hops = 0, i = 0; i < parts.length; i++) {
        const prefix = parts.slice(0, i + 1).join('/');
        const e = byPath.get(prefix);
        if (e?.type !== 'symlink' || e.linkTarget === undefined)
            continue;
        if (++hops > 255)
            return null;
        const base = e.linkTarget.startsWith('/') ? '' : parts.slice(0, i).join('/');
        const target = (0,match/* cleanRel */.Hj)(`${base}/${e.linkTarget}`);
        parts = [...(target === '.' ? [] : target.split('/')), ...parts.slice(i + 1)];
        i = -1;
    }
    return parts.length === 0 ? '.' : parts.join('/');
}
/** The context entries a COPY/ADD/RUN-bind step reads, in input order. */
function selectSources(step, entries) {
    const byPath = new Map(entries.map(e => [e.path, e]));
    const rules = (0,match/* compileExcludes */.pM)(step.excludes);
    const chosen = new Set();
    /** Adds the entries `rootOf` places under a source root, unless excluded. */
    const take = (rootOf) => {
        for (const e of entries) {
            const r = rootOf(e);
            if (r !== null && !(0,match/* isExcluded */.RF)(rules, relTo(e.path, r)))
                chosen.add(e.path);
        }
    };
    for (const source of step.sources) {
        const { pattern } = sourceSpec(source);
        if ((0,match/* hasWildcard */.rl)(pattern)) {
            const n = pattern.split('/').length;
            take(e => {
                const h = head(e.path, n);
                return h !== null && (0,match/* goMatch */.Eb)(pattern, h) ? h : null;
            });
            continue;
        }
        take(e => (under(e.path, pattern) ? pattern : null));
        const resolved = resolveLinks(pattern, byPath);
        if (resolved !== null && resolved !== pattern) {
            // The link entries on the way are part of what the step reads.
            for (let p = pattern; p !== '.'; p = external_node_path_.posix.dirname(p))
                if (byPath.get(p)?.type === 'symlink')
                    chosen.add(p);
            take(e => (under(e.path, resolved) ? resolved : null));
        }
    }
    return entries.filter(e => chosen.has(e.path));
}
/**
 * Every context step with its source hash and selected file/symlink paths; a step of a named
 * context selects from that context's entries (`named`), its paths relative to that context.
 */
function hashSteps(plan, entries, named = new Map()) {
    return plan.steps.map(step => {
        const sel = selectSources(step, step.context === undefined ? entries : (named.get(step.context) ?? []));
        return {
            ...step,
            sourceHash: (0,hash/* hashEntries */.fG)(sel),
            // A named context's paths are keyed `NAME:path`, as the record and the proofs know them.
            selected: sel
                .filter(e => e.type !== 'dir')
                .map(e => (step.context === undefined ? e.path : `${step.context}:${e.path}`))
                .sort(hash/* compareBytes */.Xo)
        };
    });
}
const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst))$/i;
/**
 * Where a selected context file lands in the image, as a layer-tar path (no leading `/`), or null
 * when the step puts nothing there (RUN mounts, excluded paths, archives ADD unpacks, paths the
 * step does not select). Docker's rules: dest is relative to WORKDIR; a directory source copies
 * its contents into dest; a file goes to dest, or dest/<name> when dest is a directory (ends in
 * `/`, is `.`, several sources, a wildcard, or a directory the reader knows exists); a directory
 * matched by a wildcard has its contents copied into dest; --parents keeps the path from the
 * context root (or from a `/./` pivot).
 */
function destinationFor(step, contextPath) {
    if (step.keyword === 'RUN' || step.dest === null)
        return null;
    const dest = step.dest;
    const destAbs = external_node_path_.posix.resolve(step.workdir, dest);
    const rules = (0,match/* compileExcludes */.pM)(step.excludes);
    const path = (0,match/* cleanRel */.Hj)(contextPath);
    const dirDest = dest.endsWith('/') ||
        dest === '.' ||
        dest === '' ||
        step.sources.length > 1 ||
        step.destIsDir === true;
    const out = (p) => p.replace(/^\/+/, '') || null;
    for (const source of step.sources) {
        const { pattern, pivot } = sourceSpec(source);
        let root = null;
        if ((0,match/* hasWildcard */.rl)(pattern)) {
            const h = head(path, pattern.split('/').length);
            if (h !== null && (0,match/* goMatch */.Eb)(pattern, h))
                root = h;
        }
        else if (under(path, pattern)) {
            root = pattern;
        }
        if (root === null || (0,match/* isExcluded */.RF)(rules, relTo(path, root)))
            continue;
        if (step.keyword === 'ADD' && ARCHIVE.test(root))
            return null;
        if (step.parents)
            return out(external_node_path_.posix.join(destAbs, pivot === '' ? path : path.slice(pivot.length + 1)));
        if (root === '.')
            return out(external_node_path_.posix.join(destAbs, path));
        if (path !== root)
            return out(external_node_path_.posix.join(destAbs, path.slice(root.length + 1)));
        return out(dirDest || (0,match/* hasWildcard */.rl)(pattern) ? external_node_path_.posix.join(destAbs, external_node_path_.posix.basename(path)) : destAbs);
    }
    return null;
}

;// CONCATENATED MODULE: ./src/dockerfile/index.ts
/** The Dockerfile stage of the pipeline: which steps read the context, what they read, where it lands. */




/***/ }),

/***/ 3239:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eb: () => (/* binding */ goMatch),
/* harmony export */   Hj: () => (/* binding */ cleanRel),
/* harmony export */   RF: () => (/* binding */ isExcluded),
/* harmony export */   pM: () => (/* binding */ compileExcludes),
/* harmony export */   rl: () => (/* binding */ hasWildcard)
/* harmony export */ });
/**
 * Path patterns of COPY/ADD: sources follow Go's `filepath.Match` (`*` and `?` never cross `/`,
 * `[...]` classes with `^` negation, `\` escapes); `--exclude` patterns follow moby's
 * patternmatcher (`**` spans directories, a pattern excluding a directory excludes what it holds,
 * a leading `!` re-includes).
 */
/** True when the path holds a Go wildcard meta character. */
function hasWildcard(p) {
    return /[*?[]/.test(p);
}
const cache = new Map();
/** Go `filepath.Match(pattern, name)` on `/`-separated paths; a malformed pattern matches nothing. */
function goMatch(pattern, name) {
    let re = cache.get(pattern);
    if (re === undefined) {
        re = compile(pattern, false);
        cache.set(pattern, re);
    }
    return re !== null && re.test(name);
}
/**
 * Translates a pattern to a RegExp; with `globstar` a `**` segment matches any number of
 * directories (patternmatcher), otherwise it is just two stars (Go).
 */
function compile(pattern, globstar) {
    let re = '';
    for (let i = 0; i < pattern.length; i++) {
        const ch = pattern[i];
        if (ch === '*') {
            if (globstar && pattern[i + 1] === '*') {
                i++;
                if (pattern[i + 1] === '/') {
                    i++;
                    re += '(?:.*/)?';
                }
                else {
                    re += '.*';
                }
            }
            else {
                re += '[^/]*';
            }
        }
        else if (ch === '?') {
            re += '[^/]';
        }
        else if (ch === '\\') {
            if (i + 1 >= pattern.length)
                return null;
            re += escapeRe(pattern[++i]);
        }
        else if (ch === '[') {
            const end = classEnd(pattern, i);
            if (end < 0)
                return null;
            re += translateClass(pattern.slice(i + 1, end));
            i = end;
        }
        else {
            re += escapeRe(ch);
        }
    }
    return new RegExp(`^${re}$`, 's');
}
/** Index of the `]` closing the class opened at `start`, or -1 (Go: ErrBadPattern). */
function classEnd(p, start) {
    let i = start + 1;
    if (p[i] === '^')
        i++;
    let first = true;
    for (; i < p.length; i++) {
        if (p[i] === ']' && !first)
            return i;
        if (p[i] === '\\')
            i++;
        first = false;
    }
    return -1;
}
function translateClass(body) {
    let out = '[';
    let i = 0;
    if (body[0] === '^') {
        out += '^';
        i = 1;
    }
    for (; i < body.length; i++) {
        const ch = body[i];
        if (ch === '\\' && i + 1 < body.length)
            out += escapeRe(body[++i]);
        else if (ch === '-')
            out += '-';
        else
            out += escapeRe(ch);
    }
    return `${out}]`;
}
function escapeRe(ch) {
    return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch;
}
/** Compiles `--exclude` patterns; each is cleaned like patternmatcher does. */
function compileExcludes(patterns) {
    const rules = [];
    for (const raw of patterns) {
        let p = raw.trim();
        const negate = p.startsWith('!');
        if (negate)
            p = p.slice(1);
        p = cleanRel(p);
        const re = compile(p, true);
        if (re !== null)
            rules.push({ negate, re });
    }
    return rules;
}
/** True when `rel` (or a directory above it) is excluded; later rules win, `!` re-includes. */
function isExcluded(rules, rel) {
    if (rules.length === 0 || rel === '')
        return false;
    const parts = rel.split('/');
    const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    let excluded = false;
    for (const r of rules) {
        if (prefixes.some(p => r.re.test(p)))
            excluded = !r.negate;
    }
    return excluded;
}
/**
 * Cleans a context-relative path like Go's `path.Clean("/" + p)` without the leading slash:
 * `./a`, `/a`, `a/../a/` all give `a`; `..` cannot climb above the root; the root is `.`.
 */
function cleanRel(p) {
    const out = [];
    for (const seg of p.split('/')) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..')
            out.pop();
        else
            out.push(seg);
    }
    return out.length === 0 ? '.' : out.join('/');
}


/***/ }),

/***/ 8203:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bz: () => (/* binding */ hasEscapedBytes),
/* harmony export */   Dj: () => (/* binding */ nameFromBytes),
/* harmony export */   Jk: () => (/* binding */ fsPath),
/* harmony export */   iJ: () => (/* binding */ pathToBytes)
/* harmony export */ });
/**
 * File names are bytes; Docker sends them as bytes. A name that is not valid UTF-8 cannot be a
 * JS string as is (decoding turns its bytes into U+FFFD, and `lstat` of that string then finds
 * nothing), so names are read as bytes and carried as strings where each byte that is not part
 * of valid UTF-8 becomes a lone low surrogate U+DC80..U+DCFF (the "surrogateescape" scheme).
 * Valid UTF-8 can never decode to a lone surrogate, so the mapping is one to one: every name
 * gets its own string, and pathToBytes gives back exactly the bytes on disk.
 */
/** The string for a name's bytes (see the module comment). */
function nameFromBytes(bytes) {
    const text = bytes.toString('utf8');
    // Fast path: no replacement character, or one that really was in the name.
    if (!text.includes('\ufffd') || Buffer.from(text).equals(bytes))
        return text;
    let out = '';
    let i = 0;
    while (i < bytes.length) {
        const n = utf8Length(bytes, i);
        if (n > 0) {
            out += bytes.subarray(i, i + n).toString('utf8');
            i += n;
        }
        else {
            out += String.fromCharCode(0xdc00 + bytes[i]);
            i++;
        }
    }
    return out;
}
/** Length of the valid UTF-8 sequence at `i` (1-4), or 0 when the byte there starts none. */
function utf8Length(b, i) {
    const c = b[i];
    if (c < 0x80)
        return 1;
    const cont = (k) => i + k < b.length && (b[i + k] & 0xc0) === 0x80;
    if (c >= 0xc2 && c <= 0xdf)
        return cont(1) ? 2 : 0;
    if (c >= 0xe0 && c <= 0xef) {
        if (!cont(1) || !cont(2))
            return 0;
        const c1 = b[i + 1];
        if (c === 0xe0 && c1 < 0xa0)
            return 0; // overlong
        if (c === 0xed && c1 >= 0xa0)
            return 0; // an encoded surrogate
        return 3;
    }
    if (c >= 0xf0 && c <= 0xf4) {
        if (!cont(1) || !cont(2) || !cont(3))
            return 0;
        const c1 = b[i + 1];
        if (c === 0xf0 && c1 < 0x90)
            return 0;
        if (c === 0xf4 && c1 >= 0x90)
            return 0;
        return 4;
    }
    return 0;
}
/** True when `s` carries escaped bytes (a lone surrogate U+DC80..U+DCFF). */
function hasEscapedBytes(s) {
    // A low surrogate not preceded by a high one.
    return /(?<![\ud800-\udbff])[\udc80-\udcff]/.test(s);
}
/** The bytes a name string stands for (UTF-8, escaped bytes given back as themselves). */
function pathToBytes(s) {
    if (!hasEscapedBytes(s))
        return Buffer.from(s);
    const parts = [];
    let run = '';
    for (const ch of s) {
        const code = ch.codePointAt(0);
        if (ch.length === 1 && code >= 0xdc80 && code <= 0xdcff) {
            if (run !== '')
                parts.push(Buffer.from(run));
            run = '';
            parts.push(Buffer.from([code - 0xdc00]));
        }
        else
            run += ch;
    }
    if (run !== '')
        parts.push(Buffer.from(run));
    return Buffer.concat(parts);
}
/** What to hand to `fs` for a name string: the string itself, or its bytes when it has escapes. */
function fsPath(s) {
    return hasEscapedBytes(s) ? pathToBytes(s) : s;
}


/***/ }),

/***/ 8196:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bT: () => (/* binding */ fileFault),
/* harmony export */   bs: () => (/* binding */ errnoReason),
/* harmony export */   tm: () => (/* binding */ errCode)
/* harmony export */ });
/**
 * The one place that words errno codes. Two forms share the table: a reason in strerror's words
 * (`cannot read file x: permission denied (EACCES)`, as the context walk reports), and a fault of a
 * named file (`Dockerfile is not readable (permission denied): x`, as the readers of one file do).
 */
/** The errno-style code of a thrown value (`ENOENT`, `EACCES`...), when it has one. */
function errCode(e) {
    if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string')
        return e.code;
    return undefined;
}
/** strerror's words for the codes reading a file tree meets. */
const STRERROR = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such file or directory',
    ENOTDIR: 'not a directory',
    ELOOP: 'too many levels of symbolic links',
    EMFILE: 'too many open files'
};
/** `permission denied (EACCES)`; an unknown code in lower case; no code: the error's message. */
function errnoReason(e, message) {
    const code = errCode(e);
    return code ? `${STRERROR[code] ?? code.toLowerCase()} (${code})` : message(e);
}
/**
 * What a named file that could not be opened is, as a predicate (`not found`, `is a directory`,
 * `is not readable (permission denied)`), or undefined for a code without one.
 */
function fileFault(code, wording = {}) {
    switch (code) {
        case 'ENOENT':
            return 'not found';
        case 'ENOTDIR':
            return 'not found (a parent is not a directory)';
        case 'EISDIR':
            return wording.directory ?? 'is a directory';
        case 'EACCES':
        case 'EPERM':
            return (wording.unreadable ?? (r => `is not readable (${r})`))(STRERROR[code]);
        case 'ELOOP':
            return 'is a symlink loop';
        default:
            return undefined;
    }
}


/***/ })

};
