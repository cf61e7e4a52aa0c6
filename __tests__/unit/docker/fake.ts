import { expect, test } from '@jest/globals'
import type { DockerExec, ExecOptions, ExecResult } from '../../../src/docker/exec.js'

/** What a fake docker answers for one argv. */
export interface FakeReply {
  code?: number
  stdout?: string | Buffer
  stderr?: string
}

/**
 * A DockerExec that answers from a function and records every call, feeding stdout through
 * onLine/onStdout as the real wrapper does.
 */
export function fakeExec(
  reply: (args: string[]) => FakeReply
): DockerExec & { calls: string[][]; opts: ExecOptions[] } {
  const calls: string[][] = []
  const opts: ExecOptions[] = []
  const fn = async (args: string[], o: ExecOptions = {}): Promise<ExecResult> => {
    calls.push(args)
    opts.push(o)
    const r = reply(args)
    const out = Buffer.isBuffer(r.stdout) ? r.stdout : Buffer.from(r.stdout ?? '')
    if (o.onStdout) {
      for (let i = 0; i < out.length; i += 4096) await o.onStdout(out.subarray(i, i + 4096))
    }
    for (const l of out.toString('utf8').split('\n').filter(Boolean))
      if (!o.onStdout) o.onLine?.(l, 'stdout')
    for (const l of (r.stderr ?? '').split('\n').filter(Boolean)) o.onLine?.(l, 'stderr')
    return {
      code: r.code ?? 0,
      stdout: o.onStdout ? '' : out.toString('utf8'),
      stderr: r.stderr ?? '',
      truncated: false,
      aborted: o.signal?.aborted ?? false
    }
  }
  return Object.assign(fn, { calls, opts })
}

// jest runs every file under __tests__ as a suite; this one is a helper, so it checks itself
// only when run as its own suite (importers do not register the test).
if (expect.getState().testPath?.endsWith('fake.ts')) {
  test('fakeExec records calls and feeds onLine like the real wrapper', async () => {
    const exec = fakeExec(() => ({ stdout: 'a\nb\n', stderr: 'e\n', code: 2 }))
    const lines: string[] = []
    const r = await exec(['x'], { onLine: l => lines.push(l) })
    expect(r.code).toBe(2)
    expect(lines).toEqual(['a', 'b', 'e'])
    expect(exec.calls).toEqual([['x']])
  })
}
