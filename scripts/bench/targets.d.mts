// Types for the bench targets (targets.mjs), so the unit tests can check them.
export interface Target {
  target: string
  pass: ((value: number) => boolean) | null
}
export const TARGETS: Record<string, Target>
export function targetRow(
  id: string,
  fields: { value: number } & Record<string, unknown>
): { id: string; target: string; pass: boolean | null; value: number } & Record<string, unknown>
export function parallelSha256sumArgs(files: number, cores: number): string[]
