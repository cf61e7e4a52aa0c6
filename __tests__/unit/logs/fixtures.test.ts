import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseLog, parseLogFile } from '../../../src/logs/index.js'
import type { LogStep, ParsedLog } from '../../../src/model.js'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
/** Logs captured on the project's reference daemon and excerpts of public reports (sources in its README). */
const shared = resolve(repoRoot, '__tests__/fixtures/logs/reference')
/** Logs from builds on this machine's daemon (generate.sh there). */
const own = resolve(repoRoot, '__tests__/fixtures/logs')

/** A step as written here: [service, stage, index, total, instruction, cached, error?]. */
type Row = [string | null, string | null, number, number, string, boolean, 'error'?]

function steps(...rows: Row[]): LogStep[] {
  return rows.map(([service, stage, index, total, instruction, cached, error]) => {
    const s: LogStep = { service, stage, index, total, instruction, cached }
    if (error === 'error') s.error = true
    return s
  })
}

async function parsed(dir: string, name: string): Promise<ParsedLog> {
  const streamed = await parseLogFile(resolve(dir, name))
  // The streamed read and the in-memory parse must agree on every fixture.
  expect(parseLog(readFileSync(resolve(dir, name), 'utf8'))).toEqual(streamed)
  return streamed
}

const none = { cacheImports: [], builder: null, imageId: null }

