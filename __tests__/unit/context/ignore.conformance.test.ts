/**
 * The upstream moby/patternmatcher test tables and the extra computed cases (__tests__/fixtures/conformance, sources in its README),
 * one jest test per case. `expected` is current Docker; where Docker 20.10 differs, current wins.
 */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  compileForm,
  compilePatterns,
  ExcludeRules,
  IgnoreSyntaxError,
  parentDirs,
  parseIgnoreFile
} from '../../../src/gomatch/index.js'
import type { Matcher, MatchInfo, MatchType } from '../../../src/gomatch/index.js'

const DIR = join(process.cwd(), '__tests__', 'fixtures', 'conformance')

interface GoResults {
  MatchesOrParentMatches?: boolean
  MatchesUsingParentResults?: boolean
  new_error?: string
}
interface UpstreamCase {
  id: string
  kind: 'match' | 'compile' | 'parse' | 'ignorefile_readall'
  table: string
  patterns: string[] | null
  pattern?: string | null
  path: string | null
  expected: boolean | null
  expected_error?: string
  go_results?: GoResults
  expected_match_type?: string
  expected_regexp_unix?: string | null
  expected_pattern_count?: number
  expected_exclusions?: boolean
  ignorefile_content?: string
  expected_patterns?: string[]
}
interface ExtraCase {
  note: string
  dockerignore_lines: string
  patterns_after_ReadAll: string[] | null
  path: string
  modern_MatchesOrParentMatches: { excluded?: boolean; error?: string }
}

const upstream = JSON.parse(
  readFileSync(join(DIR, 'patternmatcher_cases.json'), 'utf8')
) as UpstreamCase[]
const extra = JSON.parse(
  readFileSync(join(DIR, 'patternmatcher_extra_computed_cases.json'), 'utf8')
) as ExtraCase[]

/** MatchesUsingParentResults as the Go tests feed it: each parent dir in turn, then the path. */
function fed(m: Matcher, path: string): boolean {
  let info: MatchInfo | undefined
  for (const dir of parentDirs(path)) info = m.match(dir, info).info
  return m.match(path, info).excluded
}

const GO_TYPES: Record<string, MatchType> = {
  exactMatch: 'exact',
  prefixMatch: 'prefix',
  suffixMatch: 'suffix',
  regexpMatch: 'regexp'
}

const name = (c: UpstreamCase): string =>
  `${c.id} ${c.table}: ${JSON.stringify(c.patterns ?? c.ignorefile_content)}${c.path === null ? '' : ` on ${JSON.stringify(c.path)}`}`

