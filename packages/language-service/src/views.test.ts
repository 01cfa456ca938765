import { assert, describe, expect, it } from 'vitest'
import { documentOf, fileText, lineAt, minutes, root, serviceOver, smallRegister, telfordFiles, today } from '../test/helpers.js'
import { pathToUri } from './uri.js'

const files = telfordFiles()
const registerPath = `${root}/recommendations.yaml`
const registerUri = pathToUri(registerPath)

describe('getRecommendations', () => {
  it('lists each folder and register, recommendations grouped by status and by owner', async () => {
    const { service } = await serviceOver(files)
    const { folders, registers } = await service.getRecommendations()
    expect(folders).toEqual([
      {
        uri: 'file:///telford',
        name: 'telford',
        config: 'file:///telford/followthrough.config.json',
        configProblems: 0,
        minutesGlobs: ['minutes/**/*.md'],
        minutes: 11,
        complete: true,
        meetings: ['accountability', 'partnership'],
        failedRegisters: []
      }
    ])
    expect(registers).toHaveLength(1)
    const [register] = registers
    assert(register, 'a register')
    expect(register).toMatchObject({ uri: registerUri, folder: 'file:///telford', id: 'iitcse', title: 'Independent Inquiry into Telford Child Sexual Exploitation', stale: false })
    expect(register.progress).toMatchObject({ asOf: today, implemented: 37, total: 46, overdue: 4, text: 'R 37/46 implemented' })
    expect(register.progress.tooltip.split('\n')).toEqual([
      `Independent Inquiry into Telford Child Sexual Exploitation (iitcse), ${today}`,
      '',
      'In progress: 4',
      'Implemented: 37',
      'Blocked: 5',
      'Superseded: 1',
      '',
      '37 of 46 implemented, 4 overdue'
    ])
    expect(register.groups.status.map((group) => [group.key, group.label, group.ids.length])).toEqual([
      ['status:in-progress', 'In progress', 4],
      ['status:implemented', 'Implemented', 37],
      ['status:blocked', 'Blocked', 5],
      ['status:superseded', 'Superseded', 1]
    ])
    expect(register.groups.status[0]?.ids).toEqual(['R14', 'R36', 'R41', 'R43'])
    expect(register.groups.owner.map((group) => [group.label, group.ids.length])).toEqual([
      ['Telford & Wrekin Council', 35],
      ['West Mercia Police', 13],
      ['Office of the Police and Crime Commissioner for West Mercia', 3],
      ['NHS Shropshire, Telford and Wrekin', 4]
    ])
    const r14 = register.recommendations.find((recommendation) => recommendation.id === 'R14')
    expect(r14).toEqual({
      id: 'R14',
      title: 'Embed exploitation training among longer-serving officers',
      status: 'in-progress',
      statusLabel: 'In progress',
      since: '2023-04-17',
      due: '2024-03-31',
      overdue: true,
      daysOverdue: 242,
      owners: ['West Mercia Police'],
      discussedTimes: 17,
      lastDiscussed: '2024-10-16',
      description: 'due 2024-03-31 (overdue) · last discussed 2024-10-16',
      tooltip: [
        '**R14** Embed exploitation training among longer-serving officers',
        '',
        'Status: In progress since 2023-04-17',
        'Owners: West Mercia Police',
        'Due: 2024-03-31 (**overdue** by 242 days)',
        'Discussed 17 times, last on 2024-10-16'
      ].join('  \n'),
      range: { start: { line: 207, character: 8 }, end: { line: 207, character: 11 } }
    })
    expect(lineAt(fileText(files, registerPath), 207)).toBe('  - id: R14')
  })

  it('keeps the last valid register while the register has errors, as the diagnostics do', async () => {
    const { service } = await serviceOver(files)
    const broken = documentOf(registerPath, fileText(files, registerPath).replace('  - id: R14\n', '  - id: R14\n    due: [oops\n'), 2)
    await service.didOpen(broken)
    const diagnostics = await service.getDiagnostics(broken)
    expect(diagnostics.some((diagnostic) => diagnostic.severity === 1)).toBe(true)
    const { registers, folders } = await service.getRecommendations()
    expect(registers.map((register) => [register.id, register.stale, register.progress.text])).toEqual([['iitcse', true, 'R 37/46 implemented']])
    expect(folders[0]?.failedRegisters).toEqual([])
    expect(await service.getProgress(registerUri)).toMatchObject({ register: { uri: registerUri, id: 'iitcse', stale: true }, progress: { implemented: 37, total: 46 } })
    // Minutes are still checked against the last valid version: R14 is known.
    const path = `${root}/minutes/2024-01-17-accountability.md`
    const minutesDiagnostics = await service.getDiagnostics(documentOf(path, fileText(files, path)))
    expect(minutesDiagnostics.filter((diagnostic) => diagnostic.code === 'unknown-recommendation').map((diagnostic) => diagnostic.message)).toEqual([
      'Unexpected unknown recommendation R52, expected an id of iitcse such as R5 or R42'
    ])
  })

  it("names a register with no valid version among the folder's failed registers", async () => {
    const { service } = await serviceOver({ [`${root}/recommendations.yaml`]: 'inquiry: [', [`${root}/minutes/a.md`]: minutes('2024-01-01', 'R1.') })
    const { folders, registers } = await service.getRecommendations()
    expect(registers).toEqual([])
    expect(folders[0]?.failedRegisters).toHaveLength(1)
    expect(folders[0]?.failedRegisters[0]?.uri).toBe(registerUri)
    expect(folders[0]?.failedRegisters[0]?.message).toBe('Flow sequence in block collection must be sufficiently indented and end with a ]')
  })
})

