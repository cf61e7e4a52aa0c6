// Generates benchmark inputs: build contexts (a source tree of mixed file sizes, an ignored
// node_modules of many small files, a few large binaries), a local package registry for the
// deploy rows' dependency install, and BuildKit logs. Sizes come from a seeded PRNG (the same shape every
// run); the bytes start with a per-run nonce so no earlier run's cache can hold them.
import { randomBytes } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'

/** mulberry32: a tiny seeded PRNG, so file counts and sizes are reproducible. */
export function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Log-uniform integer in [lo, hi]: many small files, a long tail of big ones. */
function logUniform(rand, lo, hi) {
  return Math.round(Math.exp(Math.log(lo) + rand() * (Math.log(hi) - Math.log(lo))))
}

/**
 * File sizes for `count` source files totalling about `totalBytes`: 70% small (100 B - 8 KiB),
 * 25% medium (8 - 256 KiB), 5% large (256 KiB - 8 MiB), scaled to the total.
 */
export function sourceSizes(count, totalBytes, seed = 1) {
  const rand = prng(seed)
  const sizes = []
  for (let i = 0; i < count; i++) {
    const r = rand()
    if (r < 0.7) sizes.push(logUniform(rand, 100, 8 << 10))
    else if (r < 0.95) sizes.push(logUniform(rand, 8 << 10, 256 << 10))
    else sizes.push(logUniform(rand, 256 << 10, 8 << 20))
  }
  const sum = sizes.reduce((a, b) => a + b, 0)
  const scale = count === 0 ? 1 : totalBytes / sum
  return sizes.map(s => Math.max(1, Math.round(s * scale)))
}

/** A pool of random bytes that file bodies are cut from (cheaper than fresh random per file). */
class Filler {
  constructor(nonce, poolBytes = 16 << 20) {
    this.nonce = nonce
    this.pool = randomBytes(poolBytes)
    this.offset = 0
  }

  /** `size` bytes: a unique header (nonce + name) then pool bytes. */
  body(name, size) {
    const head = Buffer.from(`${this.nonce} ${name}\n`)
    const out = Buffer.allocUnsafe(size)
    const n = head.copy(out, 0, 0, Math.min(head.length, size))
    this.fill(out, n)
    return out
  }

  fill(buf, from) {
    let at = from
    while (at < buf.length) {
      if (this.offset >= this.pool.length) this.offset = 0
      const take = Math.min(buf.length - at, this.pool.length - this.offset)
      this.pool.copy(buf, at, this.offset, this.offset + take)
      at += take
      this.offset += take + 4099 // a stride, so neighbours do not share bodies
    }
  }

  /** Writes a large file in chunks, never holding it whole. */
  writeLarge(path, size) {
    const fd = openSync(path, 'w')
    try {
      const chunk = Buffer.allocUnsafe(4 << 20)
      let written = 0
      let i = 0
      while (written < size) {
        const part = this.body(`${path}#${i++}`, Math.min(chunk.length, size - written))
        writeSync(fd, part)
        written += part.length
      }
    } finally {
      closeSync(fd)
    }
  }
}

/**
 * Writes a context under `root`:
 *   src/mNN/dNN/fN.txt   source files (sizes from sourceSizes)
 *   bin/blob-N.bin       large binaries
 *   node_modules/...     small files, excluded by .dockerignore
 * Returns the included source paths and byte totals.
 */
export function generateContext(root, spec, nonce) {
  const fill = new Filler(nonce)
  const perDir = 40
  const dirsPerModule = 25
  mkdirSync(root, { recursive: true })
  writeFileSync(join(root, '.dockerignore'), 'node_modules\n**/*.tmp\n')
  const sizes = sourceSizes(spec.files, spec.totalBytes)
  let sourceBytes = 0
  const sources = []
  let dir = ''
  sizes.forEach((size, i) => {
    if (i % perDir === 0) {
      const d = Math.floor(i / perDir)
      dir = join('src', `m${Math.floor(d / dirsPerModule)}`, `d${d % dirsPerModule}`)
      mkdirSync(join(root, dir), { recursive: true })
    }
    const rel = join(dir, `f${i}.txt`)
    if (size > 4 << 20) fill.writeLarge(join(root, rel), size)
    else writeFileSync(join(root, rel), fill.body(rel, size))
    sources.push(rel)
    sourceBytes += size
  })
  mkdirSync(join(root, 'bin'), { recursive: true })
  for (let i = 0; i < spec.binaries; i++)
    fill.writeLarge(join(root, 'bin', `blob-${i}.bin`), spec.binaryBytes)
  writeFileSync(join(root, 'deps.lock'), `deps ${nonce}\n`)

  const rand = prng(7)
  const perPackage = 50
  for (let i = 0; i < spec.ignoredFiles; i++) {
    const pkg = join(root, 'node_modules', `pkg-${Math.floor(i / perPackage)}`, 'lib')
    if (i % perPackage === 0) mkdirSync(pkg, { recursive: true })
    writeFileSync(
      join(pkg, `f${i % perPackage}.js`),
      fill.body(`nm${i}`, logUniform(rand, 100, 4096))
    )
  }
  return {
    sources,
    sourceBytes,
    binaryBytes: spec.binaries * spec.binaryBytes,
    includedFiles: sources.length + spec.binaries + 2
  }
}

