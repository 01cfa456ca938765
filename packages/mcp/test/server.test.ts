import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect, filesOf, telford } from './telford.js'

/** Call a tool; its text, whether it is an error, and the text parsed as JSON when it is JSON. */
async function call(client: Client, name: string, args: Record<string, unknown>): Promise<{ isError: boolean; text: string; json: unknown }> {
  const result = await client.callTool({ name, arguments: args })
  const content = result.content as Array<{ type: string; text: string }>
  const text = content.map((part) => part.text).join('')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { isError: result.isError === true, text, json }
}

const register = `inquiry:
  id: small
  title: A small inquiry
  published: 2023-01-01
owners:
  - id: police
    name: West Mercia Police
  - id: council
    name: Telford & Wrekin Council
recommendations:
  - id: R1
    title: Training
    text: Train every officer.
    owners: [police]
    themes: [training]
    due: 2023-06-30
    history:
      - date: 2023-02-01
        status: in-progress
  - id: R2
    title: Data sharing
    owners: [council]
    themes: [data]
    due: 2024-06-30
  - id: R3
    title: Records
    owners: [police, council]
    status: implemented
`

const front = (date: string) => `---\nmeeting: board\ndate: ${date}\ntitle: Board meeting\nchair: Chair\nattendees: [Chair]\n---\n`

const small = {
  'followthrough.config.json': '{ "registers": ["register.yaml"], "minutes": ["minutes/*.md"] }',
  'register.yaml': register,
  'minutes/2023-03-01.md': `${front('2023-03-01')}\n# Progress\n\nThe board heard about R1. Training is\nunder way.\n\n- [ ] Police to report on R1 by 30 June 2023\n- [x] Council to share data on R2 by 31 May 2023\n`,
  'minutes/2023-09-01.md': `${front('2023-09-01')}\nR1 is late. R7 does not exist.\n\n| Recommendation | Status |\n| --- | --- |\n| R2 | in-progress |\n\nACTION: Council to publish the protocol (R2).\n`
}

