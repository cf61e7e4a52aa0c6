import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  symlinkSync,
  unlinkSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { BASE_IMAGE, describeDocker, docker } from '../../helpers/docker.js'
import { makeTree, removeTree } from '../../helpers/tree.js'
import {
  destinationFor,
  hashSteps,
  neededStages,
  readDockerfile,
  selectSources
} from '../../../src/dockerfile/index.js'
import type { ContextEntry } from '../../../src/model.js'

/*
 * Builds real Dockerfiles on the daemon (Docker 20.10, BuildKit built-in frontend, which has no
 * heredocs, --link, --parents or --exclude) and checks the reader against what BuildKit prints
 * and where files really land.
 */

const TAG = `fb-df-it-${process.pid}`
const made: string[] = []
let root = ''

const SPEC = {
  'package.json': '{}',
  'src/a.txt': 'a',
  'src/sub/c.txt': 'c',
  'src/b.md': 'b',
  'lib/x.js': 'x',
  'sp ace/f': 'f',
  'docs/keep': 'k',
  'tool.sh': { content: 'echo', mode: 0o755 }
}

const DOCKERFILES: Record<string, string> = {
  multi: `# a comment
ARG BASE=${BASE_IMAGE}
FROM \${BASE} AS Builder
ENV A=1
ARG X=y
# comment between
WORKDIR /app
LABEL foo=bar
COPY package.json ./
RUN echo hi \\
  && echo there
COPY src ./src
STOPSIGNAL 9
EXPOSE 80
RUN ls /app

FROM builder AS next
WORKDIR rel
COPY lib ./lib
ENV SUB=sub

FROM ${BASE_IMAGE} AS unused
COPY docs /docs

FROM ${BASE_IMAGE}
COPY --from=next /app /from-next
COPY src/*.txt /wild/
COPY src/s* /wilddir/
COPY package.json /pkg
COPY ["sp ace", "/space dir/"]
COPY package.json lib /many/
ADD tool.sh /bin/tool
WORKDIR /w
COPY package.json .
COPY src dst
RUN --mount=type=bind,source=lib,target=/l ls /l
`,
  single: `FROM ${BASE_IMAGE} AS Only
ENV A=1
WORKDIR /srv
COPY src/ .
RUN true
`,
  escape: `# escape=\`
ARG SRC=src
FROM ${BASE_IMAGE} AS e
ARG SRC
ENV DIR=/d
COPY $SRC \${DIR}/
COPY package.json \`
     lib \`
     /multi/
RUN echo "x" \`
    && true
WORKDIR \${DIR:-/none}/sub
RUN true
RUN true
RUN true
RUN true
RUN true
FROM scratch
COPY --from=e /d /d
COPY docs /docs
`
}

