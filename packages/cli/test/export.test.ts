import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import excel from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountabilityRegister, minutes, run, workspace } from './workspace.js'

const example = fileURLToPath(new URL('../../../examples/telford/', import.meta.url))

const header = [
  'ID',
  'Title',
  'Owners',
  'Themes',
  'Status',
  'Assurance',
  'Response',
  'Original due',
  'Current due',
  'Due revisions',
  'Days overdue',
  'Last discussed',
  'Meetings since'
]

const date = (text: string) => new Date(`${text}T00:00:00Z`)

/** A row's values as exceljs gives them back (it keeps index 0 empty; empty cells are holes, made undefined). */
function values(sheet: excel.Worksheet, row: number): unknown[] {
  return Array.from(sheet.getRow(row).values as unknown[]).slice(1)
}

describe('followthrough export on examples/telford', () => {
  let folder: string
  let workbook: excel.Workbook
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'followthrough-export-'))
    cpSync(example, folder, { recursive: true })
    const result = await run(['export', '--as-of', '2024-11-01'], folder)
    expect(result).toStrictEqual({ code: 0, stdout: 'Wrote tracker.xlsx\n', stderr: '' })
    workbook = new excel.Workbook()
    await workbook.xlsx.readFile(join(folder, 'tracker.xlsx'))
  })
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true })
  })

  it('has one sheet per register and one of open actions', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toStrictEqual(['iitcse', 'Open actions'])
  })

  it('gives one row per recommendation under a bold, frozen, filtered header row', () => {
    const sheet = workbook.getWorksheet('iitcse')
    if (!sheet) throw new Error('no iitcse sheet')
    const register = readFileSync(join(folder, 'recommendations.yaml'), 'utf8')
    expect(sheet.rowCount).toBe(1 + [...register.matchAll(/^ {2}- id: R\d+/gm)].length)
    expect(values(sheet, 1)).toStrictEqual(header)
    expect(sheet.getRow(1).font).toMatchObject({ bold: true })
    expect(sheet.views).toMatchObject([{ state: 'frozen', xSplit: 1, ySplit: 1 }])
    expect(sheet.autoFilter).toBe(`A1:M${sheet.rowCount}`)
  })

  it('writes the summary facts, dates as real dates', () => {
    const sheet = workbook.getWorksheet('iitcse')
    if (!sheet) throw new Error('no iitcse sheet')
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, index) => values(sheet, index + 2))
    const r14 = rows.find((row) => row[0] === 'R14')
    expect(r14).toStrictEqual([
      'R14',
      'Embed exploitation training among longer-serving officers',
      'West Mercia Police',
      'training',
      'In progress',
      undefined,
      undefined,
      date('2024-03-31'),
      date('2024-03-31'),
      0,
      215,
      date('2024-10-16'),
      0
    ])
    const index = rows.indexOf(r14 ?? [])
    expect(sheet.getRow(index + 2).getCell(8).numFmt).toBe('yyyy-mm-dd')
    // Never discussed: no date, and every meeting since.
    expect(rows.find((row) => row[0] === 'R1')?.slice(10)).toStrictEqual([undefined, undefined, 11])
  })

  it('lists the open actions of the minutes up to the as-of date', () => {
    const sheet = workbook.getWorksheet('Open actions')
    if (!sheet) throw new Error('no actions sheet')
    expect(values(sheet, 1)).toStrictEqual(['Meeting', 'Minutes', 'Line', 'Action', 'Owner', 'Due', 'Days overdue', 'Recommendations'])
    expect(sheet.rowCount).toBeGreaterThan(1)
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, index) => values(sheet, index + 2))
    for (const row of rows) {
      expect(row[0]).toBeInstanceOf(Date)
      expect(String(row[1])).toMatch(/^minutes\/\d{4}-\d{2}-\d{2}-[a-z]+\.md$/)
    }
    const meetings = rows.map((row) => (row[0] as Date).toISOString())
    expect(meetings).toStrictEqual([...meetings].sort())
    expect(sheet.autoFilter).toBe(`A1:H${sheet.rowCount}`)
  })

  it('never replaces the default file, and replaces a file named with --out', async () => {
    const path = join(folder, 'tracker.xlsx')
    const before = statSync(path).mtimeMs
    expect(await run(['export'], folder)).toStrictEqual({
      code: 2,
      stdout: '',
      stderr: 'followthrough: Unexpected existing tracker.xlsx, expected a new file: name it with --out to replace it\n'
    })
    expect(statSync(path).mtimeMs).toBe(before)
    writeFileSync(path, 'old')
    expect(await run(['export', '--out', 'tracker.xlsx', '--as-of', '2024-11-01'], folder)).toMatchObject({ code: 0, stdout: 'Wrote tracker.xlsx\n' })
    const again = new excel.Workbook()
    await again.xlsx.readFile(path)
    expect(again.worksheets.map((sheet) => sheet.name)).toStrictEqual(['iitcse', 'Open actions'])
  })

  it('writes CSV with --format csv (or an --out ending in .csv): a Register column, dates as YYYY-MM-DD', async () => {
    expect(await run(['export', '--format', 'csv', '--as-of', '2024-11-01'], folder)).toStrictEqual({ code: 0, stdout: 'Wrote tracker.csv\n', stderr: '' })
    const text = readFileSync(join(folder, 'tracker.csv'), 'utf8')
    const lines = text.split(/\r?\n/).filter((line) => line !== '')
    expect(lines[0]).toBe(`\uFEFFRegister,${header.join(',')}`)
    expect(lines.find((line) => line.startsWith('iitcse,R14,'))).toBe(
      'iitcse,R14,Embed exploitation training among longer-serving officers,West Mercia Police,training,In progress,,,2024-03-31,2024-03-31,0,215,2024-10-16,0'
    )
    const sheet = await new excel.Workbook().csv.readFile(join(folder, 'tracker.csv'))
    expect(sheet.rowCount).toBe(lines.length)
    expect(await run(['export', '--out', 'out/t.csv', '--as-of', '2024-11-01'], folder)).toMatchObject({ code: 0, stdout: 'Wrote out/t.csv\n' })
    expect(readFileSync(join(folder, 'out', 't.csv'), 'utf8')).toBe(text)
  })

  it.each([
    [['export', '--format', 'pdf'], 'followthrough: Unexpected format "pdf" for export, expected one of xlsx, csv\n'],
    [['export', '--register', 'nope', '--out', 'x.xlsx'], 'followthrough: Unexpected register "nope", expected one of iitcse\n'],
    [['export', 'minutes/a.md'], 'followthrough: Unexpected files for export, expected none: it exports the configured registers and minutes\n']
  ])('%j is a usage error, exit code 2', async (args, stderr) => {
    expect(await run(args, folder)).toStrictEqual({ code: 2, stdout: '', stderr })
  })
})

