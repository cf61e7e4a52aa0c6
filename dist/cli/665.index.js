export const id = 665;
export const ids = [665];
export const modules = {

/***/ 665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gg: () => (/* reexport */ LogParser),
  parseLogFile: () => (/* reexport */ parseLogFile),
  toParseLogJson: () => (/* reexport */ toParseLogJson)
});

// UNUSED EXPORTS: DEFAULT_MAX_LINE, LogFileError, parseLog, renderParseLogJson

// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
;// CONCATENATED MODULE: ./src/logs/names.ts
/**
 * BuildKit vertex names. The Dockerfile frontend names instruction vertices
 * `[<platform> <stage> <i>/<n>] <instruction>`, each part optional but the index, with the index
 * right-aligned (`[builder  4/12]`, `[ 1/11]`). docker compose (buildx's progress multiwriter) puts
 * the service in front: inside the bracket when the name has one (`[web builder 3/4]`,
 * `[web internal]`), otherwise as `[web] <name>`.
 */
/** Instructions longer than this are cut: enough to recognise any real one, bounded memory. */
const MAX_INSTRUCTION = 16384;
/** Brackets longer than this are not BuildKit prefixes (stage and service names are short). */
const MAX_BRACKET = 512;
/** Words that BuildKit itself puts alone in a bracket; they are never a compose service. */
const BUILDKIT_WORDS = new Set(['internal', 'auth', 'context']);
function parseIndex(word) {
    const slash = word.indexOf('/');
    if (slash < 1 || slash > 6 || word.length - slash - 1 < 1 || word.length - slash - 1 > 6) {
        return null;
    }
    for (let i = 0; i < word.length; i++) {
        const c = word.charCodeAt(i);
        if (i !== slash && (c < 48 || c > 57))
            return null;
    }
    return { index: Number(word.slice(0, slash)), total: Number(word.slice(slash + 1)) };
}
/** Platforms (`linux/amd64`, `linux/arm64->amd64`) are the only bracket words with a `/`. */
function isPlatform(word) {
    return word.includes('/');
}
function cut(text) {
    const t = text.trim();
    return t.length > MAX_INSTRUCTION ? t.slice(0, MAX_INSTRUCTION) : t;
}
function parseVertexName(name) {
    if (name.charCodeAt(0) !== 91 /* [ */)
        return { kind: 'other', service: null, text: cut(name) };
    const close = name.indexOf(']');
    if (close < 0 || close > MAX_BRACKET)
        return { kind: 'other', service: null, text: cut(name) };
    const words = name
        .slice(1, close)
        .split(' ')
        .filter(w => w !== '');
    const text = name.slice(close + 1);
    const last = words.length > 0 ? parseIndex(words[words.length - 1]) : null;
    if (last !== null) {
        return {
            kind: 'step',
            words: words.slice(0, -1).filter(w => !isPlatform(w)),
            index: last.index,
            total: last.total,
            instruction: cut(text)
        };
    }
    const plain = words.filter(w => !isPlatform(w));
    let service = null;
    if (plain.length === 1 && !BUILDKIT_WORDS.has(plain[0]))
        service = plain[0];
    else if (plain.length === 2 && (plain[1] === 'internal' || plain[1] === 'auth')) {
        service = plain[0];
    }
    return { kind: 'other', service, text: cut(text) };
}
/** `importing cache manifest from X` (a `--cache-from` source BuildKit imported). */
function cacheImportOf(text) {
    const prefix = 'importing cache manifest from ';
    if (!text.startsWith(prefix))
        return null;
    const ref = text.slice(prefix.length).trim();
    const space = ref.indexOf(' ');
    const value = space < 0 ? ref : ref.slice(0, space);
    return value === '' ? null : value;
}

;// CONCATENATED MODULE: ./src/logs/steps.ts
/** Distinct steps kept per format: far above any real build, a bound for hostile input. */
const MAX_STEPS = 20000;
/**
 * The steps a log showed, merged across repeats: re-printed headers, tty redraws, rawjson
 * vertex updates and every platform of a multi-platform build describe the same step.
 */
