import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { remarkRecommendations } from '../src/plugin.js'
import type { MinutesData, Options } from '../src/types.js'

/** The pipeline the plugin is meant for, as users build it. */
export function processor(options?: Options) {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkRecommendations, options)
}

/** Parse and run `text` as `path`, returning the file (messages and data). */
export function run(text: string, options?: Options, path = 'minutes.md'): VFile {
  const pipeline = processor(options)
  const file = new VFile({ path, value: text })
  pipeline.runSync(pipeline.parse(file), file)
  return file
}

/** The plugin's data of a run (fails loudly if the plugin did not set it). */
export function dataOf(file: VFile): MinutesData {
  const data = file.data.followthrough
  if (data === undefined) throw new Error('file.data.followthrough was not set')
  return data
}

/** `file.messages` as `minutes.md:3:1-3:24: reason` strings. */
export function messagesOf(file: VFile): string[] {
  return file.messages.map(String)
}

/** A reference in the fixture format: positions as "line:column". */
export interface FixtureReference {
  id: string
  register?: string
  text: string
  start: string
  end: string
}

/** The references of a run in the fixture format. */
export function fixtureReferences(data: MinutesData): FixtureReference[] {
  return data.references.map((reference) => ({
    id: reference.id,
    ...(reference.register !== undefined ? { register: reference.register } : {}),
    text: reference.text,
    start: `${reference.position.start.line}:${reference.position.start.column}`,
    end: `${reference.position.end.line}:${reference.position.end.column}`
  }))
}
