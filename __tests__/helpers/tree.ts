import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/**
 * A file tree for a test: keys are relative paths; a string value is file content, `null` an
 * empty directory, `{ link: target }` a symlink, `{ content, mode }` a file with permissions.
 */
export type TreeSpec = Record<
  string,
  string | null | { link: string } | { content: string; mode: number }
>

export function makeTree(spec: TreeSpec, root = mkdtempSync(join(tmpdir(), 'fb-tree-'))): string {
  for (const [rel, value] of Object.entries(spec)) {
    const abs = join(root, rel)
    if (value === null) {
      mkdirSync(abs, { recursive: true })
      continue
    }
    mkdirSync(dirname(abs), { recursive: true })
    if (typeof value === 'string') writeFileSync(abs, value)
    else if ('link' in value) symlinkSync(value.link, abs)
    else writeFileSync(abs, value.content, { mode: value.mode })
  }
  return root
}

export function removeTree(root: string): void {
  rmSync(root, { recursive: true, force: true })
}
