import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseContainerInspect, type ContainerFacts } from '../../../src/verify/facts.js'
import { projectLabels, serviceContainers } from '../../../src/verify/targets.js'

const [v1] = parseContainerInspect(
  readFileSync(
    fileURLToPath(new URL('../../fixtures/verify/compose-v1-container.json', import.meta.url)),
    'utf8'
  )
) as ContainerFacts[]

function like(
  name: string,
  labels: Record<string, string>,
  base: ContainerFacts = v1 as ContainerFacts
): ContainerFacts {
  return { ...base, id: `id-${name}`, name, labels: { ...base.labels, ...labels } }
}

describe('compose containers by their labels', () => {
  test('docker-compose v1 names (project_service_N), from a real container', () => {
    expect(v1.name).toBe('vcproj_web_1')
    expect(serviceContainers([v1], 'vcproj', 'web').map(c => c.name)).toEqual(['vcproj_web_1'])
  })

  test('compose v2 names (project-service-N) and container_name: the labels decide', () => {
    const v2 = { 'com.docker.compose.version': '2.24.0' }
    const all = [
      like('vcproj-web-2', { ...v2, 'com.docker.compose.container-number': '2' }),
      like('vcproj-web-1', { ...v2, 'com.docker.compose.container-number': '1' }),
      like('my-fixed-name', { ...v2, 'com.docker.compose.container-number': '3' }),
      // Another service, another project, and a `compose run` one-off: not targets.
      like('vcproj-worker-1', { ...v2, 'com.docker.compose.service': 'worker' }),
      like('other-web-1', { ...v2, 'com.docker.compose.project': 'other' }),
      like('vcproj-web-run-1a2b', { ...v2, 'com.docker.compose.oneoff': 'True' })
    ]
    expect(serviceContainers(all, 'vcproj', 'web').map(c => c.name)).toEqual([
      'vcproj-web-1',
      'vcproj-web-2',
      'my-fixed-name'
    ])
  })

  test('a project named before docker-compose 1.21 (without - and _) is found too', () => {
    expect(projectLabels('my-app_x')).toEqual(['my-app_x', 'myappx'])
    const old = like('myapp_web_1', { 'com.docker.compose.project': 'myapp' })
    expect(serviceContainers([old], 'my-app', 'web')).toHaveLength(1)
    expect(projectLabels('plain')).toEqual(['plain'])
  })
})