class StepTable {
    entries = new Map();
    seq = 0;
    get size() {
        return this.entries.size;
    }
    /** Records a sighting; returns its key for later status lines, or null past the bound. */
    add(s) {
        const key = `${s.lineService ?? ''}\u0000${s.words.join(' ')}\u0000${s.index}/${s.total}`;
        const seen = this.entries.get(key);
        if (seen !== undefined) {
            seen.cached ||= s.cached;
            seen.error ||= s.error;
            // Keep the fullest text: old buildx and tty cut long names, other sightings may not.
            if (s.instruction.length > seen.instruction.length)
                seen.instruction = s.instruction;
            return key;
        }
        if (this.entries.size >= MAX_STEPS)
            return null;
        this.entries.set(key, { ...s, seq: this.seq++ });
        return key;
    }
    mark(key, flag) {
        const e = this.entries.get(key);
        if (e !== undefined)
            e[flag] = true;
    }
    /**
     * Tells service from stage and sorts in Dockerfile order: services and stages by first
     * appearance, instructions by index. A lone bracket word is a service only when the log
     * named that service elsewhere (`[web internal]`): compose prefixes `[1/3] RUN` to `[web 1/3]`.
     */
    resolve(services) {
        const firstSeen = new Map();
        const note = (key, seq) => {
            const prev = firstSeen.get(key);
            if (prev === undefined || seq < prev)
                firstSeen.set(key, seq);
        };
        const rows = [];
        for (const e of this.entries.values()) {
            const { service, stage } = splitWords(e, services);
            const serviceKey = service ?? '';
            const stageKey = `${serviceKey}\u0000${stage ?? ''}`;
            note(serviceKey, e.seq);
            note(stageKey, e.seq);
            const step = {
                service,
                stage,
                index: e.index,
                total: e.total,
                instruction: e.instruction,
                cached: e.cached
            };
            if (e.error)
                step.error = true;
            rows.push({ step, seq: e.seq, serviceKey, stageKey });
        }
        const rank = (key) => firstSeen.get(key) ?? 0;
        return rows
            .sort((a, b) => rank(a.serviceKey) - rank(b.serviceKey) ||
            rank(a.stageKey) - rank(b.stageKey) ||
            a.step.index - b.step.index ||
            a.step.total - b.step.total ||
            a.seq - b.seq)
            .map(r => r.step);
    }
}
function splitWords(e, services) {
    const w = e.words;
    const last = w.length > 0 ? w[w.length - 1] : null;
    if (e.lineService !== null)
        return { service: e.lineService, stage: last };
    if (w.length >= 2)
        return { service: w[0], stage: last };
    if (last !== null && services.has(last))
        return { service: last, stage: null };
    return { service: null, stage: last };
}

;// CONCATENATED MODULE: ./src/logs/text.ts
/**
 * Line clean-up shared by every log format: terminal escapes, carriage-return redraws, CI
 * timestamps and compose line prefixes. All functions are linear scans without backtracking,
 * since a log line may be up to the parser's line cap long.
 */
const ESC = 27;
const BEL = 7;
/** Removes ANSI/VT escape sequences (CSI, OSC, two-byte ESC x) and stray C0 controls but tab. */
function stripAnsi(line) {
    let out = '';
    let from = 0;
    const n = line.length;
    let i = 0;
    while (i < n) {
        const c = line.charCodeAt(i);
        if (c >= 32 || c === 9) {
            i++;
            continue;
        }
        out += line.slice(from, i);
        if (c === ESC && i + 1 < n) {
            const kind = line.charCodeAt(i + 1);
            if (kind === 91 /* [ CSI: params then one final byte 0x40-0x7e */) {
                i += 2;
                while (i < n) {
                    const p = line.charCodeAt(i++);
                    if (p >= 0x40 && p <= 0x7e)
                        break;
                }
            }
            else if (kind === 93 /* ] OSC: up to BEL or ESC \ */) {
                i += 2;
                while (i < n) {
                    const p = line.charCodeAt(i);
                    if (p === BEL) {
                        i++;
                        break;
                    }
                    if (p === ESC) {
                        i += 2;
                        break;
                    }
                    i++;
                }
            }
            else {
                i += 2;
            }
        }
        else {
            i++;
        }
        from = i;
    }
    return from === 0 ? line : out + line.slice(from);
}
/**
 * A terminal shows only what was written after the last carriage return of a line
 * (`Sending build context ... 5.6kB\r\r`, progress redraws); trailing CRs are CRLF leftovers.
 */