describe('reference fixtures (__tests__/fixtures/logs/reference)', () => {
  test('docker 20.10 BuildKit plain, first build: every step ran, out-of-order vertices sorted', async () => {
    expect(await parsed(shared, 'docker20.10-buildkit-plain-first.log')).toEqual({
      ...none,
      format: 'buildkit-plain',
      imageId: 'sha256:593ab4fa07f3e34f6b7db32fef85a7f0679dfb8ab9e32a2936599fe704527256',
      steps: steps(
        [null, 'builder', 1, 5, 'FROM docker.io/local/busybox:1', false],
        [null, 'builder', 2, 5, 'WORKDIR /app', false],
        [null, 'builder', 3, 5, 'COPY package.json ./', false],
        [null, 'builder', 4, 5, 'RUN echo building > /built.txt', false],
        [null, 'builder', 5, 5, 'COPY src/ ./src/', false],
        [null, 'final', 1, 2, 'COPY --from=builder /built.txt /built.txt', false],
        [null, 'final', 2, 2, 'COPY --from=builder /app/src /src', false]
      )
    })
  })

  test('docker 20.10 BuildKit plain, rebuild: vertex-digest lines skipped, CACHED steps', async () => {
    expect(await parsed(shared, 'docker20.10-buildkit-plain-cached.log')).toEqual({
      ...none,
      format: 'buildkit-plain',
      imageId: 'sha256:593ab4fa07f3e34f6b7db32fef85a7f0679dfb8ab9e32a2936599fe704527256',
      steps: steps(
        [null, 'builder', 1, 5, 'FROM docker.io/local/busybox:1', false],
        [null, 'builder', 2, 5, 'WORKDIR /app', true],
        [null, 'builder', 3, 5, 'COPY package.json ./', true],
        [null, 'builder', 4, 5, 'RUN echo building > /built.txt', true],
        [null, 'builder', 5, 5, 'COPY src/ ./src/', true],
        [null, 'final', 1, 2, 'COPY --from=builder /built.txt /built.txt', true],
        [null, 'final', 2, 2, 'COPY --from=builder /app/src /src', true]
      )
    })
  })

  test('rawjson (docker 20.10 trace): vertices repeat, `cached: true` on completion', async () => {
    expect(await parsed(shared, 'docker20.10-buildkit-trace-decoded-as-rawjson.jsonl')).toEqual({
      ...none,
      format: 'rawjson',
      imageId: 'sha256:a28e41c44367c5a16f97833c097a4011856fccc664f653d1a764e4313fb7829c',
      steps: steps(
        [null, 'builder', 1, 5, 'FROM docker.io/local/busybox:1', false],
        [null, 'builder', 2, 5, 'WORKDIR /app', true],
        [null, 'builder', 3, 5, 'COPY package.json ./', true],
        [null, 'builder', 4, 5, 'RUN echo building > /built.txt', true],
        [null, 'builder', 5, 5, 'COPY src/ ./src/', true],
        [null, 'final', 1, 2, 'COPY --from=builder /built.txt /built.txt', true],
        [null, 'final', 2, 2, 'COPY --from=builder /app/src /src', true]
      )
    })
  })

  test('tty (ANSI stripped by script): durations dropped, CACHED prefix read', async () => {
    expect(await parsed(shared, 'docker20.10-buildkit-tty-auto-ansi-stripped.log')).toEqual({
      ...none,
      format: 'buildkit-tty',
      imageId: 'sha256:b5b6cf6c3e5a5d983e86d9dd0bfe56d911ac6cccde0e0d89ef340a71f20889a8',
      steps: steps(
        [null, 'builder', 1, 5, 'FROM docker.io/local/busybox:1', false],
        [null, 'builder', 2, 5, 'WORKDIR /app', true],
        [null, 'builder', 3, 5, 'COPY package.json ./', true],
        [null, 'builder', 4, 5, 'RUN echo building > /built.txt', true],
        [null, 'builder', 5, 5, 'COPY src/ ./src/', false],
        [null, 'final', 1, 2, 'COPY --from=builder /built.txt /built.txt', true],
        [null, 'final', 2, 2, 'COPY --from=builder /app/src /src', false]
      )
    })
  })

  test('legacy builder (docker 20.10 client): global Step N/M, `---> Using cache`', async () => {
    expect(await parsed(shared, 'docker20.10-legacy-cached.log')).toEqual({
      ...none,
      format: 'legacy',
      imageId: '242b5de45aaf',
      steps: steps(
        [null, null, 1, 8, 'FROM local/busybox:1 AS builder', false],
        [null, null, 2, 8, 'WORKDIR /app', true],
        [null, null, 3, 8, 'COPY package.json ./', true],
        [null, null, 4, 8, 'RUN echo building > /built.txt', true],
        [null, null, 5, 8, 'COPY src/ ./src/', true],
        [null, null, 6, 8, 'FROM scratch AS final', false],
        [null, null, 7, 8, 'COPY --from=builder /built.txt /built.txt', true],
        [null, null, 8, 8, 'COPY --from=builder /app/src /src', true]
      )
    })
  })

  test('legacy fallback of a docker 28 client: deprecation banner, ran and cached mixed', async () => {
    expect(await parsed(shared, 'docker28client-legacy-fallback-cached.log')).toEqual({
      ...none,
      format: 'legacy',
      imageId: '6911a329cabb',
      steps: steps(
        [null, null, 1, 8, 'FROM local/busybox:1 AS builder', false],
        [null, null, 2, 8, 'WORKDIR /app', true],
        [null, null, 3, 8, 'COPY package.json ./', false],
        [null, null, 4, 8, 'RUN echo building > /built.txt', false],
        [null, null, 5, 8, 'COPY src/ ./src/', false],
        [null, null, 6, 8, 'FROM scratch AS final', false],
        [null, null, 7, 8, 'COPY --from=builder /built.txt /built.txt', true],
        [null, null, 8, 8, 'COPY --from=builder /app/src /src', true]
      )
    })
  })

  test('inline cache after prune: the cache import is reported, single stage has no name', async () => {
    expect(await parsed(shared, 'inline-03-after-prune-af-with-cache-from.log')).toEqual({
      ...none,
      format: 'buildkit-plain',
      cacheImports: ['bkr-inline:1'],
      imageId: 'sha256:c16adc4f5f215308405df0e219a59c616af7244d740d8751805caf6a6b879f51',
      steps: steps(
        [null, null, 1, 6, 'FROM docker.io/local/busybox:1', false],
        [null, null, 2, 6, 'WORKDIR /app', true],
        [null, null, 3, 6, 'COPY package.json ./', true],
        [null, null, 4, 6, 'RUN echo installing > /installed.txt', true],
        [null, null, 5, 6, 'COPY src/ ./src/', true],
        [null, null, 6, 6, 'RUN echo built > /built.txt', true]
      )
    })
  })

  test('prune/df output is not a build log: format unknown, nothing found', async () => {
    expect(await parsed(shared, 'prune-filters-docker20.10.txt')).toEqual({
      ...none,
      format: 'unknown',
      steps: []
    })
  })

  test('buildctl plain (no digest lines), truncated: the FROM step it shows, cached', async () => {
    expect(
      await parsed(shared, 'public-buildctl-plain-stale-copy_buildkit-issue-2592.txt')
    ).toEqual({
      ...none,
      format: 'buildkit-plain',
      steps: steps([
        null,
        null,
        1,
        3,
        'FROM docker.io/library/alpine@sha256:21a3deaa0d32a8057914f36584b5288d2e5ecc984380bc0118285c70fa8c9300',
        true
      ])
    })
  })

  test('buildx docs excerpt: plain headers only, and a JSON example that is not rawjson', async () => {
    expect(await parsed(shared, 'public-buildx-docs-examples.txt')).toEqual({
      ...none,
      format: 'buildkit-plain',
      steps: []
    })
  })

  test('buildx 2020 plain with CI timestamps: old 72-char name cuts kept as printed', async () => {
    expect(await parsed(shared, 'public-buildx-plain-2020_docker-buildx-issue-293.txt')).toEqual({
      ...none,
      format: 'buildkit-plain',
      steps: steps(
        [null, 'prep', 2, 3, 'COPY . /src', true],
        [
          null,
          'prep',
          3,
          3,
          'RUN mkdir ./proj && cd ./src &&   find . -type f -a ( -iname ...',
          true
        ],
        [null, 'build', 2, 4, 'COPY --from=prep ./proj .', true],
        [
          null,
          'build',
          3,
          4,
          'RUN --mount=type=secret,id=nuget-config,dst=/src/nuget.confi...',
          true
        ],
        // Layer pulls follow, then the excerpt ends: never reported CACHED.
        [null, 'build', 4, 4, 'COPY --from=prep ./src .', false]
      )
    })
  })

  test('buildx docker-container driver: the builder line; layer-progress sha256 lines ignored', async () => {
    expect(
      await parsed(
        shared,
        'public-buildx-plain-docker-container-driver_docker-buildx-issue-1901.txt'
      )
    ).toEqual({
      ...none,
      format: 'buildkit-plain',
      builder:
        'building with "builder-37c35484-92d4-4c42-9ef0-be86ce9a2d6c" instance using docker-container driver',
      steps: []
    })
  })

  test('buildx tty multi-platform: platform dropped, padded index `builder  4/12`', async () => {
    expect(
      await parsed(shared, 'public-buildx-tty-multiplatform_docker-buildx-issue-319.txt')
    ).toEqual({
      ...none,
      format: 'buildkit-tty',
      steps: steps(
        [
          null,
          'builder',
          4,
          12,
          'RUN apk --update --no-cache add     build-base     gcc     git     npm   && rm -rf /tmp/* /var/cache/apk/*',
          true
        ],
        [null, 'builder', 5, 12, 'WORKDIR /app', true],
        [null, 'builder', 6, 12, 'COPY go.mod .', true],
        [null, 'builder', 7, 12, 'COPY go.sum .', true],
        [null, 'builder', 8, 12, 'RUN go mod download', true],
        [null, 'builder', 9, 12, 'COPY . ./', true],
        [
          null,
          'builder',
          10,
          12,
          'RUN npm --prefix client ci && npm --prefix client run build-prod',
          true
        ],
        [
          null,
          'stage-2',
          2,
          6,
          'RUN apk --update --no-cache add     ca-certificates     libcap     libressl     tzdata   && rm -rf /tmp/* /var/cache/apk/*',
          true
        ]
      )
    })
  })

  test('compose-cli tty, truncated mid-line: only [service internal] vertices, no steps', async () => {
    expect(
      await parsed(shared, 'public-compose-tty-service-prefix_compose-cli-pr-1470.txt')
    ).toEqual({ ...none, format: 'buildkit-tty', steps: [] })
  })

  test('compose v2 tty, truncated: `[worker] resolve ...` is no step', async () => {
    expect(
      await parsed(
        shared,
        'public-compose-v2-tty-service-prefix_jippi-docker-pixelfed-issue-75.txt'
      )
    ).toEqual({ ...none, format: 'buildkit-tty', steps: [] })
  })

  test('docker CLI forwarding to buildx (default driver): builder line, cut FROM header', async () => {
    expect(
      await parsed(
        shared,
        'public-docker-buildx-plain-default-driver_containerd-packaging-pr-365.txt'
      )
    ).toEqual({
      ...none,
      format: 'buildkit-plain',
      builder: 'building with "default" instance using docker driver',
      steps: steps([
        null,
        'golang',
        1,
        1,
        'FROM docker.io/library/golang:1.22.4@sha256:969349b8121a56d51c74f4c273ab974c15b3a8ae246a5cffc1df7d2...',
        false
      ])
    })
  })
})

