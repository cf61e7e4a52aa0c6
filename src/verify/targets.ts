/**
 * Which containers to verify. `--container` names them; with a compose file they are found by
 * the labels both compose generations put on every container they create
 * (`com.docker.compose.project` and `.service`), which hold whatever the container names look
 * like (`project_web_1` for docker-compose v1, `project-web-1` for v2, or a `container_name:`).
 */
import type { ContainerFacts } from './facts.js'

export const PROJECT_LABEL = 'com.docker.compose.project'
export const SERVICE_LABEL = 'com.docker.compose.service'
export const ONEOFF_LABEL = 'com.docker.compose.oneoff'
export const NUMBER_LABEL = 'com.docker.compose.container-number'

/**
 * Project names compose may have written for this project: the current normalisation (both
 * docker-compose 1.21+ and v2), and the one of docker-compose before 1.21, which also dropped
 * `-` and `_`.
 */
export function projectLabels(project: string): string[] {
  return [...new Set([project, project.replace(/[^a-z0-9]/g, '')])].filter(Boolean)
}

/**
 * The service's containers of this project, without one-off `compose run` containers, in
 * container-number order (then by name).
 */
export function serviceContainers(
  all: readonly ContainerFacts[],
  project: string,
  service: string
): ContainerFacts[] {
  const names = projectLabels(project)
  const num = (c: ContainerFacts): number => Number(c.labels[NUMBER_LABEL] ?? 0) || 0
  return all
    .filter(
      c =>
        names.includes(c.labels[PROJECT_LABEL] ?? '') &&
        c.labels[SERVICE_LABEL] === service &&
        (c.labels[ONEOFF_LABEL] ?? 'False').toLowerCase() !== 'true'
    )
    .sort((a, b) => num(a) - num(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}
