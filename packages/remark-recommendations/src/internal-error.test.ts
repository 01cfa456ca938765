import type { List, Root, RootContent, Table } from 'mdast'
import { VFile } from 'vfile'
import { assert, describe, expect, it } from 'vitest'
import { dataOf, messagesOf, processor } from '../test/pipeline.js'
import { frontMatter, iitcse } from '../test/registers.js'

// Minutes with one block of each kind, each naming its own recommendation.
const text =
  frontMatter() +
  '# Heading on R1\n\nParagraph on R2.\n\n> Quote on R3.\n\n- Item on R4.\n\n| ID | Status |\n| --- | --- |\n| R5 | Implemented |\n| R6 | Implemented |\n\nLast word on R7.\n'

/** Make reading a property of `node` fail, as a bug in the plugin, or a malformed tree from an earlier plugin, would. */
function breakProperty(node: object, property: string): void {
  Object.defineProperty(node, property, {
    get() {
      throw new Error('injected')
    }
  })
}

/** The item at `index`, failing the test when there is none. */
function nth<T>(items: readonly T[], index: number): T {
  const item = items[index]
  assert.isDefined(item, `no item ${index}`)
  return item
}

function block(tree: Root, index: number): RootContent {
  return nth(tree.children, index)
}

function list(tree: Root): List {
  const node = block(tree, 4)
  assert(node.type === 'list', 'block 4 is the list')
  return node
}

function table(tree: Root): Table {
  const node = block(tree, 5)
  assert(node.type === 'table', 'block 5 is the table')
  return node
}

interface Case {
  /** What fails. */
  kind: string
  inject: (tree: Root, file: VFile) => void
  messages: string[]
  /** The references still read. */
  ids: string[]
  /** The status updates still read. */
  updates?: string[]
}

const reason = (doing: string) => `Unexpected failure while ${doing} (injected), expected none: please report it`

const cases: Case[] = [
  {
    kind: 'the file',
    inject: (_tree, file) => {
      breakProperty(file, 'toString')
    },
    messages: [`minutes.md:1:1: ${reason('reading the file')}`],
    ids: ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7']
  },
  {
    kind: 'the front matter',
    inject: (tree) => {
      breakProperty(block(tree, 0), 'value')
    },
    messages: [`minutes.md:1:1: ${reason('reading the front matter')}`],
    ids: ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7']
  },
  {
    kind: 'the minutes, between blocks',
    inject: (tree) => {
      breakProperty(tree, 'children')
    },
    messages: [`minutes.md:1:1: ${reason('reading the front matter')}`, `minutes.md:1:1: ${reason('reading the minutes')}`],
    ids: []
  },
  {
    kind: 'a heading',
    inject: (tree) => {
      breakProperty(block(tree, 1), 'children')
    },
    messages: [`minutes.md:9:1-9:16: ${reason('reading a heading')}`],
    ids: ['R2', 'R3', 'R4', 'R5', 'R6', 'R7']
  },
  {
    kind: 'a paragraph',
    inject: (tree) => {
      breakProperty(block(tree, 2), 'children')
    },
    messages: [`minutes.md:11:1-11:17: ${reason('reading a paragraph')}`],
    ids: ['R1', 'R3', 'R4', 'R5', 'R6', 'R7']
  },
  {
    kind: 'a block quote',
    inject: (tree) => {
      breakProperty(block(tree, 3), 'children')
    },
    messages: [`minutes.md:13:1-13:15: ${reason('reading a block quote')}`],
    ids: ['R1', 'R2', 'R4', 'R5', 'R6', 'R7']
  },
  {
    kind: 'a list',
    inject: (tree) => {
      breakProperty(block(tree, 4), 'children')
    },
    messages: [`minutes.md:15:1-15:14: ${reason('reading a list')}`],
    ids: ['R1', 'R2', 'R3', 'R5', 'R6', 'R7']
  },
  {
    kind: 'a list item',
    inject: (tree) => {
      breakProperty(nth(list(tree).children, 0), 'children')
    },
    messages: [`minutes.md:15:1-15:14: ${reason('reading a list item')}`],
    ids: ['R1', 'R2', 'R3', 'R5', 'R6', 'R7']
  },
  {
    kind: 'a table',
    inject: (tree) => {
      breakProperty(table(tree), 'children')
    },
    messages: [`minutes.md:17:1-20:21: ${reason('reading a table')}`],
    ids: ['R1', 'R2', 'R3', 'R4', 'R7']
  },
  {
    kind: "a table's header",
    inject: (tree) => {
      breakProperty(nth(table(tree).children, 0), 'children')
    },
    messages: [`minutes.md:17:1-17:16: ${reason('reading a table header')}`, `minutes.md:17:1-17:16: ${reason('reading a table row')}`],
    ids: ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'],
    updates: []
  },
  {
    kind: 'a table row',
    inject: (tree) => {
      breakProperty(nth(table(tree).children, 1), 'children')
    },
    messages: [`minutes.md:19:1-19:21: ${reason('reading a table row')}`],
    ids: ['R1', 'R2', 'R3', 'R4', 'R6', 'R7'],
    updates: ['R6']
  },
  {
    kind: 'a table cell',
    inject: (tree) => {
      breakProperty(nth(nth(table(tree).children, 2).children, 0), 'children')
    },
    messages: [`minutes.md:20:1-20:6: ${reason('reading a table cell')}`],
    ids: ['R1', 'R2', 'R3', 'R4', 'R5', 'R7'],
    updates: ['R5']
  }
]

describe('internal errors', () => {
  for (const { kind, inject, messages, ids, updates } of cases) {
    it(`shows a failure reading ${kind} where it happened, and reads every other block`, () => {
      const pipeline = processor({ registers: [iitcse] })
      const file = new VFile({ path: 'minutes.md', value: text })
      const tree = pipeline.parse(file)
      inject(tree, file)
      pipeline.runSync(tree, file)
      expect(messagesOf(file)).toEqual(messages)
      expect(file.messages.every((message) => message.ruleId === 'internal-error' && message.fatal === true && message.source === 'followthrough')).toBe(true)
      expect(dataOf(file).references.map((reference) => reference.id)).toEqual(ids)
      if (updates !== undefined) expect(dataOf(file).updates.map((update) => update.id)).toEqual(updates)
    })
  }

  it('reports the other problems when one cannot be reported', () => {
    const pipeline = processor({ registers: [iitcse] })
    const file = new VFile({ path: 'minutes.md', value: `${frontMatter()}R98 first.\n\nR99 second.\n` })
    const tree = pipeline.parse(file)
    const message = file.message.bind(file)
    let calls = 0
    file.message = ((...parameters: Parameters<typeof message>) => {
      if (calls++ === 0) throw new Error('injected')
      return message(...parameters)
    }) as typeof file.message
    pipeline.runSync(tree, file)
    expect(messagesOf(file)).toEqual([
      `minutes.md:1:1: ${reason('reporting unknown-recommendation')}`,
      'minutes.md:11:1-11:4: Unexpected unknown recommendation R99, expected an id of iitcse such as R9 or R39'
    ])
  })
})
