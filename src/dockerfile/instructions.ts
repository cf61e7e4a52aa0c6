import { posix } from 'node:path'
import type { InstructionKeyword } from '../model.js'
import { heredocOf, parseLines, parseTrigger, type DockerfileNode } from './lines.js'
import { cleanRel } from '../gomatch/index.js'
import {
  DockerfileError,
  type PlannedStage,
  type PlannedStep,
  type ReadOptions,
  type ReadPlan,
  type Vertex
} from './plan.js'
import { expandRaw, expandWord, splitWords, WordError, type Vars } from './words.js'
import { isBuildArgName } from '../util/index.js'

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
 * The lines (continuations, heredocs, flags, the escape directive) are read by lines.ts; this
 * file gives each node its meaning, as BuildKit's instructions/parse.go and dockerfile2llb do.
 */

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
])

/** Flags each instruction accepts in the current Dockerfile reference. */
const FLAGS: Record<string, ReadonlySet<string>> = {
  FROM: new Set(['platform']),
  COPY: new Set(['from', 'chown', 'chmod', 'link', 'parents', 'exclude']),
  ADD: new Set(['chown', 'chmod', 'link', 'exclude', 'keep-git-dir', 'checksum', 'unpack']),
  RUN: new Set(['mount', 'network', 'security'])
}

/** Instructions that produce a BuildKit vertex and so a `[stage i/n]` line. */
const COUNTED = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR'])

interface StageState extends PlannedStage {
  env: Map<string, string>
  args: Map<string, string>
  /** ENV over ARG, read through rather than copied: a copy per instruction is quadratic. */
  vars: Vars
  /** `deps` as a set, for the same reason. */
  depSet: Set<string>
  workdir: string
  knownDirs: Set<string>
  count: number
  /** Counted instructions that came from ONBUILD triggers (not in BuildKit's n). */
  triggerCount: number
}

/** Reads a Dockerfile. Throws DockerfileError on malformed input. */
export function readDockerfile(text: string, opts: ReadOptions): ReadPlan {
  return new Reader(text, opts).read()
}

/** Gives each node of a Dockerfile its meaning, in order, building the plan. */
class Reader {
  private readonly nodes: DockerfileNode[]
  private readonly escape: string
  private readonly buildArgs: ReadonlyMap<string, string>
  private readonly globals = new Map<string, string>()
  private readonly declared: string[] = []
  private readonly declaredSet = new Set<string>()
  private readonly stageArgs = new Set<string>()
  private readonly vertices: Vertex[] = []
  /** The base image whose ONBUILD trigger is being read, if one is. */
  private trigger: string | null = null
  private readonly stages: StageState[] = []
  /** Stages by name; the first of a name wins, as a search from the start would find. */
  private readonly byName = new Map<string, StageState>()
  private readonly steps: PlannedStep[] = []
  private readonly warnings: { line: number; message: string }[] = []
  private line = 1
  /** Position among all instructions, for the legacy builder's `Step N/M`. */
  private ordinal = 0

  constructor(
    text: string,
    private readonly opts: ReadOptions
  ) {
    const { escape, nodes } = parseLines(text)
    this.nodes = nodes
    this.escape = escape
    this.buildArgs = new Map(Object.entries(opts.buildArgs ?? {}))
  }

  read(): ReadPlan {
    for (const node of this.nodes) this.instruction(node)
    if (this.stages.length === 0) this.fail('no FROM instruction')
    this.finishTotals()
    return {
      file: this.opts.file,
      stages: this.stages.map(
        ({ name, index, base, line, total, deps, fromOrdinal, instructions }) => ({
          name,
          index,
          base,
          line,
          total,
          deps,
          fromOrdinal,
          instructions
        })
      ),
      steps: this.steps,
      declaredArgs: this.declared,
      stageArgs: [...this.stageArgs],
      vertices: this.vertices,
      warnings: this.warnings
    }
  }

  private fail(detail: string): never {
    throw new DockerfileError(this.opts.file, this.line, detail)
  }

  private expand(word: string, vars: Vars): string {
    try {
      return expandWord(word, vars, this.escape)
    } catch (e) {
      if (e instanceof WordError) this.fail(e.message)
      throw e
    }
  }

  private instruction(node: DockerfileNode): void {
    this.line = node.line
    this.ordinal++
    const { keyword } = node
    if (!KEYWORDS.has(keyword)) this.fail(`unknown instruction: ${node.written}`)
    const stage = this.stages.at(-1)
    if (keyword === 'FROM') return this.from(node)
    if (keyword === 'ARG') {
      if (stage) stage.instructions++
      return this.arg(node.rest, stage)
    }
    if (stage === undefined) this.fail(`${keyword} before the first FROM`)
    this.dispatch(node, stage)
  }