function lastCarriageSegment(line) {
    let end = line.length;
    while (end > 0 && line.charCodeAt(end - 1) === 13)
        end--;
    const cr = line.lastIndexOf('\r', end - 1);
    return line.slice(cr + 1, end);
}
function isDigit(c) {
    return c >= 48 && c <= 57;
}
/** Strips a GitHub Actions style `2020-05-14T10:55:14.5014590Z ` timestamp. */
function stripTimestamp(line) {
    if (line.length < 21 ||
        !isDigit(line.charCodeAt(0)) ||
        line.charCodeAt(4) !== 45 ||
        line.charCodeAt(10) !== 84) {
        return line;
    }
    const z = line.indexOf('Z ', 19);
    if (z < 0 || z > 40)
        return line;
    for (let i = 11; i < z; i++) {
        const c = line.charCodeAt(i);
        if (!isDigit(c) && c !== 58 && c !== 46)
            return line;
    }
    return line.slice(z + 2);
}
function isNameChar(c) {
    return (isDigit(c) ||
        (c >= 65 && c <= 90) ||
        (c >= 97 && c <= 122) ||
        c === 45 /* - */ ||
        c === 46 /* . */ ||
        c === 95 /* _ */);
}
/** The longest compose service name accepted as a line prefix. */
const MAX_SERVICE = 128;
/**
 * Splits a compose line prefix off: `web  | text`, `web-1  | text` (log multiplexing) or
 * `[web] #5 ...` (a bracketed service before a build line). Returns null when there is none.
 */
function splitServicePrefix(line) {
    const first = line.charCodeAt(0);
    if (first === 91 /* [ */) {
        let i = 1;
        while (i < line.length && i <= MAX_SERVICE && isNameChar(line.charCodeAt(i)))
            i++;
        if (i === 1 || line.charCodeAt(i) !== 93 || line.charCodeAt(i + 1) !== 32)
            return null;
        const rest = line.slice(i + 2);
        // `[web] resolve image config` is a vertex name, not a line prefix: require a build line.
        return looksLikeBuildLine(rest) ? { service: line.slice(1, i), rest } : null;
    }
    if (!isNameChar(first))
        return null;
    let i = 1;
    while (i < line.length && i <= MAX_SERVICE && isNameChar(line.charCodeAt(i)))
        i++;
    let j = i;
    while (line.charCodeAt(j) === 32)
        j++;
    if (j === i || line.charCodeAt(j) !== 124 /* | */)
        return null;
    let rest = line.slice(j + 1);
    if (rest.charCodeAt(0) === 32)
        rest = rest.slice(1);
    return { service: line.slice(0, i), rest };
}
function looksLikeBuildLine(rest) {
    const t = rest.trimStart();
    return ((t.charCodeAt(0) === 35 && isDigit(t.charCodeAt(1))) ||
        t.startsWith('=> ') ||
        t.startsWith('---> ') ||
        t.startsWith('Step ') ||
        t.startsWith('Successfully built '));
}

;// CONCATENATED MODULE: ./src/logs/parser.ts