describe('own fixtures (real builds on this daemon, __tests__/fixtures/logs)', () => {
  // BuildKit prints RUN with build args expanded; generate.sh records the NONCE it used.
  const nonce = readFileSync(resolve(own, 'own-nonce.txt'), 'utf8').trim()
  const msSteps = (cached: {
    stage1From: boolean
    stage1Copy: boolean
    builder: boolean[]
    final: boolean[]
  }): LogStep[] =>
    steps(
      // The builder's FROM shares its vertex with stage-1's (same image), named `[stage-1 1/2]`,
      // so stage-1 is seen first and `[builder 1/7]` is never printed.
      [null, 'stage-1', 1, 2, 'FROM docker.io/fresh-build/busybox:1', cached.stage1From],
      [null, 'stage-1', 2, 2, 'COPY --from=builder /built.txt /built.txt', cached.stage1Copy],
      // ARG is not counted: BuildKit numbers FROM, RUN, COPY, ADD and WORKDIR only.
      [null, 'builder', 2, 7, `RUN echo "${nonce}" > /nonce`, cached.builder[0]],
      [null, 'builder', 3, 7, 'WORKDIR /app', cached.builder[1]],
      [null, 'builder', 4, 7, 'COPY package.json ./', cached.builder[2]],
      [
        null,
        'builder',
        5,
        7,
        'RUN echo installing && cat package.json > /installed.txt',
        cached.builder[3]
      ],
      [null, 'builder', 6, 7, 'COPY src/ ./src/', cached.builder[4]],
      [null, 'builder', 7, 7, 'RUN cat src/*.txt > /built.txt', cached.builder[5]],
      // built.txt had bytes an earlier build also produced: COPY --from is keyed on content.
      [null, 'final', 1, 2, 'COPY --from=builder /built.txt /built.txt', cached.final[0]],
      [null, 'final', 2, 2, 'COPY --from=1 /built.txt /again.txt', cached.final[1]]
    )

  test('BuildKit plain, first build with a fresh nonce: builder steps ran', async () => {
    const log = await parsed(own, 'own-bk-plain-1-first.log')
    expect(log.format).toBe('buildkit-plain')
    expect(log.imageId).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(log.steps).toEqual(
      msSteps({
        stage1From: true,
        stage1Copy: true,
        builder: [false, false, false, false, false, false],
        final: [true, true]
      })
    )
  })

  test('BuildKit plain, src/a.txt changed: steps up to COPY src cached, the rest ran', async () => {
    const log = await parsed(own, 'own-bk-plain-2-src-changed.log')
    expect(log.steps).toEqual(
      msSteps({
        stage1From: false,
        stage1Copy: true,
        builder: [true, true, true, true, false, false],
        final: [true, true]
      })
    )
  })

  test('BuildKit tty with raw ANSI redraws, package.json changed: last state of each step', async () => {
    const log = await parsed(own, 'own-bk-tty-3-pkg-changed.ansi.log')
    expect(log.format).toBe('buildkit-tty')
    expect(log.imageId).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(log.steps).toEqual(
      msSteps({
        stage1From: false,
        stage1Copy: true,
        builder: [true, true, false, false, false, false],
        final: [true, true]
      })
    )
  })

  test('BuildKit plain, unchanged rebuild: every instruction step but the FROM cached', async () => {
    const log = await parsed(own, 'own-bk-plain-4-unchanged.log')
    expect(log.steps).toEqual(
      msSteps({
        stage1From: false,
        stage1Copy: true,
        builder: [true, true, true, true, true, true],
        final: [true, true]
      })
    )
  })

  const legacySteps = (cached: boolean[]): LogStep[] =>
    steps(
      ...(
        [
          'FROM fresh-build/busybox:1 AS builder',
          'ARG NONCE',
          'RUN echo "$NONCE" > /nonce',
          'WORKDIR /app',
          'COPY package.json ./',
          'RUN echo installing && cat package.json > /installed.txt',
          'COPY src/ ./src/',
          'RUN cat src/*.txt > /built.txt',
          'FROM fresh-build/busybox:1',
          'COPY --from=builder /built.txt /built.txt',
          'FROM scratch AS final',
          'COPY --from=builder /built.txt /built.txt',
          'COPY --from=1 /built.txt /again.txt'
        ] as const
      ).map((instruction, i): Row => [null, null, i + 1, 13, instruction, cached[i]])
    )

  test('legacy builder (docker 28 client), first build: all ran', async () => {
    const log = await parsed(own, 'own-legacy-1-first.log')
    expect(log.format).toBe('legacy')
    expect(log.imageId).toMatch(/^[0-9a-f]{12}$/)
    expect(log.steps).toEqual(legacySteps(Array<boolean>(13).fill(false)))
  })

  test('legacy builder, src changed: Using cache up to COPY src/, which ran', async () => {
    const log = await parsed(own, 'own-legacy-2-src-changed.log')
    const f = false
    const t = true
    expect(log.steps).toEqual(legacySteps([f, t, t, t, t, t, f, f, f, t, f, t, t]))
  })

  test('BuildKit plain, failing RUN: ERROR marks the step, later steps never show', async () => {
    const log = await parsed(own, 'own-bk-plain-error.log')
    expect(log).toEqual({
      ...none,
      format: 'buildkit-plain',
      steps: steps(
        [null, null, 1, 4, 'FROM docker.io/fresh-build/busybox:1', false],
        [null, null, 2, 4, 'COPY a.txt /a.txt', true],
        [null, null, 3, 4, `RUN echo "${nonce}" && echo about to fail && exit 3`, false, 'error']
      )
    })
  })

  test('legacy builder, failing RUN: `The command ... returned a non-zero code`', async () => {
    const log = await parsed(own, 'own-legacy-error.log')
    expect(log).toEqual({
      ...none,
      format: 'legacy',
      steps: steps(
        [null, null, 1, 5, 'FROM fresh-build/busybox:1', false],
        [null, null, 2, 5, 'ARG NONCE', true],
        [null, null, 3, 5, 'COPY a.txt /a.txt', false],
        [null, null, 4, 5, 'RUN echo "$NONCE" && echo about to fail && exit 3', false, 'error']
      )
    })
  })

  const padded = (cached: boolean[]): LogStep[] =>
    steps(
      [null, null, 1, 11, 'FROM docker.io/fresh-build/busybox:1', cached[0]],
      [null, null, 2, 11, `RUN echo "${nonce}" > /nonce`, cached[1]],
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((i): Row => [
        null,
        null,
        i + 2,
        11,
        `RUN echo step${i} > /s${i}`,
        cached[i + 1]
      ]),
      [null, null, 11, 11, 'COPY a.txt /a.txt', cached[10]]
    )

  test('single stage, padded `[ 1/11]` index, inline cache export', async () => {
    const log = await parsed(own, 'own-bk-plain-padded-inline-1.log')
    expect(log.cacheImports).toEqual([])
    // RUN nonce matched the multi-stage build's identical RUN on the same base: cached.
    expect(log.steps).toEqual(padded([false, true, ...Array<boolean>(9).fill(false)]))
  })

  test('--cache-from the inline-cache image: import reported, steps out of order sorted', async () => {
    const log = await parsed(own, 'own-bk-plain-padded-cache-from-2.log')
    expect(log.cacheImports).toEqual(['fb-logs-fx-pad:1'])
    expect(log.steps).toEqual(padded([false, ...Array<boolean>(9).fill(true), false]))
  })

  test('docker-compose v1 legacy: `Building <service>` headers give each step its service', async () => {
    const first = await parsed(own, 'own-compose-v1-legacy-1-first.log')
    const changed = await parsed(own, 'own-compose-v1-legacy-2-web-changed.log')
    const rows = (c: boolean[]): LogStep[] =>
      steps(
        ['web', null, 1, 6, 'FROM fresh-build/busybox:1 AS base', false],
        ['web', null, 2, 6, 'ARG NONCE', true],
        ['web', null, 3, 6, 'RUN echo "web $NONCE" > /n', c[0]],
        ['web', null, 4, 6, 'COPY a.txt /a.txt', false],
        ['web', null, 5, 6, 'FROM base', false],
        ['web', null, 6, 6, 'COPY a.txt /b.txt', false],
        ['api', null, 1, 4, 'FROM fresh-build/busybox:1', false],
        ['api', null, 2, 4, 'ARG NONCE', true],
        ['api', null, 3, 4, 'RUN echo "api $NONCE" > /n', c[1]],
        ['api', null, 4, 4, 'COPY a.txt /a.txt', c[2]]
      )
    expect(first.format).toBe('legacy')
    expect(first.steps).toEqual(rows([false, false, false]))
    expect(changed.steps).toEqual(rows([true, true, true]))
  })

  test('docker-compose v1 with BuildKit: vertex numbers restart per service, kept apart', async () => {
    const log = await parsed(own, 'own-compose-v1-bk-plain-3-web-changed.log')
    expect(log.format).toBe('buildkit-plain')
    expect(log.steps).toEqual(
      steps(
        ['web', 'base', 1, 3, 'FROM docker.io/fresh-build/busybox:1', true],
        ['web', 'base', 2, 3, `RUN echo "web ${nonce}" > /n`, false],
        ['web', 'base', 3, 3, 'COPY a.txt /a.txt', false],
        ['web', 'stage-1', 1, 1, 'COPY a.txt /b.txt', false],
        ['api', null, 1, 3, 'FROM docker.io/fresh-build/busybox:1', true],
        ['api', null, 2, 3, `RUN echo "api ${nonce}" > /n`, false],
        ['api', null, 3, 3, 'COPY a.txt /a.txt', false]
      )
    )
  })
})