  /** One instruction of a stage (its own, or an ONBUILD trigger read at the FROM's line). */
  private dispatch(node: DockerfileNode, stage: StageState): void {
    const { keyword, rest, args } = node
    stage.instructions++
    if (keyword === 'ARG') return this.arg(rest, stage)
    if (COUNTED.has(keyword)) {
      stage.count++
      if (this.trigger !== null) stage.triggerCount++
    }
    this.checkFlags(node)
    if (node.unterminated !== null) this.fail(`unterminated heredoc <<${node.unterminated}`)
    const at = { line: node.line, endLine: node.endLine, instruction: node.text }
    if (COUNTED.has(keyword)) this.vertex(keyword, rest, stage, at)
    switch (keyword) {
      case 'ENV':
        return this.env(node.env, stage)
      case 'WORKDIR':
        return this.workdir(args, stage)
      case 'RUN':
        return this.run(node.flags, stage, at)
      case 'COPY':
      case 'ADD':
        return this.copy(keyword, node.flags, args, stage, at)
    }
  }

  /** Flags the instruction does not accept; the first is the error. */
  private checkFlags(node: DockerfileNode): void {
    for (const [name] of node.flags) {
      if (!FLAGS[node.keyword]?.has(name)) this.fail(`unknown flag: --${name}`)
    }
  }

  private from(node: DockerfileNode): void {
    this.checkFlags(node)
    const words = splitWords(node.args, this.escape)
    if (words.length !== 1 && !(words.length === 3 && words[1].toLowerCase() === 'as')) {
      this.fail('FROM requires an image and an optional AS name')
    }
    const base = this.expand(words[0], this.globals)
    if (base === '') this.fail(`base name (${words[0]}) should not be blank`)
    const index = this.stages.length
    let name = `stage-${index}`
    if (words.length === 3) {
      name = words[2].toLowerCase()
      if (!/^[a-z][a-z0-9\-_.]*$/.test(name)) this.fail(`invalid stage name: ${words[2]}`)
      if (this.byName.has(name)) this.fail(`duplicate stage name: ${name}`)
    }
    const parent = this.byName.get(base.toLowerCase())
    // A stage built on an earlier one inherits its ENV and WORKDIR, not its ARGs.
    const env = new Map(parent?.env)
    const stageArgs = new Map<string, string>()
    const deps = parent ? [parent.name] : []
    const stage: StageState = {
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
    }
    this.stages.push(stage)
    if (!this.byName.has(name)) this.byName.set(name, stage)
    if (!parent && base !== 'scratch') this.triggers(stage)
  }

  /** Stage totals are the final counts; steps learn theirs once the whole file is read. */
  private finishTotals(): void {
    for (const s of this.stages) s.total = s.count - s.triggerCount
    for (const step of this.steps) step.total = this.stages[step.stageIndex].total
  }