describe('followthrough export with formulas in the register', () => {
  it('keeps text as text: a title starting with = is a string in the workbook and defused in CSV', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'followthrough-export-'))
    writeFileSync(
      join(folder, 'recommendations.yaml'),
      'inquiry:\n  id: x\n  title: X\n  published: 2023-01-01\nowners:\n  - id: o\n    name: "@Owner"\nrecommendations:\n  - id: R1\n    title: "=HYPERLINK(\\"http://example.com\\")"\n    owners: [o]\n'
    )
    writeFileSync(join(folder, 'm.md'), '---\nmeeting: m\ndate: 2023-02-01\ntitle: M\nchair: C\nattendees: [C]\n---\n\nR1.\n')
    writeFileSync(join(folder, 'followthrough.config.json'), '{ "minutes": ["*.md"] }')
    expect((await run(['export', '--as-of', '2023-03-01'], folder)).code).toBe(0)
    const workbook = new excel.Workbook()
    await workbook.xlsx.readFile(join(folder, 'tracker.xlsx'))
    expect(workbook.getWorksheet('x')?.getRow(2).getCell(2).value).toBe('=HYPERLINK("http://example.com")')
    expect((await run(['export', '--format', 'csv', '--as-of', '2023-03-01'], folder)).code).toBe(0)
    expect(readFileSync(join(folder, 'tracker.csv'), 'utf8').split(/\r?\n/)[1]).toBe(`x,R1,"'=HYPERLINK(""http://example.com"")",'@Owner,,Not started,,,,,0,,2023-02-01,0`)
    rmSync(folder, { recursive: true, force: true })
  })
})

describe('followthrough export: responses, assurance and moved due dates', () => {
  it('fills the Assurance, Response, due-date and revision columns from the register history (read back from the workbook and the CSV)', async () => {
    const { root, cleanup } = workspace({ 'recommendations.yaml': accountabilityRegister, 'minutes/2024-09-15.md': minutes('2024-09-15', 'The board discussed R1 and R2.\n') })
    try {
      expect(await run(['export', '--as-of', '2024-10-01'], root)).toStrictEqual({ code: 0, stdout: 'Wrote tracker.xlsx\n', stderr: '' })
      const workbook = new excel.Workbook()
      await workbook.xlsx.readFile(join(root, 'tracker.xlsx'))
      const sheet = workbook.getWorksheet('acc')
      if (!sheet) throw new Error('no acc sheet')
      // ID, Status, Assurance, Response, Original due, Current due, Due revisions, Days overdue: by hand (see accountabilityRegister).
      const rows = Array.from({ length: sheet.rowCount - 1 }, (_, index) => values(sheet, index + 2)).map((row) => [row[0], ...row.slice(4, 11)])
      expect(rows).toStrictEqual([
        ['R1', 'Implemented', 'Verified', 'Accepted', date('2024-06-30'), date('2024-06-30'), 0, undefined],
        ['R2', 'Ready for assessment', 'Claimed', 'Accepted in principle', date('2024-03-31'), date('2024-12-31'), 2, undefined],
        ['R3', 'Implemented', 'Evidenced', undefined, date('2024-06-30'), date('2024-06-30'), 0, undefined],
        ['R4', 'Not started', undefined, 'Not accepted', date('2024-12-31'), date('2024-10-31'), 1, undefined],
        ['R5', 'In progress', undefined, 'Partially accepted', undefined, undefined, 0, undefined],
        ['R6', 'Superseded', undefined, undefined, undefined, undefined, 0, undefined]
      ])
      expect(await run(['export', '--format', 'csv', '--as-of', '2024-10-01'], root)).toMatchObject({ code: 0 })
      const csv = readFileSync(join(root, 'tracker.csv'), 'utf8')
      expect(csv).toContain(
        'acc,R2,Commission a case audit,Borough Council; County Police,,Ready for assessment,Claimed,Accepted in principle,2024-03-31,2024-12-31,2,,2024-09-15,0'
      )
    } finally {
      cleanup()
    }
  })
})
