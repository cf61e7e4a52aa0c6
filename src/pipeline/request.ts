/**
 * What a run is asked to do, as both adapters (the CLI in src/cli/, the action in src/action/)
 * express it. It lives below them so that neither depends on the other, and the pipeline
 * depends on neither.
 */

/** `--compose-file F [--service S]...` (CLI) or `compose-file` + `services` (action). */
export interface ComposeCli {
  file: string
  services: string[]
}
