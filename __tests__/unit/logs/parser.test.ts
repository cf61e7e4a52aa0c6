import { describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  LogParser,
  parseLog,
  parseLogFile,
  renderParseLogJson,
  toParseLogJson
} from '../../../src/logs/index.js'
import type { LogStep, ParsedLog } from '../../../src/model.js'

/** [service, stage, index, total, instruction, cached, error?] */
type Row = [string | null, string | null, number, number, string, boolean, 'error'?]

function rows(log: ParsedLog): Row[] {
  return log.steps.map((s: LogStep): Row => {
    const r: Row = [s.service, s.stage, s.index, s.total, s.instruction, s.cached]
    if (s.error === true) r.push('error')
    return r
  })
}

const lines = (...l: string[]): string => `${l.join('\n')}\n`

describe('BuildKit plain', () => {
  test('a re-printed header merges with its first sighting; CACHED in any sighting wins', () => {
    const log = parseLog(
      lines(
        '#4 [stage-1 1/2] FROM docker.io/fresh-build/busybox:1',
        '#4 DONE 0.0s',
        '#5 [builder 2/3] WORKDIR /app',
        '#5 CACHED',
        '#4 [stage-1 1/2] FROM docker.io/fresh-build/busybox:1',
        '#4 CACHED'
      )
    )
    expect(rows(log)).toEqual([
      [null, 'stage-1', 1, 2, 'FROM docker.io/fresh-build/busybox:1', true],
      [null, 'builder', 2, 3, 'WORKDIR /app', true]
    ])
  })

  test('interleaved vertices: status lines go to their own #N, not the last header', () => {
    const log = parseLog(
      lines(
        '#5 [a 2/3] RUN make',
        '#6 [a 3/3] COPY y /y',
        '#5 0.120 [a 3/3] CACHED (output of make, never a header)',
        '#6 CACHED',
        '#5 ...',
        '#5 DONE 0.2s'
      )
    )
    expect(rows(log)).toEqual([
      [null, 'a', 2, 3, 'RUN make', false],
      [null, 'a', 3, 3, 'COPY y /y', true]
    ])
  })

  test('buildx plain: `#0 building with`, CACHED right after the header, no digest lines', () => {
    const log = parseLog(
      lines(
        '#0 building with "default" instance using docker driver',
        '',
        '#1 [internal] load build definition from Dockerfile',
        '#1 transferring dockerfile: 227B 0.0s done',
        '#1 DONE 0.1s',
        '#4 [internal] load metadata for docker.io/library/alpine:3.20',
        '#4 DONE 0.3s',
        '#5 [1/3] FROM docker.io/library/alpine:3.20@sha256:abc',
        '#5 resolve docker.io/library/alpine:3.20@sha256:abc 0.0s done',
        '#5 sha256:9a3b 3.62MB / 3.62MB 0.2s done',
        '#5 extracting sha256:9a3b 0.1s done',
        '#5 DONE 0.4s',
        '#6 [2/3] COPY . .',
        '#6 CACHED',
        '#7 [3/3] RUN ./build.sh',
        '#7 0.301 built',
        '#7 DONE 0.5s',
        '#8 exporting to image',
        '#8 writing image sha256:1111 done',
        '#8 naming to docker.io/library/x:1 done',
        '#8 DONE 0.0s'
      )
    )
    expect(log.format).toBe('buildkit-plain')
    expect(log.builder).toBe('building with "default" instance using docker driver')
    expect(log.imageId).toBe('sha256:1111')
    expect(rows(log)).toEqual([
      [null, null, 1, 3, 'FROM docker.io/library/alpine:3.20@sha256:abc', false],
      [null, null, 2, 3, 'COPY . .', true],
      [null, null, 3, 3, 'RUN ./build.sh', false]
    ])
  })

  test('ONBUILD triggers are numbered in front of the stage: index may pass total', () => {
    // Measured on docker 20.10: `FROM a AS b` with `ONBUILD RUN true` in a, then `RUN echo b`.
    const log = parseLog(
      lines('#10 [b 1/1] RUN true', '#10 CACHED', '#11 [b 2/1] RUN echo b', '#11 DONE 0.2s')
    )
    expect(rows(log)).toEqual([
      [null, 'b', 1, 1, 'RUN true', true],
      [null, 'b', 2, 1, 'RUN echo b', false]
    ])
  })

  test('ERROR after a header marks that step', () => {
    const log = parseLog(
      lines('#7 [3/4] RUN exit 3', '#7 ERROR: process "/bin/sh -c exit 3" did not complete')
    )
    expect(rows(log)).toEqual([[null, null, 3, 4, 'RUN exit 3', false, 'error']])
  })

  test('docker 18.09/19.03 aligned fields: `cached: true`', () => {
    const log = parseLog(
      lines(
        '#5 [2/2] COPY . .',
        '#5       digest: sha256:aaaa',
        '#5         name: "[2/2] COPY . ."',
        '#5      started: 2019-05-01 10:00:00.1 +0000 UTC',
        '#5    completed: 2019-05-01 10:00:00.2 +0000 UTC',
        '#5     duration: 1ms',
        '#5       cached: true'
      )
    )
    expect(rows(log)).toEqual([[null, null, 2, 2, 'COPY . .', true]])
  })

  test('CRLF line endings and CI timestamps are read through', () => {
    const log = parseLog(
      '2024-01-02T03:04:05.1234567Z #3 [b 2/2] COPY . /src\r\n2024-01-02T03:04:05.2Z #3 CACHED\r\n'
    )
    expect(rows(log)).toEqual([[null, 'b', 2, 2, 'COPY . /src', true]])
  })

  test('only instruction steps: internal, auth, context, cache import, export are not', () => {
    const log = parseLog(
      lines(
        '#1 [internal] load build definition from Dockerfile',
        '#2 [auth] library/alpine:pull token for registry-1.docker.io',
        '#3 [context ui] load .dockerignore',
        '#4 importing cache manifest from ghcr.io/o/app:cache',
        '#4 inferred cache manifest type: application/vnd.oci.image.index.v1+json done',
        '#5 docker-image://docker.io/docker/dockerfile:1@sha256:abc',
        '#6 exporting to image',
        '#9 [linux/arm64 internal] load metadata for docker.io/library/alpine:3.20',
        '#10 [linux/arm64 build 2/2] COPY . .',
        '#10 CACHED'
      )
    )
    expect(log.cacheImports).toEqual(['ghcr.io/o/app:cache'])
    expect(rows(log)).toEqual([[null, 'build', 2, 2, 'COPY . .', true]])
  })

  test('multi-platform: each platform sighting merges into one step (cached if any was)', () => {
    const log = parseLog(
      lines(
        '#7 [linux/amd64 build 2/2] COPY . .',
        '#7 CACHED',
        '#8 [linux/arm64->amd64 build 2/2] COPY . .',
        '#8 DONE 0.1s'
      )
    )
    expect(rows(log)).toEqual([[null, 'build', 2, 2, 'COPY . .', true]])
  })
})

