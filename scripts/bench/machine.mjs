// The machine a benchmark ran on: CPU, cores, memory, the disk under the benchmark directory,
// kernel, node and docker versions. Every field is best effort ('unknown' when unreadable).
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { availableParallelism, cpus, release, totalmem } from 'node:os'

function text(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' })
  return r.status === 0 ? r.stdout.trim() : null
}

export function machine(dir, docker) {
  let cpu = cpus()[0]?.model ?? 'unknown'
  try {
    const flags = /^flags\s*:(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? ''
    if (/\bsha_ni\b/.test(flags)) cpu += ' (SHA extensions)'
  } catch {
    // not Linux
  }
  const df = text('df', ['-PT', dir])?.split('\n')[1]?.split(/\s+/)
  const disk = df
    ? `${df[1]} on ${df[0]}, ${(Number(df[2]) / 1024 / 1024).toFixed(0)} GiB (${(Number(df[4]) / 1024 / 1024).toFixed(0)} GiB free)`
    : 'unknown'
  const server = text(docker, ['version', '--format', '{{.Server.Version}}'])
  const client = text(docker, ['version', '--format', '{{.Client.Version}}'])
  return {
    cpu,
    cores: availableParallelism(),
    ramGiB: Math.round(totalmem() / 2 ** 30),
    disk,
    kernel: release(),
    node: process.version,
    docker: server ? `daemon ${server}, client ${client} (${docker})` : 'unavailable',
    sha256sum: text('sha256sum', ['--version'])?.split('\n')[0] ?? 'unknown'
  }
}
