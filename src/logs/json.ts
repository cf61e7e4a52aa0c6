import type { LogFormat, LogStep, ParsedLog } from '../model.js'

/** The document `fresh-build parse-log FILE --json` prints (docs/contract.md). */
export interface ParseLogJson {
  format: LogFormat
  /** Every field of a step but `error`, which the contract does not carry. */
  steps: Omit<LogStep, 'error'>[]
}

/** Picks the contract's fields, in the contract's order, from a parsed log. */
export function toParseLogJson(log: ParsedLog): ParseLogJson {
  return {
    format: log.format,
    steps: log.steps.map(s => ({
      service: s.service,
      stage: s.stage,
      index: s.index,
      total: s.total,
      instruction: s.instruction,
      cached: s.cached
    }))
  }
}

/** `parse-log --json` output: exactly one JSON document (newline-terminated). */
export function renderParseLogJson(log: ParsedLog): string {
  return `${JSON.stringify(toParseLogJson(log), null, 2)}\n`
}
