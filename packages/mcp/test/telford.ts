import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { MemoryFileSystem } from '@followthrough/engine'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js'
import { createMcpServer } from '../src/index.js'

/** The example workspace in the repository. */
export const telford = fileURLToPath(new URL('../../../examples/telford', import.meta.url))

/** Every file of a folder, keyed by its path relative to the folder. */
export function filesOf(folder: string): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name)
      if (statSync(path).isDirectory()) walk(path)
      else files[relative(folder, path).split('\\').join('/')] = readFileSync(path, 'utf8')
    }
  }
  walk(folder)
  return files
}

/** A client connected in memory to a server over `files` (in `/work`), today pinned. */
export async function connect(files: Record<string, string>, today = '2024-11-01'): Promise<Client> {
  const fs = new MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([path, text]) => [`/work/${path}`, text])))
  const server = createMcpServer({ fs, cwd: '/work', today: () => today })
  const client = new Client({ name: 'test', version: '1.0.0' })
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair()
  await server.connect(serverSide)
  await client.connect(clientSide)
  return client
}