  /**
   * The texts BuildKit may print for a vertex: the instruction word upper-cased, the rest
   * expanded by its lexer over the whole text (COPY/ADD/WORKDIR: quotes removed; RUN: quotes
   * kept, unset variables kept), verified on 20.10. Expanded before the instruction runs, so
   * WORKDIR and ENV of the same line do not apply yet.
   */
  private vertex(
    keyword: string,
    rest: string,
    stage: StageState,
    at: { line: number; instruction: string }
  ): void {
    const printed: string[] = []
    try {
      const body =
        keyword === 'RUN'
          ? expandRaw(rest, stage.vars, this.escape)
          : expandWord(rest, stage.vars, this.escape)
      printed.push(`${keyword} ${body}`)
    } catch {
      // BuildKit prints the text as written when its lexer fails.
    }
    printed.push(`${keyword} ${rest}`)
    const usesArgs = [...rest.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].some(
      m => stage.args.has(m[1] ?? '') || this.declaredSet.has(m[1] ?? '')
    )
    this.vertices.push({
      stage: stage.name,
      index: stage.count,
      line: at.line,
      instruction: at.instruction,
      printed: /^[A-Z]+ <<|\s<<-?["']?\w/.test(rest) ? [] : printed,
      usesArgs
    })
  }

  /**
   * The ONBUILD triggers of a local base image, read as if written right after the FROM (as
   * BuildKit runs them). A trigger that does not parse is left to the builder to refuse.
   */
  private triggers(stage: StageState): void {
    const list = this.opts.onBuild?.(stage.base) ?? []
    for (const text of list) {
      const node = parseTrigger(text, stage.line, this.escape)
      if (node === undefined) continue
      const { keyword } = node
      if (!KEYWORDS.has(keyword) || ['FROM', 'ONBUILD', 'MAINTAINER'].includes(keyword)) continue
      this.trigger = stage.base
      try {
        this.dispatch(node, stage)
      } finally {
        this.trigger = null
      }
    }
  }

  /** `ARG a b=1`: dockerfile-ast reports only the first of several names, so words are read here. */
  private arg(rest: string, stage: StageState | undefined): void {
    const words = splitWords(rest, this.escape)
    if (words.length === 0) this.fail('ARG requires at least one argument')
    for (const word of words) {
      const eq = word.indexOf('=')
      const name = eq < 0 ? word : word.slice(0, eq)
      if (!isBuildArgName(name)) this.fail(`invalid ARG name: ${name}`)
      if (!this.declaredSet.has(name)) {
        this.declaredSet.add(name)
        this.declared.push(name)
      }
      const raw = eq < 0 ? null : word.slice(eq + 1)
      const given = this.buildArgs.get(name)
      if (stage === undefined) {
        const value = given ?? (raw === null ? undefined : this.expand(raw, this.globals))
        if (value !== undefined) this.globals.set(name, value)
        continue
      }
      this.stageArgs.add(name)
      // A stage ARG without default takes the global ARG's value.
      const value = given ?? (raw === null ? this.globals.get(name) : this.expand(raw, stage.vars))
      if (value !== undefined) stage.args.set(name, value)
    }
  }

  /** `ENV a=1 b=$a`: every value is expanded before any is set, so `b` sees the old `a` (Docker). */
  private env(pairs: [string, string][], stage: StageState): void {
    const set = pairs.map(([name, raw]) => [name, this.expand(raw, stage.vars)] as const)
    for (const [name, value] of set) stage.env.set(name, value)
  }

  private workdir(args: string, stage: StageState): void {
    const words = splitWords(args, this.escape)
    if (words.length !== 1) this.fail('WORKDIR requires exactly one argument')
    const dir = this.expand(words[0], stage.vars)
    stage.workdir = posix.resolve(stage.workdir, dir)
    addDirs(stage.knownDirs, stage.workdir)
  }

  private base(stage: StageState, at: { line: number; endLine: number; instruction: string }) {
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
    }
  }