describe('docker compose', () => {
  test('compose v2: service inside the bracket; a lone word is a service once the log named it', () => {
    const log = parseLog(
      lines(
        '#1 [web internal] load build definition from Dockerfile',
        '#2 [api internal] load build definition from Dockerfile',
        '#3 [web] resolve image config for docker-image://docker.io/docker/dockerfile:1',
        '#5 [web builder 3/4] COPY . .',
        '#5 CACHED',
        '#6 [api 2/2] COPY main.go .',
        '#6 DONE 0.1s',
        '#7 [web builder 2/4] WORKDIR /app',
        '#7 CACHED',
        '#8 [web final 2/2] COPY --from=builder /app /app',
        '#9 [api] importing cache manifest from registry.local/api:cache'
      )
    )
    expect(log.cacheImports).toEqual(['registry.local/api:cache'])
    expect(rows(log)).toEqual([
      ['web', 'builder', 2, 4, 'WORKDIR /app', true],
      ['web', 'builder', 3, 4, 'COPY . .', true],
      ['web', 'final', 2, 2, 'COPY --from=builder /app /app', false],
      ['api', null, 2, 2, 'COPY main.go .', false]
    ])
  })

  test('a lone bracket word the log never named as a service is a stage', () => {
    expect(rows(parseLog(lines('#6 [api 2/2] COPY main.go .')))).toEqual([
      [null, 'api', 2, 2, 'COPY main.go .', false]
    ])
  })

  test('compose-cli era: `[project_service internal]` names the service as printed', () => {
    const log = parseLog(
      lines(
        ' => [proj_backend internal] load build definition from Dockerfile      0.0s',
        ' => CACHED [proj_backend 2/3] COPY go.mod .                             0.0s',
        ' => [proj_backend 3/3] RUN go build                                     1.2s'
      )
    )
    expect(rows(log)).toEqual([
      ['proj_backend', null, 2, 3, 'COPY go.mod .', true],
      ['proj_backend', null, 3, 3, 'RUN go build', false]
    ])
  })

  test('`web  | ` and `[api] ` line prefixes give the service; per-service vertex ids', () => {
    const log = parseLog(
      lines(
        'web-1  | #5 [builder 2/3] COPY . .',
        'api-1  | #5 [2/2] COPY main.go .',
        'web-1  | #5 CACHED',
        'api-1  | #5 DONE 0.1s'
      )
    )
    expect(log.format).toBe('buildkit-plain')
    expect(rows(log)).toEqual([
      ['web-1', 'builder', 2, 3, 'COPY . .', true],
      ['api-1', null, 2, 2, 'COPY main.go .', false]
    ])
    const legacy = parseLog(
      lines(
        '[worker] Step 2/3 : COPY . .',
        '[worker]  ---> Using cache',
        '[worker] Step 3/3 : RUN make',
        '[worker]  ---> Running in 0123456789ab'
      )
    )
    expect(rows(legacy)).toEqual([
      ['worker', null, 2, 3, 'COPY . .', true],
      ['worker', null, 3, 3, 'RUN make', false]
    ])
  })

  test('docker-compose v1 `Building x` counts only when a build starts right after it', () => {
    const log = parseLog(
      lines(
        'Building web',
        'Step 1/3 : FROM busybox',
        'Step 2/3 : RUN echo hi',
        ' ---> Running in 0123456789ab',
        'Building app',
        'hi',
        'Step 3/3 : COPY . .',
        ' ---> Using cache'
      )
    )
    expect(rows(log)).toEqual([
      ['web', null, 1, 3, 'FROM busybox', false],
      ['web', null, 2, 3, 'RUN echo hi', false],
      ['web', null, 3, 3, 'COPY . .', true]
    ])
  })
})

