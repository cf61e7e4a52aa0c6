/**
 * The repository's TypeScript sources, parsed with the compiler API, for the tests that hold the
 * code to its structure (function length, import direction, module boundaries).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, posix, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))

/** Every .ts file under `dir` (relative to the repository), as a repository path with `/`. */
export function tsFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (abs: string): void => {
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      const p = join(abs, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.isFile() && e.name.endsWith('.ts'))
        out.push(relative(repoRoot, p).split(sep).join('/'))
    }
  }
  walk(join(repoRoot, dir))
  return out.sort()
}

export function parse(
  path: string,
  text = readFileSync(join(repoRoot, path), 'utf8')
): ts.SourceFile {
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
}

/** A function, method, accessor, constructor or arrow with a body, and how many lines it spans. */
export interface FunctionSpan {
  file: string
  line: number
  name: string
  lines: number
}

/** What to call a function in a report: its name, or the name it is bound to. */
function nameOf(node: ts.SignatureDeclaration, sf: ts.SourceFile): string {
  if (node.name) return node.name.getText(sf)
  if (ts.isConstructorDeclaration(node)) return 'constructor'
  const parent = node.parent
  if (
    (ts.isVariableDeclaration(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent)) &&
    parent.name
  ) {
    return parent.name.getText(sf)
  }
  return '(anonymous)'
}

/**
 * Every function in the file with its length: from its first token (leading comments and JSDoc
 * are not counted) to its last line, both included. A nested function counts in its parent too.
 */
export function functionSpans(sf: ts.SourceFile): FunctionSpan[] {
  const out: FunctionSpan[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const first = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line
      const last = sf.getLineAndCharacterOfPosition(node.getEnd()).line
      out.push({
        file: sf.fileName,
        line: first + 1,
        name: nameOf(node, sf),
        lines: last - first + 1
      })
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return out
}

/** A module specifier a file imports or re-exports, statically or with `import()`. */
export interface ImportSite {
  file: string
  line: number
  specifier: string
  /** The repository path it resolves to (`src/x/y.ts`, or `src/x/index.ts` for a folder), or null for a package. */
  target: string | null
}

export function importSites(sf: ts.SourceFile): ImportSite[] {
  const out: ImportSite[] = []
  const add = (lit: ts.Node): void => {
    if (!ts.isStringLiteralLike(lit)) return
    const specifier = lit.text
    const line = sf.getLineAndCharacterOfPosition(lit.getStart(sf)).line + 1
    out.push({
      file: sf.fileName,
      line,
      specifier,
      target: resolveSpecifier(sf.fileName, specifier)
    })
  }
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      add(node.moduleSpecifier)
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference)
    ) {
      add(node.moduleReference.expression)
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments
      if (arg) add(arg)
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal)
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return out
}

/** `./x.js` from `src/a/b.ts` is `src/a/x.ts`; `./dir/index.js` is itself; packages are null. */
export function resolveSpecifier(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null
  const joined = posix.normalize(posix.join(posix.dirname(from), specifier))
  return joined.replace(/\.js$/, '.ts')
}
