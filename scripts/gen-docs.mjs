#!/usr/bin/env node
// Writes the inputs and outputs tables of action.yml into the README between the markers
//   <!-- inputs:start --> ... <!-- inputs:end -->   and   <!-- outputs:start --> ... <!-- outputs:end -->
// so the README can never describe inputs the action does not have.
//
//   node scripts/gen-docs.mjs [--check] [--readme README.md] [--action action.yml]
//
// --check changes nothing and exits 1 when the README is out of date (CI); exit 2 on bad usage,
// a missing file or missing markers. Tables go through Prettier, so `prettier --check` agrees.
import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { load } from 'js-yaml'
import * as prettier from 'prettier'

function fail(message) {
  process.stderr.write(`gen-docs: ${message}\n`)
  process.exit(2)
}

let args
try {
  args = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      readme: { type: 'string', default: 'README.md' },
      action: { type: 'string', default: 'action.yml' }
    }
  }).values
} catch (e) {
  fail(e instanceof Error ? e.message : String(e))
}

function read(path) {
  try {
    return readFileSync(path, 'utf8')
  } catch (e) {
    return fail(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`)
  }
}

/** One table cell: a single line, pipes escaped so they stay inside the cell. */
function cell(text) {
  return String(text ?? '')
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim()
}

/** A value in backticks, with a fence long enough for backticks inside it. */
function code(value) {
  const s = cell(value)
  if (s === '') return ''
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map(m => m.length))
  const fence = '`'.repeat(longest + 1)
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${s}${pad}${fence}`
}

function table(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map(r => `| ${r.join(' | ')} |`)
  ].join('\n')
}

const action = load(read(args.action))
if (!action || typeof action !== 'object') fail(`${args.action} is not a YAML mapping`)
const inputs = Object.entries(action.inputs ?? {})
const outputs = Object.entries(action.outputs ?? {})

const sections = {
  inputs: table(
    ['Input', 'Default', 'Description'],
    inputs.map(([name, spec]) => [
      code(name),
      spec?.required ? '**required**' : code(spec?.default),
      cell(spec?.description)
    ])
  ),
  outputs: table(
    ['Output', 'Description'],
    outputs.map(([name, spec]) => [code(name), cell(spec?.description)])
  )
}

const readme = read(args.readme)
let next = readme
for (const [name, body] of Object.entries(sections)) {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const from = next.indexOf(start)
  const to = next.indexOf(end)
  if (from < 0 || to < 0 || to < from) {
    fail(`${args.readme} has no "${start}" ... "${end}" markers`)
  }
  if (next.indexOf(start, from + 1) >= 0) fail(`${args.readme} has "${start}" twice`)
  const config = (await prettier.resolveConfig(args.readme)) ?? {}
  const formatted = (await prettier.format(body, { ...config, parser: 'markdown' })).trimEnd()
  next = `${next.slice(0, from + start.length)}\n\n${formatted}\n\n${next.slice(to)}`
}

if (next === readme) {
  process.stdout.write(`${args.readme} is up to date with ${args.action}\n`)
} else if (args.check) {
  process.stderr.write(
    `gen-docs: ${args.readme} is out of date with ${args.action}; run node scripts/gen-docs.mjs\n`
  )
  process.exit(1)
} else {
  writeFileSync(args.readme, next)
  process.stdout.write(`${args.readme}: inputs and outputs tables updated from ${args.action}\n`)
}