describe('tty', () => {
  test('raw ANSI with cursor-up redraws: the last state of each step, CR overwrites', () => {
    const esc = '\x1b'
    const log = parseLog(
      [
        `${esc}[?25l[+] Building 0.1s (3/5)\r`,
        `${esc}[34m => [internal] load build definition from Dockerfile   0.0s\r`,
        `${esc}[0m => [2/3] COPY . .                                    0.1s\r`,
        ` => [3/3] RUN make                                   0.1s\r`,
        `${esc}[?25h${esc}[3A${esc}[0G${esc}[?25l[+] Building 0.3s (5/5) FINISHED          docker:default\r`,
        `${esc}[34m => CACHED [2/3] COPY . .                             0.0s\r`,
        `${esc}[0m${esc}[31m => ERROR [3/3] RUN make                             0.2s\r`,
        `${esc}]0;title${esc}\\ => => # make: *** No rule to make target\r`,
        ` => => writing image sha256:2222   0.0s\r`,
        'Sending build context to Docker daemon  1.0kB\r\rnot legacy',
        ''
      ].join('\n')
    )
    expect(log.format).toBe('buildkit-tty')
    expect(log.builder).toBe('building with "default" instance using docker driver')
    expect(log.imageId).toBe('sha256:2222')
    expect(rows(log)).toEqual([
      [null, null, 2, 3, 'COPY . .', true],
      [null, null, 3, 3, 'RUN make', false, 'error']
    ])
  })
})

