/**
 * The one in-process runner of the `fresh-build` CLI for tests: `main` with captured streams, the
 * suite's environment (suiteEnv, which keeps DOCKER_HOST) and a working directory outside any
 * context unless a test names its own.
 */
import { tmpdir } from 'node:os'
import { main } from '../../src/cli/main.js'
import { suiteEnv } from './env.js'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export interface CliRunOptions {
  /** Defaults to the OS temp directory. */
  cwd?: string
  /** Defaults to suiteEnv(). */
  env?: NodeJS.ProcessEnv
}

/** `fresh-build <argv>` in-process; its exit code and everything it wrote to each stream. */
export async function runCli(argv: readonly string[], opts: CliRunOptions = {}): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    stdout: s => void (stdout += s),
    stderr: s => void (stderr += s),
    cwd: opts.cwd ?? tmpdir(),
    env: opts.env ?? suiteEnv()
  })
  return { code, stdout, stderr }
}
