/** The action's `mode: verify`: its inputs as VerifyOptions, every path checked first. */
import { resolve } from 'node:path'
import { UsageError } from '../pipeline/index.js'
import type { VerifyOptions } from '../verify/index.js'
import { insideWorkspace, workspacePath, type Inputs } from './inputs.js'

export async function planVerify(
  inputs: Inputs,
  workspace: string,
  state: string | null,
  docker: string
): Promise<VerifyOptions> {
  const compose = inputs['compose-file']
  if (compose && inputs.containers.length > 0) {
    throw new UsageError('input containers: give containers or compose-file, not both')
  }
  if (!compose && inputs.containers.length === 0) {
    throw new UsageError(
      'input containers: verify mode needs the containers (or compose-file) to check'
    )
  }
  let wait = 0
  if (inputs.wait !== '') {
    wait = Number(inputs.wait)
    if (!/^\d+(\.\d+)?$/.test(inputs.wait) || wait > 86400) {
      throw new UsageError(`input wait: "${inputs.wait.slice(0, 40)}" is not a number of seconds`)
    }
  }
  // Context and Dockerfile only name the record here: nothing is read from them.
  const context = insideWorkspace(workspace, inputs.context, 'context')
  return {
    containers: inputs.containers,
    compose: compose
      ? {
          file: await workspacePath(workspace, compose, 'compose-file', 'file'),
          services: inputs.services
        }
      : null,
    image: inputs.image || null,
    context,
    file: insideWorkspace(workspace, inputs.file || resolve(context, 'Dockerfile'), 'file'),
    target: inputs.target || null,
    state,
    wait,
    docker
  }
}