describe('rawjson', () => {
  test('vertex updates merge; error and cached read from the last ones', () => {
    const v = (o: object): string => JSON.stringify({ vertexes: [o] })
    const log = parseLog(
      lines(
        v({ digest: 'sha256:1', name: '[b 2/3] COPY . .' }),
        v({
          digest: 'sha256:1',
          name: '[b 2/3] COPY . .',
          started: 't',
          completed: 't',
          cached: true
        }),
        v({ digest: 'sha256:2', name: '[b 3/3] RUN make', started: 't' }),
        JSON.stringify({ logs: [{ vertex: 'sha256:2', stream: 1, data: 'aGkK' }] }),
        v({ digest: 'sha256:2', name: '[b 3/3] RUN make', error: 'exit code: 2' }),
        v({ digest: 'sha256:3', name: 'importing cache manifest from reg/x:c' }),
        JSON.stringify({ statuses: [{ id: 'writing image sha256:3333', vertex: 'sha256:9' }] }),
        '{"vertexes": 5, "statuses": [null, 1, {"id": 7}]}',
        '{"truncated": "line'
      )
    )
    expect(log.format).toBe('rawjson')
    expect(log.cacheImports).toEqual(['reg/x:c'])
    expect(log.imageId).toBe('sha256:3333')
    expect(rows(log)).toEqual([
      [null, 'b', 2, 3, 'COPY . .', true],
      [null, 'b', 3, 3, 'RUN make', false, 'error']
    ])
  })
})

describe('legacy builder', () => {
  test('COPY failed marks the open step; very old `Step N :` has total 0', () => {
    const log = parseLog(
      lines(
        'Step 1 : FROM busybox',
        ' ---> 0123456789ab',
        'Step 2 : COPY missing /x',
        'COPY failed: file not found in build context or excluded by .dockerignore'
      )
    )
    expect(rows(log)).toEqual([
      [null, null, 1, 0, 'FROM busybox', false],
      [null, null, 2, 0, 'COPY missing /x', false, 'error']
    ])
  })

  test('format detection: the format with the most steps wins over stray lines of another', () => {
    const log = parseLog(
      lines(
        'Step 1/3 : FROM busybox',
        'Step 2/3 : RUN cat notes.md',
        ' ---> Running in 0123456789ab',
        '#1 [x 1/2] a heading that looks like BuildKit',
        'Step 3/3 : COPY . .',
        ' ---> Using cache',
        'Successfully built 0123456789ab'
      )
    )
    expect(log.format).toBe('legacy')
    expect(log.imageId).toBe('0123456789ab')
    expect(rows(log).map(r => r[4])).toEqual(['FROM busybox', 'RUN cat notes.md', 'COPY . .'])
  })
})