describe('getProgress', () => {
  it("gives the register of a file: its own, the one the minutes name, else the folder's first", async () => {
    const two = {
      [`${root}/followthrough.config.json`]: JSON.stringify({ registers: ['a.yaml', 'b.yaml'] }),
      [`${root}/a.yaml`]: smallRegister('alpha', 3),
      [`${root}/b.yaml`]: smallRegister('beta', 5),
      [`${root}/minutes/one.md`]: minutes('2024-01-01', 'R1 and alpha:R2.', 'register: beta\n'),
      [`${root}/minutes/two.md`]: minutes('2024-02-01', 'alpha:R1.')
    }
    const { service } = await serviceOver(two)
    const id = async (uri: string | undefined) => (await service.getProgress(uri))?.register.id
    expect(await id(pathToUri(`${root}/b.yaml`))).toBe('beta')
    expect(await id(pathToUri(`${root}/minutes/one.md`))).toBe('beta')
    expect(await id(pathToUri(`${root}/minutes/two.md`))).toBe('alpha')
    expect(await id(pathToUri(`${root}/notes.md`))).toBe('alpha')
    expect(await id(undefined)).toBe('alpha')
    expect(await service.getProgress('file:///elsewhere/x.md')).toBeNull()
    expect((await service.getProgress(pathToUri(`${root}/b.yaml`)))?.progress).toMatchObject({ total: 5, implemented: 0, text: 'R 0/5 implemented' })
  })
})

describe('getDiscussions', () => {
  it('lists the minutes that discuss a recommendation, newest first, each at its first mention', async () => {
    const { service } = await serviceOver(files)
    const list = await service.getDiscussions({ register: registerUri, id: 'R14' })
    expect(list.map((entry) => [entry.description, entry.count, entry.detail])).toEqual([
      ['minutes/2024-10-16-accountability.md', 4, '4 mentions of R14'],
      ['minutes/2024-07-17-accountability.md', 3, '3 mentions of R14'],
      ['minutes/2024-04-17-accountability.md', 3, '3 mentions of R14'],
      ['minutes/2024-01-17-accountability.md', 2, '2 mentions of R14'],
      ['minutes/2023-10-18-accountability.md', 1, 'One mention of R14'],
      ['minutes/2023-04-17-accountability.md', 4, '4 mentions of R14']
    ])
    const [newest] = list
    assert(newest?.range, 'the newest discussion, with a range')
    expect(newest.uri).toBe('file:///telford/minutes/2024-10-16-accountability.md')
    expect(newest.label).toBe('2024-10-16: Accountability meeting on the Telford inquiry recommendations')
    const text = lineAt(fileText(files, `${root}/minutes/2024-10-16-accountability.md`), newest.range.start.line)
    expect(text.slice(newest.range.start.character, newest.range.end.character)).toMatch(/14/)
    expect(await service.getDiscussions({ register: registerUri, id: 'R1' })).toEqual([])
    expect(await service.getDiscussions({ register: 'file:///telford/minutes/2024-10-16-accountability.md', id: 'R14' })).toEqual([])
  })
})

describe('onDidChangeIndex', () => {
  it("fires when some minutes' facts change or a register changes, not when only their wording moves", async () => {
    const { service } = await serviceOver(files)
    const changes: string[][] = []
    service.onDidChangeIndex((folders) => changes.push(folders))
    const path = `${root}/minutes/2024-01-17-accountability.md`
    const original = fileText(files, path)
    await service.didOpen(documentOf(path, original))
    changes.length = 0
    // A new reference: discussions change.
    await service.didChange(documentOf(path, original.replace('Work on\nR14 continues', 'Work on\nR14 and R1 continue'), 2))
    expect(changes).toEqual([['file:///telford']])
    expect((await service.getRecommendations()).registers[0]?.recommendations.find((entry) => entry.id === 'R1')?.discussedTimes).toBe(1)
    // Wording only: nothing the views show.
    await service.didChange(documentOf(path, original.replace('Work on\nR14 continues', 'Work on\nR14 and R1 go on'), 3))
    expect(changes).toHaveLength(1)
    // The register.
    await service.didOpen(documentOf(registerPath, fileText(files, registerPath).replace('Embed exploitation training', 'Embed CSE training')))
    expect(changes).toHaveLength(2)
    expect((await service.getRecommendations()).registers[0]?.recommendations.find((entry) => entry.id === 'R14')?.title).toBe('Embed CSE training among longer-serving officers')
  })
})
