import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  BASE_IMAGE,
  DOCKER,
  LEGACY_DOCKER,
  describeDocker,
  docker,
  testWhen
} from '../../helpers/docker.js'
import { makeTree, removeTree } from '../../helpers/tree.js'
import { suiteEnv } from '../../helpers/env.js'
import { LogParser, parseLog } from '../../../src/logs/index.js'
import type { LogStep, ParsedLog } from '../../../src/model.js'

/** The newer client without buildx: falls back to the legacy builder. */
const SCRIPT = '/usr/bin/script'

const nonce = `${process.pid}-${Date.now()}`
const tag = `fb-logs-it-${process.pid}`
const tags = new Set<string>()

// ARG is not numbered by BuildKit; `FROM deps` and `FROM scratch` are not either.
const dockerfile = `FROM ${BASE_IMAGE} AS deps
ARG NONCE
RUN echo "$NONCE" > /nonce
WORKDIR /app
COPY package.json ./
RUN cat package.json > /deps.txt

FROM deps AS build
COPY src/ ./src/
RUN cat src/*.txt > /built.txt

FROM scratch
COPY --from=build /built.txt /built.txt
`

/** "stage index/total instruction" -> cached, FROM left out: its vertex may say either. */
function cachedByStep(log: ParsedLog): Record<string, boolean> {
  const out: Record<string, boolean> = {}
  for (const s of log.steps.filter((x: LogStep) => !x.instruction.startsWith('FROM '))) {
    out[`${s.stage ?? '-'} ${s.index}/${s.total} ${s.instruction}`] = s.cached
  }
  return out
}

function bkExpect(c: [boolean, boolean, boolean, boolean, boolean, boolean, boolean]): object {
  return {
    [`deps 2/5 RUN echo "${nonce}" > /nonce`]: c[0],
    'deps 3/5 WORKDIR /app': c[1],
    'deps 4/5 COPY package.json ./': c[2],
    'deps 5/5 RUN cat package.json > /deps.txt': c[3],
    'build 1/2 COPY src/ ./src/': c[4],
    'build 2/2 RUN cat src/*.txt > /built.txt': c[5],
    'stage-2 1/1 COPY --from=build /built.txt /built.txt': c[6]
  }
}

let dir = ''

/** Unique bytes per run: BuildKit and the legacy builder key COPY on content. */
function write(rel: string, text: string): void {
  writeFileSync(join(dir, rel), `${text} ${nonce}\n`)
}

function plainBuild(version: string): string {
  tags.add(`${tag}:${version}`)
  return docker(
    ['build', '--progress=plain', '--build-arg', `NONCE=${nonce}`, '-t', `${tag}:${version}`, '.'],
    { cwd: dir }
  )
}

/** Streams a build's output into the parser as it arrives, as `fresh-build build` does. */
function liveBuild(version: string): Promise<{ log: ParsedLog; text: string }> {
  tags.add(`${tag}:${version}`)
  const parser = new LogParser()
  const seen: Buffer[] = []
  const child = spawn(
    DOCKER,
    ['build', '--progress=plain', '--build-arg', `NONCE=${nonce}`, '-t', `${tag}:${version}`, '.'],
    { cwd: dir, env: suiteEnv({ DOCKER_BUILDKIT: '1' }) }
  )
  const take = (b: Buffer): void => {
    seen.push(b)
    parser.write(b)
  }
  child.stdout.on('data', take)
  child.stderr.on('data', take)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', code => {
      const text = Buffer.concat(seen).toString('utf8')
      if (code === 0) resolve({ log: parser.end(), text })
      else reject(new Error(`docker build failed (${code}): ${text}`))
    })
  })
}