describe('streaming and bounds', () => {
  const sample = lines(
    '#0 building with "default" instance using docker driver',
    '#5 [builder 2/3] RUN echo "héllo ✓ 你好"',
    '#5 CACHED',
    '#6 [builder 3/3] COPY . .',
    '#6 0.1 🚀 out',
    '#6 DONE 0.1s',
    '#7 writing image sha256:4444 done'
  )

  test('any split of the byte stream (inside multibyte characters too) parses the same', () => {
    const whole = parseLog(sample)
    const bytes = Buffer.from(sample)
    for (let cut = 0; cut <= bytes.length; cut++) {
      const p = new LogParser()
      p.write(bytes.subarray(0, cut))
      p.write(bytes.subarray(cut))
      expect(p.end()).toEqual(whole)
    }
    const oneByOne = new LogParser()
    for (const b of bytes) oneByOne.write(Buffer.from([b]))
    expect(oneByOne.end()).toEqual(whole)
    expect(whole.steps[0].instruction).toBe('RUN echo "héllo ✓ 你好"')
  })

  test('strings and Buffers can be mixed; no final newline needed; end() is idempotent', () => {
    const p = new LogParser()
    p.write(Buffer.from('#6 [b 1/1] COPY . .\n#6 CA'))
    p.write('CHED')
    const first = p.end()
    p.write('#7 [b 2/2] RUN x\n')
    expect(p.end()).toBe(first)
    expect(rows(first)).toEqual([[null, 'b', 1, 1, 'COPY . .', true]])
  })

  test('a line over the cap keeps its head, drops the rest, and the next line is intact', () => {
    const p = new LogParser({ maxLineLength: 64 })
    p.write(`#5 [a 2/3] RUN ${'x'.repeat(1000)}`)
    p.write(`${'y'.repeat(1000)}\n#5 CACHED\n#6 [a 3/3] COPY . .\n`)
    const log = p.end()
    expect(rows(log)).toEqual([
      [null, 'a', 2, 3, `RUN ${'x'.repeat(64 - 15)}`, true],
      [null, 'a', 3, 3, 'COPY . .', false]
    ])
  })

  test('a 256 MB line without a newline: memory stays bounded, parsing carries on after it', () => {
    const chunk = Buffer.alloc(1 << 20, 0x61)
    const p = new LogParser()
    p.write('#5 [a 1/2] RUN ')
    const before = process.memoryUsage().heapUsed
    for (let i = 0; i < 256; i++) p.write(chunk)
    const grown = process.memoryUsage().heapUsed - before
    p.write('\n#5 CACHED\n#6 [a 2/2] COPY . .\n')
    const log = p.end()
    expect(grown).toBeLessThan(128 * 1024 * 1024)
    expect(log.steps.map(s => [s.index, s.cached, s.instruction.length])).toEqual([
      [1, true, 16384],
      [2, false, 8]
    ])
  })

  test('parseLogFile streams a file; a missing file rejects', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fb-logs-'))
    try {
      const file = join(dir, 'build.log')
      writeFileSync(file, sample)
      expect(await parseLogFile(file)).toEqual(parseLog(sample))
      await expect(parseLogFile(join(dir, 'missing.log'))).rejects.toThrow(/ENOENT/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('parse-log --json', () => {
  test('exactly the contract fields, in order; error and extras left out', () => {
    const log = parseLog(
      lines(
        '#11 importing cache manifest from img:1',
        '#5 [builder 3/4] COPY src ./src',
        '#5 CACHED',
        '#6 [builder 4/4] RUN exit 1',
        '#6 ERROR: exit code: 1'
      )
    )
    expect(toParseLogJson(log)).toEqual({
      format: 'buildkit-plain',
      steps: [
        {
          service: null,
          stage: 'builder',
          index: 3,
          total: 4,
          instruction: 'COPY src ./src',
          cached: true
        },
        {
          service: null,
          stage: 'builder',
          index: 4,
          total: 4,
          instruction: 'RUN exit 1',
          cached: false
        }
      ]
    })
    const text = renderParseLogJson(log)
    expect(text.endsWith('}\n')).toBe(true)
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['format', 'steps'])
    expect(Object.keys((JSON.parse(text) as { steps: object[] }).steps[0])).toEqual([
      'service',
      'stage',
      'index',
      'total',
      'instruction',
      'cached'
    ])
  })

  test('a log with nothing recognisable renders format unknown and no steps', () => {
    expect(renderParseLogJson(parseLog('Total reclaimed space: 0B\n'))).toBe(
      '{\n  "format": "unknown",\n  "steps": []\n}\n'
    )
  })
})
