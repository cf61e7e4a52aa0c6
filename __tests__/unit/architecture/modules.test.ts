/**
 * Issue 11, consistent module boundaries: every folder under src/ has an index.ts that names what
 * it exports (no `export *`), and code outside a folder imports through that index; inside a
 * folder, files import each other directly. The two adapters (cli/, action/) are the exception
 * by design: their index.ts is the program's entry, and nothing imports them (imports.test.ts).
 */
import { existsSync } from 'node:fs'
import { join, posix } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import ts from 'typescript'
import { importSites, parse, repoRoot, tsFiles, type ImportSite } from './sources.js'

const ADAPTERS = new Set(['src/cli', 'src/action'])

/**
 * The CLI's main loads each command's modules when that command runs (issue 17: `--version` must
 * not parse the whole bundle), so it names the modules themselves: a folder's index would load
 * every command at start-up.
 */
const LAZY_ENTRIES = new Set(['src/cli/main.ts'])

const folders = (): string[] =>
  [...new Set(tsFiles('src').map(f => posix.dirname(f)))].filter(d => d !== 'src').sort()

/** Imports of a folder's files, other than its index, from a file outside that folder. */
function pastIndex(sites: readonly ImportSite[]): string[] {
  return sites.flatMap(s => {
    if (s.target === null || LAZY_ENTRIES.has(s.file)) return []
    const folder = posix.dirname(s.target)
    if (folder === 'src' || ADAPTERS.has(folder)) return []
    if (s.file.startsWith(`${folder}/`) || s.target === `${folder}/index.ts`) return []
    return [`${s.file}:${s.line} imports ${s.specifier} past ${folder}/index.ts`]
  })
}

/** `export *` statements of a file, which hide what a module exports. */
function starExports(sf: ts.SourceFile): string[] {
  return sf.statements
    .filter(st => ts.isExportDeclaration(st) && st.exportClause === undefined)
    .map(st => `${sf.fileName}:${sf.getLineAndCharacterOfPosition(st.getStart(sf)).line + 1}`)
}

describe('module boundaries', () => {
  test('every folder has an index.ts, and none exports with *', () => {
    const all = folders()
    expect(all).toEqual(expect.arrayContaining(['src/pipeline', 'src/pipeline/stages', 'src/util']))
    const missing = all.filter(d => !existsSync(join(repoRoot, d, 'index.ts')))
    expect(missing).toEqual([])
    expect(tsFiles('src').flatMap(f => starExports(parse(f)))).toEqual([])
  })

  test('code outside a folder imports through its index', () => {
    const sites = tsFiles('src').flatMap(f => importSites(parse(f)))
    expect(sites.filter(s => s.target?.endsWith('/index.ts')).length).toBeGreaterThan(50)
    expect(pastIndex(sites)).toEqual([])
  })

  test('the checks name an import past an index and an export *, and allow imports inside', () => {
    const text = [
      "import { runBuild } from '../../docker/build.js'",
      "import { dockerExec } from '../../docker/index.js'",
      "import { cureStage } from '../cure.js'",
      "export * from './prove.js'"
    ].join('\n')
    const sf = parse('src/pipeline/stages/made-up.ts', text)
    expect(pastIndex(importSites(sf))).toEqual([
      'src/pipeline/stages/made-up.ts:1 imports ../../docker/build.js past src/docker/index.ts'
    ])
    expect(starExports(sf)).toEqual(['src/pipeline/stages/made-up.ts:4'])
    const fromParent = parse('src/pipeline/guard.ts', "import { prove } from './stages/prove.js'")
    expect(pastIndex(importSites(fromParent))).toEqual([
      'src/pipeline/guard.ts:1 imports ./stages/prove.js past src/pipeline/stages/index.ts'
    ])
  })
})