/** Longest line kept (chars); the rest of a longer line is dropped. Fits big rawjson lines. */
const DEFAULT_MAX_LINE = 1 << 20;
/** Buffers are decoded in slices of this size so one huge write never becomes one huge string. */
const DECODE_SLICE = 1 << 20;
/** Bounds for hostile input: vertex ids tracked, distinct cache sources, services. */
const MAX_VERTICES = 100000;
const MAX_NAMES = 1000;
const FORMATS = ['buildkit-plain', 'buildkit-tty', 'rawjson', 'legacy'];
function parser_isDigit(c) {
    return c >= 48 && c <= 57;
}
function isServiceName(name) {
    return name.length > 0 && name.length <= 128 && /^[A-Za-z0-9][\w.-]*$/.test(name);
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** First word of a text (`writing image sha256:x done` -> `sha256:x`). */
function firstWord(text) {
    const t = text.trim();
    const space = t.indexOf(' ');
    return space < 0 ? t : t.slice(0, space);
}
/** Drops tty's right-aligned duration column (`... COPY src ./src     0.3s`). */
function stripDuration(text) {
    const t = text.trimEnd();
    const space = t.lastIndexOf(' ');
    if (space < 0)
        return t;
    const d = t.slice(space + 1);
    if (d.length < 2 || d.charCodeAt(d.length - 1) !== 115 /* s */)
        return t;
    for (let i = 0; i < d.length - 1; i++) {
        const c = d.charCodeAt(i);
        if (!parser_isDigit(c) && c !== 46)
            return t;
    }
    return t.slice(0, space).trimEnd();
}
/**
 * A streaming build-log parser. Feed it chunks as they arrive (a live `docker build` or a file),
 * then call end(). Memory stays bounded whatever the input: one line buffer capped at
 * maxLineLength plus the steps found. It never throws on content; unreadable lines are skipped.
 */
class LogParser {
    maxLine;
    decoder = new external_node_string_decoder_.StringDecoder('utf8');
    partial = '';
    /** The current line passed the cap: drop input until the next newline. */
    overflow = false;
    result = null;
    tables = {
        'buildkit-plain': new StepTable(),
        'buildkit-tty': new StepTable(),
        rawjson: new StepTable(),
        legacy: new StepTable()
    };
    /** Lines that could only come from each format, to detect it. */
    signals = {
        'buildkit-plain': 0,
        'buildkit-tty': 0,
        rawjson: 0,
        legacy: 0
    };
    /** Plain output: `<service>\0<#N>` -> step key (null for vertices that are not steps). */
    vertices = new Map();
    /** Legacy builder: the open `Step N/M` per service. */
    legacyOpen = new Map();
    /** Compose services the log named in brackets (`[web internal]`). */
    services = new Set();
    cacheImports = [];
    builder = null;
    imageId = null;
    /** docker-compose v1: the service whose build output follows (`Building web`). */
    building = null;
    pending = null;
    constructor(options = {}) {
        const max = options.maxLineLength ?? DEFAULT_MAX_LINE;
        this.maxLine = Number.isFinite(max) && max >= 1 ? Math.floor(max) : DEFAULT_MAX_LINE;
    }
    write(chunk) {
        if (this.result !== null)
            return;
        if (typeof chunk === 'string') {
            // Bytes of a split character from an earlier Buffer cannot continue in a string.
            this.feed(this.decoder.end());
            this.feed(chunk);
            return;
        }
        for (let at = 0; at < chunk.length; at += DECODE_SLICE) {
            this.feed(this.decoder.write(chunk.subarray(at, at + DECODE_SLICE)));
        }
    }
    end() {
        if (this.result !== null)
            return this.result;
        this.feed(this.decoder.end());
        if (this.partial.length > 0 || this.overflow)
            this.flushLine();
        this.result = this.finish();
        return this.result;
    }
    feed(text) {
        let pos = 0;
        const n = text.length;
        while (pos < n) {
            const nl = text.indexOf('\n', pos);
            const stop = nl < 0 ? n : nl;
            if (!this.overflow && stop > pos) {
                const room = this.maxLine - this.partial.length;
                if (stop - pos > room) {
                    this.partial += text.slice(pos, pos + room);
                    this.overflow = true;
                }
                else {
                    this.partial += text.slice(pos, stop);
                }
            }
            if (nl < 0)
                return;
            this.flushLine();
            pos = nl + 1;
        }
    }
    flushLine() {
        const line = this.partial;
        this.partial = '';
        this.overflow = false;
        try {
            this.line(line);
        }
        catch {
            // A safety net only: a line the parser cannot read must not end the build's parse.
        }
    }
    line(raw) {
        let line = raw;
        if (line.includes('\x1b'))
            line = stripAnsi(line);
        if (line.includes('\r'))
            line = lastCarriageSegment(line);
        if (this.pending !== null)
            this.confirmBuilding(line);
        if (line.charCodeAt(0) === 35 /* # */) {
            this.plain(line, this.building);
            return;
        }
        line = stripTimestamp(line);
        let service = this.building;
        const prefixed = splitServicePrefix(line);
        if (prefixed !== null) {
            service = prefixed.service;
            line = prefixed.rest;
        }
        else if (line.startsWith('Building ')) {
            const name = line.slice(9).trimEnd();
            if (isServiceName(name))
                this.pending = { name, wait: 8 };
            return;
        }
        const c = line.charCodeAt(0);
        if (c === 35)
            this.plain(line, service);
        else if (c === 123 /* { */)
            this.rawjson(line, service);
        else {
            const t = line.trimStart();
            if (t.startsWith('=> '))
                this.tty(t.slice(3), service);
            else if (t.startsWith('[+] Building '))
                this.ttyHeader(t);
            else
                this.legacy(t, service);
        }
    }
    /**
     * docker-compose v1 prints `Building <service>` and then that service's unprefixed build
     * output, vertex numbers restarting at #1. The header counts only when a build starts right
     * after it, so a RUN that prints "Building app" in a legacy log cannot rename services.
     */
    confirmBuilding(line) {
        const p = this.pending;
        if (p === null)
            return;
        const t = line.trimEnd();
        if (t.startsWith('Step 1/') ||
            t.startsWith('Step 1 :') ||
            t.startsWith('#0 ') ||
            t.startsWith('#1 ') ||
            t.startsWith('[+] Building ') ||
            t.startsWith('Sending build context')) {
            this.building = p.name;
            this.pending = null;
        }
        else if (t !== '' && !t.startsWith('DEPRECATED:') && t.charCodeAt(0) !== 32) {
            this.pending = null;
        }
        else if (--p.wait <= 0) {
            this.pending = null;
        }
    }
    /** BuildKit plain: `#N <vertex name>` headers, then `#N <status|log|CACHED|DONE|ERROR>`. */
    plain(line, service) {
        let i = 1;
        while (i < line.length && i <= 10 && parser_isDigit(line.charCodeAt(i)))
            i++;
        if (i === 1 || line.charCodeAt(i) !== 32)
            return;
        this.signals['buildkit-plain']++;
        const id = `${service ?? ''}\u0000${line.slice(1, i)}`;
        const rest = line.slice(i + 1);
        const c = rest.charCodeAt(0);
        if (parser_isDigit(c))
            return; // `#8 0.145 <output of RUN>`: the bulk of a log, nothing to learn
        if (c === 91 /* [ */) {
            const key = this.sighting('buildkit-plain', parseVertexName(rest), service, false, false);
            if (this.vertices.size < MAX_VERTICES || this.vertices.has(id))
                this.vertices.set(id, key);
            return;
        }
        if (rest.startsWith('CACHED'))
            this.markVertex(id, 'cached');
        else if (rest.startsWith('ERROR'))
            this.markVertex(id, 'error');
        else if (rest.startsWith('writing image '))
            this.imageId = firstWord(rest.slice(14));
        else if (rest.startsWith('building with '))
            this.builder = rest.trim();
        else if (c === 32) {
            // BuildKit of docker 18.09/19.03 printed aligned fields: `#5      cached: true`.
            const t = rest.trimStart();
            if (t.startsWith('cached: true'))
                this.markVertex(id, 'cached');
            else if (t.startsWith('error: '))
                this.markVertex(id, 'error');
        }
        else
            this.addCacheImport(cacheImportOf(rest));
    }
    markVertex(id, flag) {
        const key = this.vertices.get(id);
        if (key !== undefined && key !== null)
            this.tables['buildkit-plain'].mark(key, flag);
    }
    /** BuildKit tty (after ANSI stripping): ` => [CACHED |ERROR ]<name>   0.3s`. */
    tty(text, service) {
        this.signals['buildkit-tty']++;
        if (text.startsWith('=> ')) {
            // ` => => <status or log>` of the vertex above.
            const sub = text.slice(3);
            if (sub.startsWith('writing image '))
                this.imageId = firstWord(sub.slice(14));
            return;
        }
        let rest = text;
        let cached = false;
        let error = false;
        if (rest.startsWith('CACHED ')) {
            cached = true;
            rest = rest.slice(7);
        }
        else if (rest.startsWith('ERROR ')) {
            error = true;
            rest = rest.slice(6);
        }
        else if (rest.startsWith('CANCELED ')) {
            rest = rest.slice(9);
        }
        this.sighting('buildkit-tty', parseVertexName(stripDuration(rest)), service, cached, error);
    }
    /** `[+] Building 0.3s (14/14) FINISHED   docker:default`: newer buildx names its builder. */
    ttyHeader(line) {
        this.signals['buildkit-tty']++;
        const at = line.indexOf(' FINISHED');
        if (at < 0)
            return;
        const tail = line.slice(at + 9).trim();
        const m = tail.length < 256 ? /^([\w.-]+):([\w.-]+)$/.exec(tail) : null;
        if (m !== null)
            this.builder = `building with "${m[2]}" instance using ${m[1]} driver`;
    }
    /** `--progress=rawjson`: one client.SolveStatus per line; vertices repeat as they progress. */
    rawjson(line, service) {
        let doc;
        try {
            doc = JSON.parse(line);
        }
        catch {
            return;
        }
        if (!isRecord(doc))
            return;
        const { vertexes, statuses, logs, warnings } = doc;
        if (Array.isArray(vertexes)) {
            for (const v of vertexes) {
                if (!isRecord(v) || typeof v.name !== 'string')
                    continue;
                const error = typeof v.error === 'string' && v.error !== '';
                this.sighting('rawjson', parseVertexName(v.name), service, v.cached === true, error);
            }
        }
        if (Array.isArray(statuses)) {
            for (const s of statuses) {
                if (isRecord(s) && typeof s.id === 'string' && s.id.startsWith('writing image ')) {
                    this.imageId = firstWord(s.id.slice(14));
                }
            }
        }
        // docker 20.10's API stream carries the image id as an aux message next to the trace.
        const api = isRecord(doc._non_trace_api_message) ? doc._non_trace_api_message : doc;
        const aux = api.aux;
        if (isRecord(aux) && typeof aux.ID === 'string' && aux.ID.startsWith('sha256:')) {
            this.imageId = aux.ID;
        }
        if (Array.isArray(vertexes) ||
            Array.isArray(statuses) ||
            Array.isArray(logs) ||
            Array.isArray(warnings) ||
            api !== doc) {
            this.signals.rawjson++;
        }
    }
    /** The legacy builder: `Step N/M : INSTR`, ` ---> Using cache`, `Successfully built <id>`. */
    legacy(t, service) {
        const open = service ?? '';
        if (t.startsWith('Step ')) {
            const step = parseLegacyStep(t);
            if (step === null)
                return;
            this.signals.legacy++;
            const key = this.tables.legacy.add({
                lineService: service,
                words: [],
                ...step,
                cached: false,
                error: false
            });
            if (this.legacyOpen.size < MAX_NAMES || this.legacyOpen.has(open)) {
                this.legacyOpen.set(open, key);
            }
        }
        else if (t.startsWith('---> ')) {
            this.signals.legacy++;
            if (t.startsWith('---> Using cache'))
                this.markLegacy(open, 'cached');
        }
        else if (t.startsWith('Successfully built ')) {
            this.signals.legacy++;
            this.imageId = firstWord(t.slice(19));
        }
        else if (t.startsWith('Sending build context to Docker daemon')) {
            this.signals.legacy++;
        }
        else if ((t.startsWith("The command '") && t.includes("' returned a non-zero code")) ||
            t.startsWith('COPY failed:') ||
            t.startsWith('ADD failed:')) {
            this.markLegacy(open, 'error');
        }
    }
    markLegacy(open, flag) {
        const key = this.legacyOpen.get(open);
        if (key !== undefined && key !== null)
            this.tables.legacy.mark(key, flag);
    }
    /** Records what a BuildKit vertex name says; returns the step key when it is a step. */
    sighting(format, name, service, cached, error) {
        if (name.kind === 'step') {
            if (format !== 'buildkit-plain')
                this.signals[format]++;
            return this.tables[format].add({
                lineService: service,
                words: name.words,
                index: name.index,
                total: name.total,
                instruction: name.instruction,
                cached,
                error
            });
        }
        if (name.service !== null && this.services.size < MAX_NAMES)
            this.services.add(name.service);
        this.addCacheImport(cacheImportOf(name.text));
        return null;
    }
    addCacheImport(ref) {
        if (ref === null || this.cacheImports.includes(ref))
            return;
        if (this.cacheImports.length < MAX_NAMES)
            this.cacheImports.push(ref);
    }
    /** The format with the most steps wins (then the most telltale lines); its steps are the result. */
    finish() {
        let best = null;
        for (const f of FORMATS) {
            if (this.signals[f] === 0)
                continue;
            if (best === null ||
                this.tables[f].size > this.tables[best].size ||
                (this.tables[f].size === this.tables[best].size && this.signals[f] > this.signals[best])) {
                best = f;
            }
        }
        const steps = best === null ? [] : this.tables[best].resolve(this.services);
        return {
            format: best ?? 'unknown',
            steps,
            cacheImports: [...this.cacheImports],
            builder: this.builder,
            imageId: this.imageId
        };
    }
}
/** `Step 3/8 : COPY package.json ./` (and `Step 3 : ...` of very old daemons, total 0). */
function parseLegacyStep(t) {
    let i = 5;
    const a = i;
    while (i < t.length && i - a < 7 && parser_isDigit(t.charCodeAt(i)))
        i++;
    if (i === a)
        return null;
    const index = Number(t.slice(a, i));
    let total = 0;
    if (t.charCodeAt(i) === 47 /* / */) {
        const b = ++i;
        while (i < t.length && i - b < 7 && parser_isDigit(t.charCodeAt(i)))
            i++;
        if (i === b)
            return null;
        total = Number(t.slice(b, i));
    }
    if (!t.startsWith(' : ', i))
        return null;
    const instruction = t.slice(i + 3).trim();
    return { index, total, instruction: instruction.slice(0, MAX_INSTRUCTION) };
}
/** Parses a whole log held in memory. */
function parseLog(text) {
    const parser = new LogParser();
    parser.write(text);
    return parser.end();
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/util/error.ts
var error = __webpack_require__(7610);
// EXTERNAL MODULE: ./src/util/errno.ts
var errno = __webpack_require__(8196);
;// CONCATENATED MODULE: ./src/logs/file.ts




/** A build log that cannot be read; the message is one line naming the file. */
class LogFileError extends error/* FreshBuildError */.nz {
    path;
    constructor(path, problem) {
        super(`build log ${path}: ${problem}`);
        this.path = path;
    }
}
const LOG_WORDING = {
    directory: 'is a directory, not a log file',
    unreadable: reason => `is not readable: ${reason}`
};
function logFault(path, e) {
    const code = (0,errno/* errCode */.tm)(e) ?? '';
    const known = (0,errno/* fileFault */.bT)(code, LOG_WORDING);
    const problem = known ? `${known} (${code})` : `cannot be read (${code || String(e)})`;
    return new LogFileError(path, problem);
}
/** Parses a log file as a stream: memory stays bounded however large the file. */
async function parseLogFile(path, options = {}) {
    let fh;
    try {
        fh = await (0,promises_.open)(path, 'r');
    }
    catch (e) {
        throw logFault(path, e);
    }
    try {
        // open() succeeds on a directory; the read would fail with a bare EISDIR.
        if ((await fh.stat()).isDirectory())
            throw logFault(path, { code: 'EISDIR' });
        const parser = new LogParser(options);
        try {
            for await (const chunk of fh.createReadStream({ highWaterMark: 1 << 16, autoClose: false })) {
                parser.write(chunk);
            }
        }
        catch (e) {
            throw logFault(path, e);
        }
        return parser.end();
    }
    finally {
        await fh.close();
    }
}

;// CONCATENATED MODULE: ./src/logs/json.ts
/** Picks the contract's fields, in the contract's order, from a parsed log. */
function toParseLogJson(log) {
    return {
        format: log.format,
        steps: log.steps.map(s => ({
            service: s.service,
            stage: s.stage,
            index: s.index,
            total: s.total,
            instruction: s.instruction,
            cached: s.cached
        }))
    };
}
/** `parse-log --json` output: exactly one JSON document (newline-terminated). */
function renderParseLogJson(log) {
    return `${JSON.stringify(toParseLogJson(log), null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/logs/index.ts
/** Build logs -> the Dockerfile steps they show, and which of them were served from cache. */





/***/ })

};
