// Types for the benchmark generators (generate.mjs), so the unit tests can check them.
export function prng(seed: number): () => number
export function sourceSizes(count: number, totalBytes: number, seed?: number): number[]
export function generateContext(
  root: string,
  spec: {
    files: number
    totalBytes: number
    binaries: number
    binaryBytes: number
    ignoredFiles: number
  },
  nonce: string
): { sources: string[]; sourceBytes: number; binaryBytes: number; includedFiles: number }
export function generateRegistry(
  root: string,
  spec: { packages: number; files: number; totalBytes: number },
  nonce: string
): { files: number; bytes: number }
export function generateBuildLog(path: string, bytes: number, nonce: string): number