/** A plain walk of the test context (no .dockerignore here). */
function walk(dir: string, rel = ''): ContextEntry[] {
  const out: ContextEntry[] = []
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name)
    const path = rel ? `${rel}/${name}` : name
    const st = lstatSync(abs)
    const mode = st.mode & 0o7777
    if (st.isDirectory()) out.push({ path, type: 'dir', mode, size: 0 }, ...walk(abs, path))
    else if (st.isSymbolicLink()) {
      const t = readlinkSync(abs)
      out.push({ path, type: 'symlink', mode, size: 0, linkTarget: t, digest: sha(t) })
    } else out.push({ path, type: 'file', mode, size: st.size, digest: sha(readFileSync(abs)) })
  }
  return out
}
const sha = (b: string | Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`

interface LogLine {
  stage: string | null
  index: number
  total: number
  instruction: string
}

/** `#7 [builder  3/12] COPY src ./src` lines (BuildKit right-aligns the index). */
function logSteps(log: string): LogLine[] {
  const seen = new Map<string, LogLine>()
  for (const m of log.matchAll(/^#\d+ \[(?:(\S+) +)?(\d+)\/(\d+)\] (.*)$/gm)) {
    seen.set(m[0].replace(/^#\d+ /, ''), {
      stage: m[1] ?? null,
      index: Number(m[2]),
      total: Number(m[3]),
      instruction: m[4]
    })
  }
  return [...seen.values()]
}

function build(name: string): { log: string; image: string } {
  writeFileSync(join(root, `Dockerfile.${name}`), DOCKERFILES[name])
  const image = `${TAG}-${name}`
  const log = docker(['build', '--progress=plain', '-f', `Dockerfile.${name}`, '-t', image, '.'], {
    cwd: root
  })
  made.push(image)
  return { log, image }
}

/** Paths in the image's filesystem, as a layer tar names them. */
function imagePaths(image: string): Set<string> {
  const id = docker(['create', image, 'true']).trim().split('\n').at(-1) ?? ''
  const tarFile = join(root, `${image}.tar`)
  try {
    docker(['export', '-o', tarFile, id])
  } finally {
    docker(['rm', id])
  }
  const r = spawnSync('tar', ['-tf', tarFile], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  return new Set(r.stdout.split('\n').map(p => p.replace(/\/$/, '')))
}

describeDocker('dockerfile reader against the real BuildKit', () => {
  beforeAll(() => {
    root = makeTree(SPEC)
  })
  afterAll(() => {
    for (const image of made)
      spawnSync('/usr/bin/docker', ['rmi', '-f', image], { stdio: 'ignore' })
    if (root) removeTree(root)
  })

  test.each(Object.keys(DOCKERFILES))(
    '%s: stage/index/total of every step equal the plain log',
    name => {
      const { log } = build(name)
      const plan = readDockerfile(DOCKERFILES[name], { file: `Dockerfile.${name}` })
      const lines = logSteps(log)
      const single = plan.stages.length === 1
      const needed = neededStages(plan)
      // Every context step of a stage that runs is printed with our numbers (no name in a single stage).
      const steps = plan.steps.filter(s => needed.has(s.stage))
      expect(steps.length).toBeGreaterThan(0)
      for (const s of steps) {
        const hit = lines.find(l => l.stage === (single ? null : s.stage) && l.index === s.index)
        expect([s.line, hit?.total, hit?.instruction.split(' ')[0]]).toEqual([
          s.line,
          s.total,
          s.keyword
        ])
      }
      // Every printed step's total is the stage total; no step of an unneeded stage is printed.
      for (const l of lines.filter(x => !x.stage?.startsWith('internal'))) {
        const stage = single ? plan.stages[0] : plan.stages.find(st => st.name === l.stage)
        expect([l.stage, l.total]).toEqual([l.stage, stage?.total])
        expect(needed.has(stage?.name ?? '')).toBe(true)
      }
      if (name === 'multi') expect(lines.some(l => l.stage === 'unused')).toBe(false)
    }
  )

  test.each(['multi', 'single'])(
    '%s: destinationFor predicts where every selected file lands',
    name => {
      const { image } = build(name)
      const plan = readDockerfile(DOCKERFILES[name], { file: `Dockerfile.${name}` })
      const last = plan.stages.at(-1)?.name
      const entries = walk(root).filter(
        e => !e.path.startsWith('Dockerfile') && !e.path.endsWith('.tar')
      )
      const inImage = imagePaths(image)
      let checked = 0
      for (const step of plan.steps.filter(s => s.stage === last && s.keyword !== 'RUN')) {
        for (const e of selectSources(step, entries).filter(x => x.type !== 'dir')) {
          const dest = destinationFor(step, e.path)
          expect([
            step.instruction,
            e.path,
            dest !== null && inImage.has(dest) ? 'lands' : dest
          ]).toEqual([step.instruction, e.path, 'lands'])
          checked++
        }
      }
      expect(checked).toBeGreaterThan(name === 'multi' ? 8 : 2)
    }
  )

  test('sourceHash changes exactly when BuildKit re-runs the COPY (rename, empty dir, chmod, symlink)', () => {
    // Unique bytes: an earlier run's cache must not hold any state this test goes through.
    const nonce = `${process.pid} ${Date.now()}`
    const ctx = makeTree({ 'src/a.txt': nonce, 'src/l': { link: 'a.txt' }, 'lib/x.js': nonce })
    const text = `FROM ${BASE_IMAGE}\nCOPY src ./src\nCOPY lib ./lib\n`
    writeFileSync(join(ctx, 'Dockerfile'), text)
    const plan = readDockerfile(text, { file: 'Dockerfile' })
    const image = `${TAG}-cache`
    made.push(image)
    const run = () => {
      const log = docker(['build', '--progress=plain', '-t', image, '.'], { cwd: ctx })
      const cached = (i: number) =>
        new RegExp(`^#(\\d+) \\[${i}/3\\] [^\\n]*\\n(?:#\\1 [^\\n]*\\n)*#\\1 CACHED`, 'm').test(log)
      const hashes = hashSteps(
        plan,
        walk(ctx).filter(e => e.path !== 'Dockerfile')
      ).map(h => h.sourceHash)
      return { cached: [cached(2), cached(3)], hashes }
    }
    try {
      let prev = run()
      const changes: [string, () => void, boolean[]][] = [
        ['nothing', () => undefined, [true, true]],
        [
          'rename inside src',
          () => renameSync(join(ctx, 'src/a.txt'), join(ctx, 'src/b.txt')),
          [false, false]
        ],
        ['new empty dir inside src', () => mkdirSync(join(ctx, 'src/empty')), [false, false]],
        ['chmod inside src', () => chmodSync(join(ctx, 'src/b.txt'), 0o600), [false, false]],
        [
          'symlink retarget',
          () => (unlinkSync(join(ctx, 'src/l')), symlinkSync('b.txt', join(ctx, 'src/l'))),
          [false, false]
        ],
        ['change outside src only', () => writeFileSync(join(ctx, 'lib/x.js'), 'y'), [true, false]]
      ]
      for (const [what, change, wantCached] of changes) {
        change()
        const now = run()
        const hashSame = now.hashes.map((h, i) => h === prev.hashes[i])
        // The src step: BuildKit cached it exactly when our hash stayed; the lib step reruns
        // after a src change because its key chains on the previous step.
        expect([what, now.cached[0], hashSame[0]]).toEqual([what, wantCached[0], wantCached[0]])
        expect([what, now.cached[1]]).toEqual([what, wantCached[1]])
        prev = now
      }
    } finally {
      removeTree(ctx)
    }
  })
})