/** Source-like text (identifiers, keywords, punctuation) that compresses about as code does. */
function codeText(rand, bytes) {
  const words = ['const', 'function', 'return', 'export', 'import', 'if', 'else', 'await', '=>']
  for (let i = 0; i < 400; i++) words.push(`id${Math.floor(rand() * 1e6).toString(36)}`)
  const parts = []
  let n = 0
  while (n < bytes) {
    const line = `${words[Math.floor(rand() * words.length)]} ${words[Math.floor(rand() * words.length)]}(${words[Math.floor(rand() * words.length)]}, ${Math.floor(rand() * 1000)});\n`
    parts.push(line)
    n += line.length
  }
  return Buffer.from(parts.join('')).subarray(0, bytes)
}

/**
 * A local "package registry" for the deploy benchmark: `packages` gzipped tarballs under
 * `root/registry`, together holding `files` files of source-like text totalling about
 * `totalBytes` (unpacked), as a node_modules tree is. Built into an image by the caller, so a
 * build can "download" (copy) them into a cache mount without any network. Each file starts with
 * the nonce, so no earlier run's cache can hold the packages.
 */
export function generateRegistry(root, spec, nonce) {
  const rand = prng(13)
  const pool = codeText(rand, 4 << 20)
  const registry = join(root, 'registry')
  const staging = join(root, 'staging')
  mkdirSync(registry, { recursive: true })
  const perPackage = Math.max(1, Math.ceil(spec.files / spec.packages))
  const sizes = sourceSizes(spec.files, spec.totalBytes, 17).map(s => Math.min(s, pool.length))
  let at = 0
  for (let p = 0; p < spec.packages && at < sizes.length; p++) {
    const name = `pkg-${p}`
    const lib = join(staging, name, 'lib')
    mkdirSync(lib, { recursive: true })
    for (let i = 0; i < perPackage && at < sizes.length; i++, at++) {
      const size = sizes[at]
      const start = Math.floor(rand() * (pool.length - size))
      const head = Buffer.from(`// ${nonce} ${name}/${i}\n`)
      writeFileSync(
        join(lib, `f${i}.js`),
        Buffer.concat([head, pool.subarray(start, start + size)])
      )
    }
    execFileSync('tar', ['-czf', join(registry, `${name}.tgz`), '-C', staging, name])
    rmSync(join(staging, name), { recursive: true, force: true })
  }
  rmSync(staging, { recursive: true, force: true })
  writeFileSync(join(root, 'Dockerfile'), 'FROM scratch\nCOPY registry /registry\n')
  return { files: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0) }
}

/**
 * A BuildKit plain-progress log of about `bytes`: the shape `docker build --progress=plain`
 * writes (internal vertices, cached steps, long RUN outputs with timestamps, image export),
 * streamed to `path` in chunks.
 */
export function generateBuildLog(path, bytes, nonce) {
  const fd = openSync(path, 'w')
  const rand = prng(11)
  let written = 0
  let pending = []
  let pendingBytes = 0
  const emit = line => {
    pending.push(line)
    pendingBytes += line.length + 1
    if (pendingBytes >= 1 << 20) flush()
  }
  const flush = () => {
    const buf = Buffer.from(`${pending.join('\n')}\n`)
    writeSync(fd, buf)
    written += buf.length
    pending = []
    pendingBytes = 0
  }
  const hex = () => randomBytes(32).toString('hex')
  try {
    emit('#1 [internal] load build definition from Dockerfile')
    emit(`#1 sha256:${hex()}`)
    emit('#1 transferring dockerfile: 412B done')
    emit('#1 DONE 0.0s')
    emit('')
    emit('#2 [internal] load build context')
    emit('#2 transferring context: 48.21MB 0.9s done')
    emit('#2 DONE 1.0s')
    emit('')
    emit('#3 [builder 1/6] FROM docker.io/fresh-build/busybox:1')
    emit('#3 DONE 0.0s')
    emit('')
    emit('#4 [builder 2/6] COPY package.json ./')
    emit('#4 CACHED')
    emit('')
    let vertex = 5
    let step = 3
    // Long RUN steps with output until the size is reached, then the tail of the build.
    while (written + pendingBytes < bytes) {
      const v = vertex++
      emit(`#${v} [builder ${step}/6] RUN make -j4 target-${v} ${nonce}`)
      step = step === 5 ? 3 : step + 1
      let t = 0
      const lines = 2000 + Math.floor(rand() * 4000)
      for (let i = 0; i < lines && written + pendingBytes < bytes; i++) {
        t += rand() * 0.01
        const what = rand() < 0.1 ? 'warning: unused variable' : 'compiling module'
        emit(
          `#${v} ${t.toFixed(3)} [${i}/${lines}] ${what} src/pkg-${i % 97}/file-${i}.c -> obj/${hex().slice(0, 24)}.o`
        )
      }
      emit(`#${v} DONE ${t.toFixed(1)}s`)
      emit('')
    }
    emit(`#${vertex} [builder 6/6] COPY src ./src`)
    emit(`#${vertex} DONE 0.3s`)
    emit('')
    emit(`#${vertex + 1} exporting to image`)
    emit(`#${vertex + 1} exporting layers 0.4s done`)
    emit(`#${vertex + 1} writing image sha256:${hex()} done`)
    emit(`#${vertex + 1} naming to docker.io/library/bench:${nonce} done`)
    emit(`#${vertex + 1} DONE 0.5s`)
    flush()
  } finally {
    closeSync(fd)
  }
  return written
}