describe('the MCP server on a small workspace', () => {
  let client: Client
  beforeAll(async () => {
    client = await connect(small, '2023-10-01')
  })
  afterAll(async () => {
    await client.close()
  })

  it('offers the six read-only tools and the resources', async () => {
    const { tools } = await client.listTools()
    expect(tools.map((tool) => tool.name).sort()).toStrictEqual(['actions', 'find_references', 'get_recommendation', 'lint', 'list_recommendations', 'progress'])
    for (const tool of tools) expect(tool.annotations?.readOnlyHint, tool.name).toBe(true)
    const { resources } = await client.listResources()
    expect(resources.map((resource) => [resource.uri, resource.mimeType])).toStrictEqual([
      ['followthrough://register/small', 'application/yaml'],
      ['followthrough://minutes/minutes%2F2023-03-01.md', 'text/markdown'],
      ['followthrough://minutes/minutes%2F2023-09-01.md', 'text/markdown']
    ])
  })

  it('lists recommendations with the summary facts, filtered', async () => {
    const all = await call(client, 'list_recommendations', {})
    expect(all.isError).toBe(false)
    expect(all.json).toStrictEqual({
      asOf: '2023-10-01',
      count: 3,
      recommendations: [
        {
          register: 'small',
          id: 'R1',
          title: 'Training',
          owners: ['police'],
          ownerNames: ['West Mercia Police'],
          themes: ['training'],
          status: 'in-progress',
          since: '2023-02-01',
          due: '2023-06-30',
          overdue: true,
          daysOverdue: 93,
          dueSoon: false,
          discussedTimes: 3,
          lastDiscussed: '2023-09-01',
          lastDiscussedIn: 'minutes/2023-09-01.md',
          daysSinceDiscussed: 30,
          meetingsSince: 0
        },
        {
          register: 'small',
          id: 'R2',
          title: 'Data sharing',
          owners: ['council'],
          ownerNames: ['Telford & Wrekin Council'],
          themes: ['data'],
          status: 'in-progress',
          since: '2023-09-01',
          due: '2024-06-30',
          overdue: false,
          dueSoon: false,
          discussedTimes: 3,
          lastDiscussed: '2023-09-01',
          lastDiscussedIn: 'minutes/2023-09-01.md',
          daysSinceDiscussed: 30,
          meetingsSince: 0
        },
        {
          register: 'small',
          id: 'R3',
          title: 'Records',
          owners: ['police', 'council'],
          ownerNames: ['West Mercia Police', 'Telford & Wrekin Council'],
          themes: [],
          status: 'implemented',
          overdue: false,
          dueSoon: false,
          discussedTimes: 0,
          meetingsSince: 2
        }
      ]
    })
    const ids = async (args: Record<string, unknown>) =>
      ((await call(client, 'list_recommendations', args)).json as { recommendations: Array<{ id: string }> }).recommendations.map((row) => row.id)
    expect(await ids({ overdue: true })).toStrictEqual(['R1'])
    expect(await ids({ overdue: false })).toStrictEqual(['R2', 'R3'])
    expect(await ids({ owner: 'telford & wrekin council' })).toStrictEqual(['R2', 'R3'])
    expect(await ids({ owner: 'police', status: 'implemented' })).toStrictEqual(['R3'])
    expect(await ids({ theme: 'Data' })).toStrictEqual(['R2'])
    // As of an earlier date, statuses and overdue are those of that day.
    expect(await ids({ asOf: '2023-03-01', status: 'in-progress' })).toStrictEqual(['R1'])
  })

  it('gives one recommendation with its history and every discussion with file, line and sentence', async () => {
    const result = await call(client, 'get_recommendation', { id: 'R1' })
    expect(result.isError).toBe(false)
    expect(result.json).toMatchObject({
      register: { id: 'small', title: 'A small inquiry' },
      asOf: '2023-10-01',
      id: 'R1',
      text: 'Train every officer.',
      status: 'in-progress',
      daysOverdue: 93,
      history: [{ date: '2023-02-01', status: 'in-progress' }],
      discussions: [
        { file: 'minutes/2023-03-01.md', date: '2023-03-01', title: 'Board meeting', line: 11, column: 23, reference: 'R1', sentence: 'The board heard about R1.' },
        { file: 'minutes/2023-03-01.md', date: '2023-03-01', title: 'Board meeting', line: 14, column: 27, reference: 'R1', sentence: 'Police to report on R1 by 30 June 2023' },
        { file: 'minutes/2023-09-01.md', date: '2023-09-01', title: 'Board meeting', line: 9, column: 1, reference: 'R1', sentence: 'R1 is late.' }
      ]
    })
    expect((await call(client, 'get_recommendation', { id: 'small:R1' })).json).toStrictEqual(result.json)
  })

  it('finds references, oldest first', async () => {
    const result = await call(client, 'find_references', { id: 'R2' })
    expect(result.json).toStrictEqual({
      register: 'small',
      id: 'R2',
      count: 3,
      references: [
        {
          file: 'minutes/2023-03-01.md',
          date: '2023-03-01',
          title: 'Board meeting',
          line: 15,
          column: 32,
          reference: 'R2',
          sentence: 'Council to share data on R2 by 31 May 2023'
        },
        { file: 'minutes/2023-09-01.md', date: '2023-09-01', title: 'Board meeting', line: 13, column: 3, reference: 'R2', sentence: 'R2 | in-progress' },
        {
          file: 'minutes/2023-09-01.md',
          date: '2023-09-01',
          title: 'Board meeting',
          line: 15,
          column: 42,
          reference: 'R2',
          sentence: 'ACTION: Council to publish the protocol (R2).'
        }
      ]
    })
  })

  it('gives progress as of a date, without the coverage matrix', async () => {
    const result = await call(client, 'progress', { asOf: '2023-10-01' })
    const [progress] = result.json as Array<Record<string, unknown>>
    expect(progress).toMatchObject({ register: { id: 'small' }, asOf: '2023-10-01', total: 3, implemented: 1, overdue: [{ id: 'R1', due: '2023-06-30', daysOverdue: 93 }] })
    expect(progress).not.toHaveProperty('coverage')
  })

  it('lints as the CLI does, with file, line and column', async () => {
    const result = await call(client, 'lint', {})
    expect(result.json).toStrictEqual({
      errors: 1,
      warnings: 0,
      findings: [
        {
          file: 'minutes/2023-09-01.md',
          line: 9,
          column: 13,
          endLine: 9,
          endColumn: 15,
          severity: 'error',
          ruleId: 'unknown-recommendation',
          message: 'Unexpected unknown recommendation R7, expected an id of small such as R3 or R2',
          suggestions: ['R3', 'R2']
        },
        {
          file: 'minutes/2023-09-01.md',
          line: 15,
          column: 1,
          endLine: 15,
          endColumn: 46,
          severity: 'info',
          ruleId: 'action-without-due-date',
          message: 'Unexpected action without a due date, expected a date such as "by 2023-06-30" or "in June"'
        }
      ],
      summary: [
        'minutes/2023-09-01.md:9:13: error Unexpected unknown recommendation R7, expected an id of small such as R3 or R2 (unknown-recommendation)',
        'minutes/2023-09-01.md:15:1: info Unexpected action without a due date, expected a date such as "by 2023-06-30" or "in June" (action-without-due-date)'
      ].join('\n')
    })
    expect((await call(client, 'lint', { files: ['minutes/2023-03-01.md'] })).json).toMatchObject({ errors: 0, findings: [] })
  })

  it('lists actions as the plugin reads them: open by default, done on request', async () => {
    const open = await call(client, 'actions', {})
    expect(open.json).toStrictEqual({
      asOf: '2023-10-01',
      count: 2,
      actions: [
        {
          file: 'minutes/2023-03-01.md',
          line: 14,
          column: 7,
          text: 'Police to report on R1 by 30 June 2023',
          owner: 'Police',
          due: '2023-06-30',
          dueSource: 'date',
          done: false,
          references: ['R1'],
          overdue: true,
          date: '2023-03-01'
        },
        {
          file: 'minutes/2023-09-01.md',
          line: 15,
          column: 1,
          text: 'Council to publish the protocol (R2).',
          owner: 'Council',
          due: null,
          dueSource: null,
          done: false,
          references: ['R2'],
          overdue: false,
          date: '2023-09-01'
        }
      ]
    })
    const done = (await call(client, 'actions', { state: 'done' })).json as { actions: Array<{ text: string }> }
    expect(done.actions.map((action) => action.text)).toStrictEqual(['Council to share data on R2 by 31 May 2023'])
    expect(((await call(client, 'actions', { id: 'R2', state: 'all' })).json as { count: number }).count).toBe(2)
  })

  it('reads the register and minutes as resources, and refuses anything else', async () => {
    const read = await client.readResource({ uri: 'followthrough://register/small' })
    expect(read.contents).toStrictEqual([{ uri: 'followthrough://register/small', mimeType: 'application/yaml', text: register }])
    const minutes = await client.readResource({ uri: 'followthrough://minutes/minutes%2F2023-03-01.md' })
    expect(minutes.contents).toStrictEqual([{ uri: 'followthrough://minutes/minutes%2F2023-03-01.md', mimeType: 'text/markdown', text: small['minutes/2023-03-01.md'] }])
    await expect(client.readResource({ uri: 'followthrough://minutes/..%2Fregister.yaml' })).rejects.toThrow(
      /Unexpected resource followthrough:\/\/minutes\/\.\.%2Fregister\.yaml, expected a register or minutes file the config names/
    )
    await expect(client.readResource({ uri: 'followthrough://register/other' })).rejects.toThrow(/Unexpected resource/)
  })

  it.each([
    ['list_recommendations', { status: 'done' }, /^MCP error -32602: Input validation error: .*status/],
    ['list_recommendations', { asOf: '2023-02-30' }, /^MCP error -32602: Input validation error: .*asOf/],
    ['list_recommendations', { overdue: 'yes' }, /^MCP error -32602: Input validation error: .*overdue/],
    ['list_recommendations', { owner: 'nobody' }, /^Unexpected owner "nobody", expected an owner's id or name such as police, council$/],
    ['list_recommendations', { theme: 'money' }, /^Unexpected theme "money", expected one of data, training$/],
    ['list_recommendations', { register: 'other' }, /^Unexpected register "other", expected one of small$/],
    ['get_recommendation', {}, /^MCP error -32602: Input validation error: .*id/],
    ['get_recommendation', { id: 'R4' }, /^Unexpected recommendation "R4", expected an id of the register such as R1, R2, R3 \(list_recommendations lists them\)$/],
    ['find_references', { id: 'other:R1' }, /^Unexpected register "other", expected one of small$/],
    ['lint', { files: ['../etc/passwd'] }, /^Unexpected file "\.\.\/etc\/passwd", expected a register or a configured minutes file/],
    ['actions', { state: 'closed' }, /^MCP error -32602: Input validation error: .*state/],
    ['no_such_tool', {}, /^MCP error -32602: Tool no_such_tool not found$/]
  ])('answers %s %j with a tool error, and goes on serving', async (name, args, message) => {
    const result = await call(client, name, args)
    expect(result.isError).toBe(true)
    expect(result.text).toMatch(message)
    expect((await call(client, 'list_recommendations', {})).isError).toBe(false)
  })
})

describe('the MCP server on a broken workspace', () => {
  it('says what is broken, with file, line and column, and lint lists it', async () => {
    const client = await connect({ ...small, 'register.yaml': register.replace('owners: [council]', 'owners: [nobody]') })
    const result = await call(client, 'list_recommendations', {})
    expect(result.isError).toBe(true)
    expect(result.text).toMatch(/^The configuration or a register has errors, first: register\.yaml:\d+:\d+: Unexpected owner "nobody" in R2, .* \(the lint tool lists them all\)$/)
    expect((await call(client, 'lint', {})).json).toMatchObject({ errors: 1, findings: [{ file: 'register.yaml', severity: 'error' }] })
    await client.close()
  })
})

describe('the MCP server on examples/telford', () => {
  it('answers the questions an agent asks about the example', async () => {
    const client = await connect(filesOf(telford))
    const overdue = (await call(client, 'list_recommendations', { overdue: true })).json as { recommendations: Array<{ id: string }> }
    expect(overdue.recommendations.map((row) => row.id)).toStrictEqual(['R14', 'R36', 'R43', 'R44'])
    const r12 = (await call(client, 'get_recommendation', { id: 'R12' })).json as { status: string; discussions: Array<{ file: string; line: number; sentence: string }> }
    expect(r12.status).toBe('implemented')
    expect(r12.discussions[0]).toStrictEqual({
      file: 'minutes/2022-10-12-accountability.md',
      date: '2022-10-12',
      title: 'Accountability meeting on the Telford inquiry recommendations',
      line: 57,
      column: 20,
      reference: 'R12',
      sentence: '**Victim language (R12).** The force has started an audit of how children are described in crime reports and intelligence logs.'
    })
    await client.close()
  })
})

const accountability = `inquiry:
  id: acc
  title: Accountability Review
  published: 2024-01-01
  responseDays: 56
owners:
  - id: council
    name: Borough Council
  - id: police
    name: County Police
recommendations:
  - id: R1
    title: Name a lead member
    owners: [council]
    due: 2024-06-30
    response: { decision: accepted, date: 2024-02-01 }
    history:
      - { date: 2024-05-01, status: implemented, assurance: verified, by: Internal audit }
  - id: R2
    title: Commission a case audit
    owners: [council, police]
    due: 2024-03-31
    response: { decision: accepted-in-principle, date: 2024-02-20, note: Subject to funding }
    history:
      - { date: 2024-03-01, due: 2024-09-30, reason: supplier delay }
      - { date: 2024-08-01, due: 2024-12-31, reason: contract re-tendered }
      - { date: 2024-09-01, status: ready-for-assessment, assurance: claimed, by: Council }
  - id: R3
    title: Train every officer
    owners: [police]
    due: 2024-06-30
    history:
      - date: 2024-06-01
        status: implemented
        assurance: evidenced
        evidence:
          - { title: Training records, href: 'https://example.org/training.pdf', date: 2024-05-30 }
  - id: R4
    title: Record ethnicity of victims
    owners: [police]
    due: 2024-12-31
    history:
      - { date: 2024-04-01, due: 2024-10-31 }
`

describe('the MCP server on a register with responses, assurance and moved due dates', () => {
  let client: Client
  beforeAll(async () => {
    client = await connect(
      {
        'followthrough.config.json': '{ "registers": ["register.yaml"], "minutes": ["minutes/*.md"] }',
        'register.yaml': accountability,
        'minutes/2024-09-15.md': `${front('2024-09-15')}\nThe board discussed R1 and R2.\n`
      },
      '2024-10-01'
    )
  })
  afterAll(async () => {
    await client.close()
  })

  const ids = async (args: Record<string, unknown>) =>
    ((await call(client, 'list_recommendations', args)).json as { recommendations: Array<{ id: string }> }).recommendations.map((row) => row.id)

  it('filters by the assurance of the current status', async () => {
    expect(await ids({ assurance: 'verified' })).toStrictEqual(['R1'])
    expect(await ids({ assurance: 'evidenced' })).toStrictEqual(['R3'])
    expect(await ids({ assurance: 'claimed' })).toStrictEqual(['R2'])
    expect(await ids({ assurance: 'not-recorded' })).toStrictEqual(['R4'])
    // Combined with another filter: all must hold.
    expect(await ids({ assurance: 'not-recorded', owner: 'council' })).toStrictEqual([])
    const wrong = await call(client, 'list_recommendations', { assurance: 'checked' })
    expect(wrong.isError).toBe(true)
    expect(wrong.text).toContain('claimed')
  })

  it('gives the response, the assurance with its evidence and by, and the due-date history', async () => {
    const r2 = (await call(client, 'get_recommendation', { id: 'R2' })).json
    expect(r2).toMatchObject({
      id: 'R2',
      status: 'ready-for-assessment',
      assurance: 'claimed',
      by: 'Council',
      response: { decision: 'accepted-in-principle', date: '2024-02-20', note: 'Subject to funding' },
      due: '2024-03-31',
      currentDue: '2024-12-31',
      dueRevisions: [
        { date: '2024-03-01', due: '2024-09-30', reason: 'supplier delay' },
        { date: '2024-08-01', due: '2024-12-31', reason: 'contract re-tendered' }
      ],
      overdue: false
    })
    const r3 = (await call(client, 'get_recommendation', { id: 'R3' })).json
    expect(r3).toMatchObject({ assurance: 'evidenced', evidence: [{ title: 'Training records', href: 'https://example.org/training.pdf', date: '2024-05-30' }] })
    expect(r3).not.toHaveProperty('response')
    // The list carries the same facts.
    const listed = (await call(client, 'list_recommendations', { assurance: 'not-recorded' })).json as { recommendations: Array<Record<string, unknown>> }
    expect(listed.recommendations[0]).toMatchObject({ id: 'R4', currentDue: '2024-10-31', dueRevisions: [{ date: '2024-04-01', due: '2024-10-31' }], dueSoon: true })
  })

  it('gives responses, status by assurance, the assurance gap and slippage in progress', async () => {
    const [progress] = (await call(client, 'progress', {})).json as Array<Record<string, unknown>>
    // By hand: responses due 2024-02-26; R3 and R4 have none (R4 is not superseded).
    expect(progress?.['responses']).toStrictEqual({ accepted: 1, 'accepted-in-principle': 1, 'partially-accepted': 0, 'not-accepted': 0, awaiting: 2, overdue: ['R3', 'R4'] })
    expect(progress?.['assuranceGap']).toStrictEqual(['R2', 'R3'])
    expect((progress?.['assurance'] as { byStatus: Record<string, unknown> }).byStatus['implemented']).toStrictEqual({ claimed: 0, evidenced: 1, verified: 1, 'not-recorded': 0 })
    expect(progress?.['slippage']).toStrictEqual({
      items: [
        { id: 'R2', owners: ['council', 'police'], originalDue: '2024-03-31', currentDue: '2024-12-31', revisions: 2, days: 275 },
        { id: 'R4', owners: ['police'], originalDue: '2024-12-31', currentDue: '2024-10-31', revisions: 1, days: -61 }
      ],
      totalDays: 214,
      byOwner: { council: { revised: 1, days: 275 }, police: { revised: 2, days: 214 } }
    })
  })
})
