/**
 * ONBUILD triggers of local base images (`docker image inspect` `.Config.OnBuild`): BuildKit runs
 * them in the child stage right after FROM, so a trigger `COPY . /app/` reads the context like
 * any COPY of the Dockerfile itself.
 */
import type { DockerExec } from './exec.js'

export interface OnBuildRead {
  /** Image reference as written in FROM -> its triggers (only images that have some). */
  triggers: Map<string, string[]>
  /** One line per image whose triggers could not be read (not a missing image: that is pulled). */
  problems: string[]
}

/** Reads the triggers of each image; never throws. */
export async function readOnBuild(
  exec: DockerExec,
  images: readonly string[]
): Promise<OnBuildRead> {
  const triggers = new Map<string, string[]>()
  const problems: string[] = []
  await Promise.all(
    [...new Set(images)].map(async image => {
      const r = await exec([
        'image',
        'inspect',
        '--format',
        '{{json .Config.OnBuild}}',
        image
      ]).catch((e: unknown) => ({
        code: -1,
        stdout: '',
        stderr: e instanceof Error ? e.message : String(e)
      }))
      if (r.code !== 0) {
        // An image that is not local is pulled by the build: its triggers are not knowable here.
        if (!/no such (image|object)/i.test(r.stderr)) {
          problems.push(
            `the ONBUILD triggers of base image ${image} could not be read (${r.stderr.trim().split('\n')[0] ?? ''}): steps they add are not judged`
          )
        }
        return
      }
      try {
        const list = JSON.parse(r.stdout.trim() || 'null') as unknown
        if (Array.isArray(list) && list.length > 0 && list.every(t => typeof t === 'string')) {
          triggers.set(image, list as string[])
        }
      } catch {
        problems.push(`the ONBUILD triggers of base image ${image} are unreadable`)
      }
    })
  )
  return { triggers, problems }
}
