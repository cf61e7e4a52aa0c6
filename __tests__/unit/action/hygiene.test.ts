/**
 * The repository of a published action: workflows with minimal token permissions and every
 * third-party action pinned by commit SHA with its version, README examples that parse and can
 * be copied as they are, one repository name everywhere, the Marketplace's description limit,
 * and links that lead somewhere (the long README sections live in docs/).
 */
import { describe, expect, test } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { load } from 'js-yaml'

const REPO = 'fresh-build/fresh-build-action'
const read = (p: string): string => readFileSync(p, 'utf8')
const yamlFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter(f => /\.ya?ml$/.test(f))
    .map(f => join(dir, f))

/** The ```yaml blocks of a Markdown file. */
function yamlBlocks(md: string): string[] {
  return [...md.matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)].map(m => m[1] ?? '')
}

/** Every workflow: the repository's own, the examples, and the README's. */
const WORKFLOWS: [string, string][] = [
  ...yamlFiles('.github/workflows').map(f => [f, read(f)] as [string, string]),
  ...yamlFiles('examples/workflows').map(f => [f, read(f)] as [string, string]),
  ...yamlBlocks(read('README.md'))
    .filter(b => /^on:/m.test(b))
    .map((b, i) => [`README.md yaml block ${i + 1}`, b] as [string, string])
]

/** `uses:` lines of a workflow, with what follows them on the line. */
function uses(text: string): { ref: string; comment: string }[] {
  return [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)].map(m => ({
    ref: m[1] ?? '',
    comment: (m[2] ?? '').trim()
  }))
}

describe('workflows', () => {
  test('there are workflows to check, and the README has complete ones', () => {
    expect(WORKFLOWS.length).toBeGreaterThanOrEqual(10)
    expect(WORKFLOWS.filter(([name]) => name.startsWith('README')).length).toBeGreaterThanOrEqual(4)
    expect(WORKFLOWS.flatMap(([, text]) => uses(text)).length).toBeGreaterThanOrEqual(20)
  })

  test.each(WORKFLOWS)('%s parses, names a trigger, jobs and top-level permissions', (_n, text) => {
    const wf = load(text) as Record<string, unknown>
    expect(wf).toHaveProperty('on')
    expect(wf).toHaveProperty('jobs')
    expect(wf).toHaveProperty('permissions')
    // No job may ask for everything.
    expect(text).not.toMatch(/permissions:\s*write-all/)
  })

  test.each(WORKFLOWS)(
    '%s pins every third-party action by commit SHA, with its version',
    (_n, text) => {
      for (const { ref, comment } of uses(text)) {
        if (ref.startsWith('./') || ref.startsWith('docker://')) continue
        // This action itself: a major tag in examples, each with the advice to pin it.
        if (ref.startsWith(`${REPO}@`)) {
          expect(ref).toBe(`${REPO}@v1`)
          continue
        }
        expect(ref).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/)
        expect(comment).toMatch(/^# v\d+\.\d+\.\d+$/)
      }
    }
  )

  test('one SHA per action and version across all workflows', () => {
    const seen = new Map<string, string>()
    for (const [, text] of WORKFLOWS) {
      for (const { ref, comment } of uses(text)) {
        const [name, sha] = ref.split('@')
        if (!sha || !/^[0-9a-f]{40}$/.test(sha)) continue
        const key = `${name} ${comment}`
        expect(seen.get(key) ?? sha).toBe(sha)
        seen.set(key, sha)
      }
    }
    expect(seen.size).toBeGreaterThan(0)
  })

  test('dependabot updates npm and the pinned actions', () => {
    const cfg = load(read('.github/dependabot.yml')) as {
      updates: { 'package-ecosystem': string }[]
    }
    expect(cfg.updates.map(u => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm'])
  })

  test('the release workflow checks dist/ before it tags and moves the major tag', () => {
    const text = read('.github/workflows/release.yml')
    const wf = load(text) as { on: Record<string, unknown>; jobs: Record<string, unknown> }
    expect(Object.keys(wf.on).sort()).toEqual(['release', 'workflow_dispatch'])
    const check = text.indexOf('npm run bundle')
    const tag = text.indexOf('git push origin "refs/tags/$VERSION"')
    const major = text.indexOf('git push --force origin "refs/tags/$MAJOR"')
    expect(check).toBeGreaterThan(0)
    expect(tag).toBeGreaterThan(check)
    expect(major).toBeGreaterThan(tag)
  })
})

describe('the published action', () => {
  const action = load(read('action.yml')) as { name: string; description: string; author: string }

  test("action.yml's description fits the Marketplace's 125 characters", () => {
    expect(action.description.length).toBeGreaterThan(20)
    expect(action.description.length).toBeLessThanOrEqual(125)
  })

  test('one repository name in action.yml, package.json, the README, docs/ and examples/', () => {
    const pkg = JSON.parse(read('package.json')) as { repository: { url: string } }
    expect(pkg.repository.url).toBe(`git+https://github.com/${REPO}.git`)
    const files = [
      'README.md',
      'CHANGELOG.md',
      'CONTRIBUTING.md',
      'SECURITY.md',
      'package.json',
      'action.yml',
      ...readdirSync('docs').map(f => join('docs', f)),
      ...yamlFiles('examples/workflows')
    ]
    const names = new Set<string>()
    for (const f of files) {
      for (const m of read(f).matchAll(/([\w.-]+\/fresh-build-action)\b/g)) names.add(m[1] ?? '')
    }
    expect([...names]).toEqual([REPO])
  })

  test('the hygiene files exist; CONTRIBUTING gives the two set-up commands and the dist rule', () => {
    expect(read('CHANGELOG.md')).toMatch(/^## \[Unreleased\]$/m)
    expect(read('SECURITY.md')).toContain(`https://github.com/${REPO}/security/advisories/new`)
    const contributing = read('CONTRIBUTING.md')
    expect(contributing).toContain('npm run example')
    expect(contributing).toContain('npm test')
    expect(contributing).toContain('npm run bundle')
  })
})

describe('links', () => {
  const docs = ['README.md', 'CONTRIBUTING.md', 'SECURITY.md', 'CHANGELOG.md']
  docs.push(...readdirSync('docs').map(f => join('docs', f)))

  test.each(docs)('every relative link in %s leads to a file', file => {
    const links = [...read(file).matchAll(/\]\(([^)\s]+)\)/g)].map(m => m[1] ?? '')
    for (const link of links) {
      if (/^[a-z]+:/.test(link) || link.startsWith('#')) continue
      const target = resolve(dirname(file), link.split('#')[0] ?? '')
      expect({ link, exists: existsSync(target) }).toEqual({ link, exists: true })
    }
  })

  test('the README links the sections that moved to docs/', () => {
    const readme = read('README.md')
    for (const doc of [
      'docs/how-it-decides.md',
      'docs/guarantees.md',
      'docs/benchmarks.md',
      'docs/json.md'
    ]) {
      expect(readme).toContain(`](${doc})`)
    }
    expect(readme).not.toMatch(/^## (Guarantees|Benchmarks|How it decides|JSON output)$/m)
  })
})