  private run(
    flags: [string, string][],
    stage: StageState,
    at: { line: number; endLine: number; instruction: string }
  ): void {
    const vars = stage.vars
    for (const [name, value] of flags) {
      if (name !== 'mount') continue
      const opts = new Map<string, string>()
      for (const part of this.expand(value, vars).split(',')) {
        const eq = part.indexOf('=')
        opts.set(
          (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase(),
          eq < 0 ? 'true' : part.slice(eq + 1)
        )
      }
      if ((opts.get('type') ?? 'bind') !== 'bind') continue
      const from = opts.get('from')
      const named = from === undefined ? undefined : this.namedContext(from)
      if (from !== undefined && named === undefined) {
        this.addDep(stage, from)
        continue
      }
      const source = opts.get('source') ?? opts.get('src') ?? '.'
      this.steps.push({
        ...(named !== undefined ? { context: named } : {}),
        ...this.base(stage, at),
        keyword: 'RUN',
        sources: [cleanRel(source)],
        dest: null,
        excludes: [],
        parents: false,
        flags: { mount: this.expand(value, vars) },
        destIsDir: false
      })
    }
  }

  /**
   * The named context a `--from` / `from=` value reads, or undefined for a stage or an image. A
   * name that is also a stage is refused: which one the builder takes is not for us to guess.
   */
  private namedContext(from: string): string | undefined {
    const names = this.opts.namedContexts ?? []
    if (!names.includes(from)) return undefined
    if (this.byName.has(from.toLowerCase())) {
      this.fail(`--from=${from} names both a stage and a named build context`)
    }
    return from
  }

  /** Records a `--from` / `from=` dependency on an earlier stage (by name or index). */
  private addDep(stage: StageState, from: string): void {
    const ref = /^\d+$/.test(from) ? this.stages[Number(from)] : this.byName.get(from.toLowerCase())
    if (ref === undefined || ref === stage) {
      if (/^\d+$/.test(from)) this.fail(`invalid stage index ${from}`)
      return // an image reference, not a stage
    }
    if (!stage.depSet.has(ref.name)) {
      stage.depSet.add(ref.name)
      stage.deps.push(ref.name)
    }
  }

  private copy(
    keyword: InstructionKeyword,
    flagList: [string, string][],
    args: string,
    stage: StageState,
    at: { line: number; endLine: number; instruction: string }
  ): void {
    const vars = stage.vars
    const flags: Record<string, string> = {}
    const excludes: string[] = []
    for (const [name, value] of flagList) {
      const v = this.expand(value, vars)
      if (name === 'exclude') excludes.push(v)
      else flags[name] = v
    }
    const words = this.copyArgs(args, vars)
    if (words.length < 2) this.fail(`${keyword} requires at least two arguments`)
    const dest = words[words.length - 1]
    const srcWords = words.slice(0, -1)
    // Several sources need a directory destination ending in `/` only with the legacy builder,
    // which says so itself; BuildKit builds `COPY a b .` (verified on 20.10).
    const destAbs = posix.resolve(stage.workdir, dest)
    const destIsDir =
      dest.endsWith('/') || dest === '.' || dest === '' || stage.knownDirs.has(destAbs)
    if (destIsDir || srcWords.length > 1) addDirs(stage.knownDirs, destAbs)
    else addDirs(stage.knownDirs, posix.dirname(destAbs))
    const named = flags.from === undefined ? undefined : this.namedContext(flags.from)
    if (flags.from !== undefined && named === undefined) {
      this.addDep(stage, flags.from)
      return
    }
    delete flags.from
    const parents = flags.parents !== undefined && flags.parents !== 'false'
    delete flags.parents
    const sources = this.contextSources(keyword, srcWords, parents, at.line)
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
      })
    }
    if (destIsDir || srcWords.length > 1) addDirs(stage.knownDirs, destAbs)
    else addDirs(stage.knownDirs, posix.dirname(destAbs))
  }

  /**
   * The sources of a COPY/ADD that come from the build context, cleaned; heredocs are inline
   * content, and ADD's git repositories and URLs are fetched (each warned about).
   */
  private contextSources(
    keyword: InstructionKeyword,
    srcWords: string[],
    parents: boolean,
    line: number
  ): string[] {
    const sources: string[] = []
    for (const src of srcWords) {
      if (heredocOf(src).length > 0) continue // inline content, not from the context
      if (keyword === 'ADD' && isGitRef(src)) {
        this.warnings.push({
          line: line,
          message: `ADD of a git repository (${src}) cannot be hashed`
        })
      } else if (keyword === 'ADD' && /^https?:\/\//i.test(src)) {
        this.warnings.push({ line: line, message: `ADD of a URL (${src}) cannot be hashed` })
      } else {
        if (keyword === 'ADD' && isArchiveName(src)) {
          this.warnings.push({
            line: line,
            message: `ADD unpacks local archives (${src}): its files cannot be located in the layer`
          })
        }
        sources.push(cleanSource(src, parents))
      }
    }
    return sources
  }

  /** Arguments of COPY/ADD, JSON form or shell form, expanded. */
  private copyArgs(args: string, vars: Vars): string[] {
    if (args.startsWith('[')) {
      let parsed: unknown
      try {
        parsed = JSON.parse(args)
      } catch {
        parsed = undefined
      }
      if (Array.isArray(parsed) && parsed.every(w => typeof w === 'string')) {
        return parsed.map((w: string) => this.expand(w, vars))
      }
    }
    return splitWords(args, this.escape).map(w =>
      heredocOf(w).length > 0 ? w : this.expand(w, vars)
    )
  }
}

/** BuildKit's git transports: git://, git@, github.com/, and http(s) URLs of a `.git` repo. */
function isGitRef(src: string): boolean {
  return /^(git:\/\/|git@|github\.com\/)/i.test(src) || /^https?:\/\/.*\.git(#|$|\/)/i.test(src)
}

function isArchiveName(src: string): boolean {
  return /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst))$/i.test(src)
}

/**
 * Cleans a source to a context-relative pattern. With --parents a `/./` pivot is kept (the part
 * before it is not reproduced under dest).
 */
function cleanSource(src: string, parents: boolean): string {
  const pivot = parents ? src.indexOf('/./') : -1
  if (pivot > 0) {
    const head = cleanRel(src.slice(0, pivot))
    const tail = cleanRel(src.slice(pivot + 3))
    return head === '.' ? tail : `${head}/./${tail}`
  }
  return cleanRel(src)
}

function addDirs(set: Set<string>, dir: string): void {
  for (let d = dir; ; d = posix.dirname(d)) {
    set.add(d)
    if (d === '/' || d === '.') break
  }
}
