import type { LogFormat } from '../model.js'
import { cacheImportOf, type VertexName } from './names.js'
import { StepTable } from './steps.js'

/** Bound for hostile input: distinct cache sources, services and open legacy steps kept. */
export const MAX_NAMES = 1000

/** `writing image sha256:… done`: BuildKit's exporter names the image it wrote. */
const WRITING_IMAGE = 'writing image '

export type Format = Exclude<LogFormat, 'unknown'>

/** First word of a text (`sha256:x done` -> `sha256:x`). */
export function firstWord(text: string): string {
  const t = text.trim()
  const space = t.indexOf(' ')
  return space < 0 ? t : t.slice(0, space)
}

/** What a log says besides its steps, whichever format's lines said it. */
export class LogFacts {
  /** Compose services the log named in brackets (`[web internal]`). */
  readonly services = new Set<string>()
  readonly cacheImports: string[] = []
  builder: string | null = null
  imageId: string | null = null

  addService(name: string): void {
    if (this.services.size < MAX_NAMES) this.services.add(name)
  }

  addCacheImport(ref: string | null): void {
    if (ref === null || this.cacheImports.includes(ref)) return
    if (this.cacheImports.length < MAX_NAMES) this.cacheImports.push(ref)
  }

  /** Takes the image id from a `writing image <id>` status; false when the text is not one. */
  writingImage(text: string): boolean {
    if (!text.startsWith(WRITING_IMAGE)) return false
    this.imageId = firstWord(text.slice(WRITING_IMAGE.length))
    return true
  }
}

/**
 * The reader of one log format: the steps its lines showed and how many lines only that format
 * prints (`signals`), which together pick the log's format at the end.
 */
export abstract class FormatReader {
  abstract readonly format: Format
  readonly table = new StepTable()
  signals = 0

  constructor(protected readonly facts: LogFacts) {}

  /** Records what a BuildKit vertex name says; returns the step key when it is a step. */
  protected sighting(
    name: VertexName,
    service: string | null,
    cached: boolean,
    error: boolean
  ): string | null {
    if (name.kind === 'step') {
      return this.table.add({
        lineService: service,
        words: name.words,
        index: name.index,
        total: name.total,
        instruction: name.instruction,
        cached,
        error
      })
    }
    if (name.service !== null) this.facts.addService(name.service)
    this.facts.addCacheImport(cacheImportOf(name.text))
    return null
  }
}
