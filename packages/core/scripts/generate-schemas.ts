/**
 * Writes packages/core/schemas/*.schema.json from the zod schemas.
 * Run `npm run schemas -w @followthrough/core` after changing a schema; a test
 * fails while the committed files are stale.
 */
import { renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { jsonSchemaFiles } from '../src/json-schemas.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
for (const [path, content] of Object.entries(jsonSchemaFiles())) {
  const target = join(root, path)
  // Write beside the target and rename, so an editor never reads half a schema.
  const temporary = `${target}.${process.pid}.tmp`
  writeFileSync(temporary, content)
  renameSync(temporary, target)
  console.log(`wrote ${path}`)
}