describe('patternmatcher_cases.json', () => {
  test('holds every kind of case', () => {
    expect(upstream.length).toBe(166)
  })

  for (const c of upstream.filter(x => x.kind === 'match')) {
    const newError = c.go_results?.new_error
    if (newError !== undefined) {
      test(`${name(c)} is rejected by New`, () => {
        const patterns = c.patterns ?? []
        expect(() => compilePatterns(patterns, '.dockerignore')).toThrow(IgnoreSyntaxError)
        expect(() => compilePatterns(patterns, '.dockerignore')).toThrow(newError)
      })
    } else if (c.expected_error !== undefined) {
      // pm-165: New accepts it (filepath.Match passes), Go's regexp rejects it on every match call.
      test(`${name(c)} fails when matched, every time`, () => {
        const m = compilePatterns(c.patterns ?? [])
        const path = c.path ?? ''
        expect(() => m.matchesOrParentMatches(path)).toThrow(IgnoreSyntaxError)
        expect(() => m.matchesOrParentMatches(path)).toThrow(/syntax error in pattern/)
        expect(() => m.match(path)).toThrow(IgnoreSyntaxError)
      })
    } else {
      test(`${name(c)} -> ${String(c.expected)}`, () => {
        const m = compilePatterns(c.patterns ?? [])
        const path = c.path ?? ''
        expect(m.matchesOrParentMatches(path)).toBe(c.expected)
        expect(m.match(path).excluded).toBe(c.go_results?.MatchesOrParentMatches)
        expect(fed(m, path)).toBe(c.go_results?.MatchesUsingParentResults)
      })
    }
  }

  // COPY --exclude goes through the same matcher, driven as fsutil's copier drives it: each path
  // judged with its parent directory's results. The copier only ever asks about clean relative
  // paths below a source root, so the cases on other paths ('/', 'dir/file/', '.') are left out.
  for (const c of upstream.filter(x => x.kind === 'match')) {
    const path = c.path ?? ''
    const error = c.go_results?.new_error ?? c.expected_error
    if (error !== undefined) {
      test(`${name(c)}: COPY --exclude rejects the patterns, as BuildKit does`, () => {
        const rules = new ExcludeRules(c.patterns ?? [])
        expect(rules.rejected).toBeInstanceOf(IgnoreSyntaxError)
        expect(rules.rejected?.message).toMatch(/COPY --exclude/)
      })
    } else if (/^[^/]+(\/[^/]+)*$/.test(path) && !/(^|\/)\.\.?(\/|$)/.test(path)) {
      test(`${name(c)}: COPY --exclude -> ${String(c.go_results?.MatchesUsingParentResults)}`, () => {
        const rules = new ExcludeRules(c.patterns ?? [])
        expect(rules.rejected).toBeNull()
        expect(rules.excluded(path)).toBe(c.go_results?.MatchesUsingParentResults)
      })
    }
  }

  for (const c of upstream.filter(x => x.kind === 'compile')) {
    test(`${name(c)} compiles to ${c.expected_match_type} ${c.expected_regexp_unix ?? ''}`, () => {
      const form = compileForm(c.pattern ?? '')
      expect(form.matchType).toBe(GO_TYPES[c.expected_match_type ?? ''])
      expect(form.regexp).toBe(c.expected_regexp_unix ?? null)
    })
  }

  for (const c of upstream.filter(x => x.kind === 'parse')) {
    test(name(c), () => {
      const patterns = c.patterns ?? []
      if (c.expected_error !== undefined) {
        expect(() => compilePatterns(patterns)).toThrow(c.expected_error)
        return
      }
      const m = compilePatterns(patterns)
      if (c.expected_pattern_count !== undefined)
        expect(m.patterns.length).toBe(c.expected_pattern_count)
      if (c.expected_exclusions !== undefined) expect(m.hasExclusions).toBe(c.expected_exclusions)
    })
  }

  for (const c of upstream.filter(x => x.kind === 'ignorefile_readall')) {
    test(name(c), () => {
      expect(parseIgnoreFile(c.ignorefile_content ?? '').map(l => l.pattern)).toEqual(
        c.expected_patterns
      )
      // "!" survives ReadAll and is rejected by New, naming the line.
      const lines = parseIgnoreFile(c.ignorefile_content ?? '')
      expect(() => compilePatterns(lines, '.dockerignore')).toThrow(
        '.dockerignore:8: illegal exclusion pattern: "!"'
      )
    })
  }
})

describe('patternmatcher_extra_computed_cases.json', () => {
  test('holds 53 cases', () => {
    expect(extra.length).toBe(53)
  })

  extra.forEach((c, i) => {
    const want = c.modern_MatchesOrParentMatches
    const label = `extra-${String(i + 1).padStart(2, '0')} ${c.note}: ${JSON.stringify(c.dockerignore_lines)} on ${JSON.stringify(c.path)} -> ${want.error ?? String(want.excluded)}`
    test(label, () => {
      const lines = parseIgnoreFile(c.dockerignore_lines)
      expect(lines.map(l => l.pattern)).toEqual(c.patterns_after_ReadAll ?? [])
      if (want.error !== undefined) {
        expect(() =>
          compilePatterns(lines, '.dockerignore').matchesOrParentMatches(c.path)
        ).toThrow(want.error)
        return
      }
      expect(compilePatterns(lines).matchesOrParentMatches(c.path)).toBe(want.excluded)
    })
  })
})
