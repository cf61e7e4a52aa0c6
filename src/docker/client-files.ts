/**
 * The files the docker client itself reads, found the way it finds them: its configuration folder
 * and, for a bare name, the binary PATH lookup runs. The Engine API shortcut, the probe's
 * fingerprint and the registry credentials all need the same answers.
 */
import { open } from 'node:fs/promises'
import { homedir } from 'node:os'
import { delimiter, join, resolve } from 'node:path'

/** $DOCKER_CONFIG, else ~/.docker: where the client keeps config.json and cli-plugins. */
export function clientConfigDir(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker')
}

/** The client binary a spawn would run: the first candidate on PATH that opens; null if none. */
export async function locateClient(bin: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  const candidates = bin.includes('/')
    ? [resolve(bin)]
    : (env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map(d => join(d, bin))
  for (const file of candidates) {
    const fh = await open(file, 'r').catch(() => null)
    if (fh === null) continue
    await fh.close()
    return file
  }
  return null
}
