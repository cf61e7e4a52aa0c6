import { describe, expect, test } from '@jest/globals'
import {
  DockerError,
  commandError,
  commandLabel,
  dockerClient,
  dockerExec,
  lastErrorLine,
  run,
  runOrThrow
} from '../../../src/docker/exec.js'

const NODE = process.execPath
const js = (code: string): string[] => ['-e', code]

describe('run', () => {
  test('returns non-zero exit codes instead of throwing', async () => {
    const r = await run(
      NODE,
      js('process.stderr.write("boom\\nlast words\\n\\n"); process.exit(3)')
    )
    expect(r.code).toBe(3)
    expect(r.aborted).toBe(false)
    expect(lastErrorLine(r)).toBe('last words')
  })

  test('passes argv verbatim: no shell expansion', async () => {
    const r = await run(NODE, [
      ...js('process.stdout.write(JSON.stringify(process.argv.slice(1)))'),
      '$HOME',
      '*',
      'a b;c'
    ])
    expect(JSON.parse(r.stdout)).toEqual(['$HOME', '*', 'a b;c'])
  })

  test('streams complete lines of both streams, CRLF trimmed, last partial line flushed', async () => {
    const lines: [string, string][] = []
    await run(NODE, js('process.stdout.write("a\\r\\nb"); process.stderr.write("e1\\ne2\\n")'), {
      onLine: (l, s) => lines.push([s, l])
    })
    expect(lines.filter(([s]) => s === 'stdout').map(([, l]) => l)).toEqual(['a', 'b'])
    expect(lines.filter(([s]) => s === 'stderr').map(([, l]) => l)).toEqual(['e1', 'e2'])
  })

  test('keeps a multi-byte character split across chunks intact', async () => {
    const lines: string[] = []
    const code =
      'const b=Buffer.from("é\\n"); process.stdout.write(b.subarray(0,1)); setTimeout(()=>process.stdout.write(b.subarray(1)),20)'
    await run(NODE, js(code), { onLine: l => lines.push(l) })
    expect(lines).toEqual(['é'])
  })

  test('bounds capture to the tail', async () => {
    const r = await run(NODE, js('process.stdout.write("x".repeat(5000) + "END")'), {
      maxCapture: 100
    })
    expect(r.truncated).toBe(true)
    expect(r.stdout).toHaveLength(100)
    expect(r.stdout.endsWith('END')).toBe(true)
  })

  test('env overrides and removals', async () => {
    const r = await run(
      NODE,
      js('process.stdout.write(JSON.stringify([process.env.FB_A, process.env.FB_B ?? null]))'),
      {
        baseEnv: { ...process.env, FB_B: 'base' },
        env: { FB_A: '1', FB_B: undefined }
      }
    )
    expect(JSON.parse(r.stdout)).toEqual(['1', null])
  })

  test('abort kills the process and says so', async () => {
    const ac = new AbortController()
    setTimeout(() => ac.abort(), 50)
    const r = await run(NODE, js('setTimeout(() => {}, 10000)'), { signal: ac.signal })
    expect(r.aborted).toBe(true)
    expect(r.code).toBe(128 + 15)
  })

  test('onStdout receives raw bytes with backpressure and no capture', async () => {
    let total = 0
    const r = await run(NODE, js('process.stdout.write(Buffer.alloc(1 << 20, 7))'), {
      onStdout: async chunk => {
        total += chunk.length
        await new Promise(res => setImmediate(res))
      }
    })
    expect(total).toBe(1 << 20)
    expect(r.stdout).toBe('')
  })

  test('a missing binary is one clear DockerError', async () => {
    await expect(run('/nonexistent/docker', ['version'])).rejects.toThrow(
      new DockerError(
        'cannot run "/nonexistent/docker": not found (install the docker CLI or set DOCKER_PATH)'
      )
    )
  })

  test('input is written to stdin', async () => {
    const r = await run(NODE, js('process.stdin.pipe(process.stdout)'), { input: 'hello' })
    expect(r.stdout).toBe('hello')
  })
})

describe('docker client', () => {
  test.each([
    [{}, {}, 'docker'],
    [{}, { DOCKER_PATH: '/usr/bin/docker' }, '/usr/bin/docker'],
    [{ dockerPath: '/opt/docker' }, { DOCKER_PATH: '/usr/bin/docker' }, '/opt/docker']
  ])('binary from option %j and env %j', (opts, env, bin) => {
    expect(dockerClient({ ...opts, env }).bin).toBe(bin)
  })

  test('dockerExec runs the bound binary with the client env (DOCKER_HOST passes through)', async () => {
    const exec = dockerExec(
      dockerClient({
        dockerPath: NODE,
        env: { DOCKER_HOST: 'tcp://h:2375', PATH: process.env.PATH }
      })
    )
    const r = await exec(
      js('process.stdout.write(String(process.env.DOCKER_HOST) + String(process.env.HOME))')
    )
    expect(r.stdout).toBe('tcp://h:2375undefined')
  })

  test('runOrThrow turns the last stderr line into the message', async () => {
    const exec = dockerExec(dockerClient({ dockerPath: NODE }))
    await expect(
      runOrThrow(
        exec,
        js('console.error("Error response from daemon: no such image"); process.exit(1)')
      )
    ).rejects.toThrow(/failed \(exit 1\): Error response from daemon: no such image$/)
  })
})

describe('messages', () => {
  test.each([
    [['builder', 'prune', '-f'], 'docker builder prune'],
    [['save', 'img:1'], 'docker save img:1'],
    [['--host', 'x', 'build'], 'docker'],
    [['buildx', 'build', '--load', '.'], 'docker buildx build']
  ])('commandLabel(%j) = %s', (args, label) => {
    expect(commandLabel(args)).toBe(label)
  })

  test('lastErrorLine falls back to stdout, then to the exit code', () => {
    expect(lastErrorLine({ code: 1, stdout: 'out line\n', stderr: '\n  \n' })).toBe('out line')
    expect(lastErrorLine({ code: 2, stdout: '', stderr: '' })).toBe('exit code 2')
  })

  test('DockerError is one line', () => {
    const e = commandError(['builder', 'prune'], {
      code: 1,
      stdout: '',
      stderr: 'a\nb\n',
      truncated: false,
      aborted: false
    })
    expect(e.message).toBe('docker builder prune failed (exit 1): b')
    expect(new DockerError('x\n  y').message).toBe('x y')
    expect(e.code).toBe(1)
  })
})
