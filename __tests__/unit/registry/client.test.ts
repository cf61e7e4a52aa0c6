/**
 * The registry client's auth and error lines against a local HTTP stand-in on 127.0.0.1 (the
 * real registry is exercised in __tests__/integration/registry): a bearer token service, basic
 * auth, the registry's error codes, deletes turned off, nothing listening.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RegistryClient } from '../../../src/registry/client.js'
import { credentialsFor, credentialSecrets } from '../../../src/registry/credentials.js'

type Handler = (req: IncomingMessage, res: ServerResponse, addr: string) => unknown
let server: Server
let addr = ''
let handler: Handler = (_q, res) => res.writeHead(500).end()
const seen: { method: string; url: string; auth: string | undefined }[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization })
    handler(req, res, addr)
  })
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  addr = `127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>(done => server.close(() => done())))

function config(doc: unknown): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'fb-reg-unit-'))
  writeFileSync(join(dir, 'config.json'), JSON.stringify(doc))
  return { DOCKER_CONFIG: dir, PATH: process.env.PATH }
}
const basic = (u: string, p: string): string => Buffer.from(`${u}:${p}`).toString('base64')
const errors = (code: string, message: string): string =>
  JSON.stringify({ errors: [{ code, message }] })

describe('credentials as docker login left them', () => {
  test('auths under the bare host, or with a scheme', async () => {
    for (const key of ['HOST', 'https://HOST', 'http://HOST']) {
      const env = config({
        auths: { [key.replace('HOST', 'r.example:5000')]: { auth: basic('u', 'p:w') } }
      })
      expect(await credentialsFor('r.example:5000', env)).toEqual({
        kind: 'basic',
        username: 'u',
        password: 'p:w'
      })
    }
    expect(
      await credentialsFor(
        'other:5000',
        config({ auths: { 'r.example:5000': { auth: basic('u', 'p') } } })
      )
    ).toBeNull()
    expect(await credentialsFor('r.example', { DOCKER_CONFIG: '/nonexistent' })).toBeNull()
  })

  test('an identity token, and a credential helper spoken to as docker does', async () => {
    expect(
      await credentialsFor(
        'r.example',
        config({ auths: { 'r.example': { identitytoken: 'tok' } } })
      )
    ).toMatchObject({ kind: 'identity', token: 'tok' })
    const bin = mkdtempSync(join(tmpdir(), 'fb-reg-helper-'))
    const helper = join(bin, 'docker-credential-fbtest')
    // Reads the server on stdin, answers JSON, as the helper protocol says.
    writeFileSync(
      helper,
      '#!/bin/sh\nread server\necho "{\\"Username\\":\\"h-$server\\",\\"Secret\\":\\"s3\\"}"\n'
    )
    chmodSync(helper, 0o755)
    const env = {
      ...config({ credHelpers: { 'r.example': 'fbtest' } }),
      PATH: `${bin}:${process.env.PATH ?? ''}`
    }
    const c = await credentialsFor('r.example', env)
    expect(c).toEqual({ kind: 'basic', username: 'h-r.example', password: 's3' })
    expect(credentialSecrets(c)).toContain('s3')
  })
})

describe('the registry client', () => {
  test('bearer: the token service is asked with the Docker config credentials and the scope', async () => {
    seen.length = 0
    handler = (req, res, a) => {
      if (req.url?.startsWith('/token')) {
        const url = new URL(req.url, 'http://x')
        if (req.headers.authorization !== `Basic ${basic('ci', 'pw')}`)
          return res.writeHead(401).end()
        return res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ token: `T:${url.searchParams.get('scope')}` }))
      }
      if (req.headers.authorization !== 'Bearer T:repository:team/app:pull') {
        return res
          .writeHead(401, { 'www-authenticate': `Bearer realm="http://${a}/token",service="reg"` })
          .end()
      }
      return res.writeHead(200, { 'docker-content-digest': `sha256:${'1'.repeat(64)}` }).end()
    }
    const client = new RegistryClient(addr, {
      env: config({ auths: { [addr]: { auth: basic('ci', 'pw') } } })
    })
    expect(await client.resolve('team/app', 'main')).toBe(`sha256:${'1'.repeat(64)}`)
    expect(seen.map(s => s.url)).toEqual([
      '/v2/team/app/manifests/main',
      '/token?service=reg&scope=repository%3Ateam%2Fapp%3Apull',
      '/v2/team/app/manifests/main'
    ])
  })

  test('unauthorised: one line, naming the registry and docker login; credentials refused said apart', async () => {
    handler = (_q, res) =>
      res
        .writeHead(401, { 'www-authenticate': 'Basic realm="x"' })
        .end(errors('UNAUTHORIZED', 'authentication required'))
    await expect(new RegistryClient(addr, { env: config({}) }).ping()).rejects.toThrow(
      `registry ${addr}: unauthorised (no credentials for it in the Docker config: run docker login ${addr})`
    )
    const env = config({ auths: { [addr]: { auth: basic('ci', 'wrong') } } })
    const e = await new RegistryClient(addr, { env }).ping().catch((x: unknown) => x as Error)
    expect((e as Error).message).toBe(
      `registry ${addr}: unauthorised (the Docker config's credentials were refused: run docker login ${addr})`
    )
    expect((e as Error).message).not.toContain('wrong')
  })

  test("the registry's own error codes: name invalid, delete disabled", async () => {
    handler = (req, res) => {
      if (req.method === 'DELETE')
        return res
          .writeHead(405, { 'content-type': 'application/json' })
          .end(errors('UNSUPPORTED', 'The operation is unsupported.'))
      return res
        .writeHead(400, { 'content-type': 'application/json' })
        .end(errors('NAME_INVALID', 'invalid repository name'))
    }
    const client = new RegistryClient(addr, { env: config({}) })
    await expect(
      client.putManifest('bad', 'x', Buffer.from('{}'), 'application/json')
    ).rejects.toThrow(
      `registry ${addr}: name invalid (NAME_INVALID: invalid repository name) for pushing manifest bad:x`
    )
    await expect(client.checkDeleteEnabled('app')).rejects.toThrow(
      /deleting is not enabled .*storage\.delete\.enabled/
    )
  })

  test('nothing listening: unreachable, naming the registry', async () => {
    const closed = createServer()
    await new Promise<void>(done => closed.listen(0, '127.0.0.1', done))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>(done => closed.close(() => done()))
    await expect(new RegistryClient(`127.0.0.1:${port}`, { env: {} }).ping()).rejects.toThrow(
      `registry 127.0.0.1:${port} is unreachable (connect ECONNREFUSED 127.0.0.1:${port})`
    )
  })
})
