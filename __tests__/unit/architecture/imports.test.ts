/**
 * Issue 11: the adapters sit on top. Nothing in src/pipeline/ or below imports src/cli/ or
 * src/action/, and neither adapter imports the other: both ask the pipeline through
 * src/pipeline/request.ts. Every import form counts: static, re-export, `import()` and `import('x').T`.
 */
import { describe, expect, test } from '@jest/globals'
import { importSites, parse, tsFiles, type ImportSite } from './sources.js'

/** The adapters, and the entry files that run each one (they may import their own adapter). */
const ADAPTERS: readonly { folder: string; entries: readonly string[] }[] = [
  { folder: 'src/cli/', entries: ['src/cli.ts'] },
  { folder: 'src/action/', entries: ['src/index.ts', 'src/main.ts'] }
]

/** Each import into an adapter from a file that is neither in it nor one of its entries. */
function upwardImports(sites: readonly ImportSite[]): string[] {
  return sites.flatMap(s => {
    const into = ADAPTERS.find(a => s.target?.startsWith(a.folder))
    if (!into || s.file.startsWith(into.folder) || into.entries.includes(s.file)) return []
    return [`${s.file}:${s.line} imports ${s.specifier} (${s.target ?? ''})`]
  })
}

describe('import direction', () => {
  test('no import runs from the pipeline (or below) up into cli/ or action/', () => {
    const sites = tsFiles('src').flatMap(f => importSites(parse(f)))
    // The scan sees the imports it judges: the pipeline's and the adapters' own.
    expect(sites.some(s => s.file.startsWith('src/pipeline/') && s.target !== null)).toBe(true)
    expect(
      sites.some(s => s.file.startsWith('src/cli/') && s.target?.startsWith('src/pipeline/'))
    ).toBe(true)
    expect(upwardImports(sites)).toEqual([])
  })

  test('the check names every kind of upward import, and allows an adapter its own files', () => {
    const text = [
      "import { parseCli } from '../../cli/args.js'",
      "export { getInputs } from '../../action/inputs.js'",
      "const m = await import('../../cli/main.js')",
      "type T = import('../../action/log.js').Log",
      "import { x } from '../run.js'",
      "import core from '@actions/core'"
    ].join('\n')
    expect(upwardImports(importSites(parse('src/pipeline/stages/made-up.ts', text)))).toEqual([
      'src/pipeline/stages/made-up.ts:1 imports ../../cli/args.js (src/cli/args.ts)',
      'src/pipeline/stages/made-up.ts:2 imports ../../action/inputs.js (src/action/inputs.ts)',
      'src/pipeline/stages/made-up.ts:3 imports ../../cli/main.js (src/cli/main.ts)',
      'src/pipeline/stages/made-up.ts:4 imports ../../action/log.js (src/action/log.ts)'
    ])
    const own = "import { parseCli } from './args.js'\nimport { run } from '../action/inputs.js'"
    expect(upwardImports(importSites(parse('src/cli/main.ts', own)))).toEqual([
      'src/cli/main.ts:2 imports ../action/inputs.js (src/action/inputs.ts)'
    ])
  })
})
