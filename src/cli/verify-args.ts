/** `fresh-build verify` options, validated before any docker call. */
import { truncate, UsageError } from '../pipeline/index.js'
import type { VerifyOptions } from '../verify/index.js'

type Values = Partial<Record<string, string | boolean | string[]>>

export function verifyOptions(
  values: Values,
  abs: (p: string) => string,
  context: string,
  file: string,
  docker: string
): VerifyOptions {
  const list = (n: string): string[] => (values[n] as string[] | undefined) ?? []
  const str = (n: string): string | undefined => values[n] as string | undefined
  const containers = list('container')
  const composeFile = str('compose-file')
  if (composeFile !== undefined && containers.length > 0) {
    throw new UsageError('--container and --compose-file are two ways to name targets: use one')
  }
  if (composeFile === undefined && containers.length === 0) {
    throw new UsageError('verify needs --container NAME or --compose-file F (the targets)')
  }
  if (composeFile === undefined && list('service').length > 0) {
    throw new UsageError('--service needs --compose-file')
  }
  for (const [i, c] of containers.entries()) {
    if (c.trim() === '' || c.startsWith('-')) {
      throw new UsageError(`--container #${i + 1}: "${truncate(c)}" is not a container name or id`)
    }
  }
  const waitText = str('wait')
  let wait = 0
  if (waitText !== undefined) {
    wait = Number(waitText)
    if (!/^\d+(\.\d+)?$/.test(waitText.trim()) || !Number.isFinite(wait) || wait > 86400) {
      throw new UsageError(`--wait: "${truncate(waitText)}" is not a number of seconds (0-86400)`)
    }
  }
  return {
    containers,
    compose:
      composeFile !== undefined ? { file: abs(composeFile), services: list('service') } : null,
    image: str('image') ?? null,
    context,
    file,
    target: str('target') ?? null,
    state: str('state') !== undefined ? abs(str('state') as string) : null,
    wait,
    docker
  }
}