describeDocker('build logs from real builds', () => {
  beforeAll(() => {
    dir = makeTree({ Dockerfile: dockerfile, 'package.json': '', 'src/a.txt': '', 'src/b.txt': '' })
    write('package.json', '{"name":"p1"}')
    write('src/a.txt', 'a1')
    write('src/b.txt', 'b1')
  })

  afterAll(() => {
    // Untag only what this file tagged; never prune (the daemon is shared).
    for (const t of tags) spawnSync(DOCKER, ['rmi', t], { stdio: 'ignore' })
    if (dir !== '') removeTree(dir)
  })

  test('BuildKit plain: first build runs every step; an unchanged rebuild caches all', async () => {
    const first = await liveBuild('1')
    // Live chunks and the whole captured text give the same answer.
    expect(parseLog(first.text)).toEqual(first.log)
    expect(first.log.format).toBe('buildkit-plain')
    expect(first.log.imageId).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(first.log.steps[0]).toMatchObject({ stage: 'deps', index: 1, total: 5 })
    expect(cachedByStep(first.log)).toEqual(
      bkExpect([false, false, false, false, false, false, false])
    )
    // An image id of an image that does exist.
    expect(docker(['image', 'inspect', '-f', '{{.Id}}', `${tag}:1`]).trim()).toBe(first.log.imageId)

    const again = parseLog(plainBuild('2'))
    expect(cachedByStep(again)).toEqual(bkExpect([true, true, true, true, true, true, true]))
  })

  test('BuildKit plain: changing src/a.txt re-runs COPY src and what follows', () => {
    write('src/a.txt', 'a2')
    const log = parseLog(plainBuild('3'))
    expect(cachedByStep(log)).toEqual(bkExpect([true, true, true, true, false, false, false]))
  })

  // Without script(1) there is no pty to capture tty output with.
  const ttyTest = testWhen(existsSync(SCRIPT), `${SCRIPT} (util-linux) for a pty`)
  ttyTest(
    'BuildKit tty through a pty: package.json changed; equal bytes keep COPY --from cached',
    () => {
      write('package.json', '{"name":"p2"}')
      tags.add(`${tag}:4`)
      const cmd = `stty cols 120 rows 40; ${DOCKER} build --progress=tty --build-arg NONCE=${nonce} -t ${tag}:4 .`
      const r = spawnSync(SCRIPT, ['-qec', cmd, '/dev/null'], {
        cwd: dir,
        env: suiteEnv({ DOCKER_BUILDKIT: '1' }),
        encoding: 'utf8'
      })
      expect(r.status).toBe(0)
      expect(r.stdout).toContain('\x1b[')
      const log = parseLog(r.stdout)
      expect(log.format).toBe('buildkit-tty')
      // built.txt holds the same bytes as in build 3, so the last COPY is served from cache.
      expect(cachedByStep(log)).toEqual(bkExpect([true, true, false, false, false, false, true]))
    }
  )

  const legacyTest = testWhen(
    existsSync(LEGACY_DOCKER),
    `the legacy-fallback client ${LEGACY_DOCKER}`
  )
  legacyTest('legacy builder: Step N/M numbering, `Using cache` up to the changed COPY', () => {
    const legacyBuild = (version: string): ParsedLog => {
      tags.add(`${tag}:${version}`)
      const env = { ...process.env }
      delete env.DOCKER_BUILDKIT
      const r = spawnSync(
        LEGACY_DOCKER,
        ['build', '--build-arg', `NONCE=${nonce}`, '-t', `${tag}:${version}`, '.'],
        { cwd: dir, env, encoding: 'utf8' }
      )
      expect(r.status).toBe(0)
      return parseLog(r.stdout + r.stderr)
    }
    // FROM never says `Using cache`; ARG's cache does not depend on the value: both left out.
    const legacyExpect = (c: boolean[]): Record<string, boolean> => ({
      [`3/11 RUN echo "$NONCE" > /nonce`]: c[0],
      '4/11 WORKDIR /app': c[1],
      '5/11 COPY package.json ./': c[2],
      '6/11 RUN cat package.json > /deps.txt': c[3],
      '8/11 COPY src/ ./src/': c[4],
      '9/11 RUN cat src/*.txt > /built.txt': c[5],
      '11/11 COPY --from=build /built.txt /built.txt': c[6]
    })
    const flags = (log: ParsedLog): Record<string, boolean> =>
      Object.fromEntries(
        log.steps
          .filter(s => !s.instruction.startsWith('FROM ') && !s.instruction.startsWith('ARG '))
          .map(s => [`${s.index}/${s.total} ${s.instruction}`, s.cached])
      )

    const first = legacyBuild('legacy1')
    expect(first.format).toBe('legacy')
    expect(first.steps.map(s => s.stage)).toEqual(Array<null>(11).fill(null))
    expect(first.imageId).toMatch(/^[0-9a-f]{12}$/)
    expect(flags(first)).toEqual(legacyExpect([false, false, false, false, false, false, false]))

    write('src/b.txt', 'b2')
    const second = legacyBuild('legacy2')
    expect(flags(second)).toEqual(legacyExpect([true, true, true, true, false, false, false]))
  })
})
