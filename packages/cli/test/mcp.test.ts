import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bin, run } from './workspace.js'

const example = fileURLToPath(new URL('../../../examples/telford/', import.meta.url))

/** A client of `followthrough mcp` started as an MCP client starts it: the real bin, over stdio, in `cwd`. */
async function start(cwd: string, args: string[] = []): Promise<{ client: Client; stderr: () => string }> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [bin, 'mcp', ...args], cwd, stderr: 'pipe', env: { PATH: process.env['PATH'] ?? '' } })
  let stderr = ''
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const client = new Client({ name: 'followthrough-test', version: '1.0.0' })
  await client.connect(transport)
  return { client, stderr: () => stderr }
}

function text(result: Awaited<ReturnType<Client['callTool']>>): string {
  return (result.content as Array<{ type: string; text: string }>).map((part) => part.text).join('')
}

describe('followthrough mcp, with the SDK client over stdio', () => {
  let folder: string
  let client: Client
  let stderr: () => string
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'followthrough-mcp-'))
    cpSync(example, folder, { recursive: true })
    ;({ client, stderr } = await start(folder))
  })
  afterAll(async () => {
    await client.close()
    rmSync(folder, { recursive: true, force: true })
  })

  it('introduces itself and offers the read-only tools', async () => {
    expect(client.getServerVersion()).toMatchObject({ name: 'followthrough', title: 'Followthrough' })
    const { tools } = await client.listTools()
    expect(tools.map((tool) => tool.name)).toStrictEqual(['list_recommendations', 'get_recommendation', 'progress', 'find_references', 'lint', 'actions'])
  })

  it('answers from the example as the CLI does', async () => {
    const overdue = JSON.parse(text(await client.callTool({ name: 'list_recommendations', arguments: { overdue: true, asOf: '2024-11-01' } }))) as {
      recommendations: Array<{ id: string; daysOverdue: number }>
    }
    expect(overdue.recommendations.map((row) => [row.id, row.daysOverdue])).toStrictEqual([
      ['R14', 215],
      ['R36', 124],
      ['R43', 215],
      ['R44', 215]
    ])
    // The same figures as `followthrough progress --format json` (one register: one object, which names some keys its own way).
    const [progress] = JSON.parse(text(await client.callTool({ name: 'progress', arguments: { asOf: '2024-11-01' } }))) as Array<Record<string, unknown>>
    const cli = await run(['progress', '--as-of', '2024-11-01', '--format', 'json'], folder)
    const expected = JSON.parse(cli.stdout) as Record<string, unknown>
    for (const key of ['register', 'asOf', 'total', 'byStatus', 'implemented', 'byOwner', 'byTheme', 'staleness', 'neverDiscussed', 'burnUp', 'forecast', 'statuses']) {
      expect(progress?.[key], key).toStrictEqual(expected[key])
    }
    const lint = JSON.parse(text(await client.callTool({ name: 'lint', arguments: {} }))) as { errors: number; warnings: number }
    expect(lint).toMatchObject({ errors: 2, warnings: 2 })
  })

  it('reads a file afresh on each call: an edit shows at once', async () => {
    const path = join(folder, 'minutes', '2024-10-16-accountability.md')
    writeFileSync(path, `${readFileSync(path, 'utf8')}\nThe board asked about R1 once more.\n`)
    const found = JSON.parse(text(await client.callTool({ name: 'find_references', arguments: { id: 'R1' } }))) as { references: Array<{ file: string; sentence: string }> }
    expect(found.references.at(-1)).toMatchObject({ file: 'minutes/2024-10-16-accountability.md', sentence: 'The board asked about R1 once more.' })
  })

  it('gives a tool error for bad input and goes on serving, with nothing on stderr', async () => {
    const bad = await client.callTool({ name: 'get_recommendation', arguments: { id: 42 } })
    expect(bad.isError).toBe(true)
    expect(text(bad)).toMatch(/^MCP error -32602: Input validation error: Invalid arguments for tool get_recommendation/)
    const unknown = await client.callTool({ name: 'get_recommendation', arguments: { id: 'R99' } })
    expect(unknown).toStrictEqual({
      isError: true,
      content: [{ type: 'text', text: 'Unexpected recommendation "R99", expected an id of the register such as R9, R19, R29 (list_recommendations lists them)' }]
    })
    expect((await client.callTool({ name: 'get_recommendation', arguments: { id: 'R12' } })).isError).toBeFalsy()
    expect(stderr()).toBe('')
  })

  it('serves the register and the minutes as resources', async () => {
    const { resources } = await client.listResources()
    expect(resources[0]).toMatchObject({ uri: 'followthrough://register/iitcse', name: 'recommendations.yaml', mimeType: 'application/yaml' })
    expect(resources).toHaveLength(12)
    const register = await client.readResource({ uri: 'followthrough://register/iitcse' })
    expect(register.contents[0]).toMatchObject({ text: readFileSync(join(folder, 'recommendations.yaml'), 'utf8') })
  })
})

describe('followthrough mcp outside a workspace', () => {
  it('starts, and its tools say what is missing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'followthrough-mcp-empty-'))
    const { client } = await start(empty)
    const result = await client.callTool({ name: 'list_recommendations', arguments: {} })
    expect(result.isError).toBe(true)
    expect(text(result)).toMatch(/^(No register is configured|The configuration or a register has errors)/)
    await client.close()
    rmSync(empty, { recursive: true, force: true })
  })

  it('refuses files on the command line with a usage error', async () => {
    const result = await run(['mcp', 'minutes/a.md'], tmpdir())
    expect(result).toStrictEqual({ code: 2, stdout: '', stderr: 'followthrough: Unexpected files for mcp, expected none: it serves the configured registers and minutes\n' })
  })
})
