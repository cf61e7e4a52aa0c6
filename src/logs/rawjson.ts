import { FormatReader } from './facts.js'
import { parseVertexName } from './names.js'

/** The image id in docker 20.10's aux messages. */
const IMAGE_ID_PREFIX = 'sha256:'

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** `--progress=rawjson`: one client.SolveStatus per line; vertices repeat as they progress. */
export class RawJsonReader extends FormatReader {
  readonly format = 'rawjson'

  line(line: string, service: string | null): void {
    let doc: unknown
    try {
      doc = JSON.parse(line)
    } catch {
      return
    }
    if (!isRecord(doc)) return
    const { vertexes, statuses, logs, warnings } = doc
    if (Array.isArray(vertexes)) this.vertexes(vertexes, service)
    if (Array.isArray(statuses)) {
      for (const s of statuses) {
        if (isRecord(s) && typeof s.id === 'string') this.facts.writingImage(s.id)
      }
    }
    // docker 20.10's API stream carries the image id as an aux message next to the trace.
    const api = isRecord(doc._non_trace_api_message) ? doc._non_trace_api_message : doc
    const aux = api.aux
    if (isRecord(aux) && typeof aux.ID === 'string' && aux.ID.startsWith(IMAGE_ID_PREFIX)) {
      this.facts.imageId = aux.ID
    }
    if (
      Array.isArray(vertexes) ||
      Array.isArray(statuses) ||
      Array.isArray(logs) ||
      Array.isArray(warnings) ||
      api !== doc
    ) {
      this.signals++
    }
  }

  private vertexes(vertexes: unknown[], service: string | null): void {
    for (const v of vertexes) {
      if (!isRecord(v) || typeof v.name !== 'string') continue
      const error = typeof v.error === 'string' && v.error !== ''
      const name = parseVertexName(v.name)
      if (name.kind === 'step') this.signals++
      this.sighting(name, service, v.cached === true, error)
    }
  }
}
