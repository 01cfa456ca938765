import {
  assuranceLabels,
  computeProgress,
  daysBetween,
  recommendationSummaries,
  responseDecisionLabels,
  statusLabels,
  type MinutesRecord,
  type Register
} from '@followthrough/core'
import type { MinutesAction } from '@followthrough/engine'

/**
 * The tracker spreadsheet of `followthrough export`: one row per
 * recommendation from core's `recommendationSummaries` (the figures of the
 * report, the editor and the agent interface), one sheet per register, and
 * the open actions of the minutes. Written with exceljs, which is loaded only
 * here.
 */

/** What a tracker is made from. */
export interface TrackerInput {
  registers: readonly Register[]
  /** Minutes records (as `minutesRecords` gives them). */
  minutes: readonly MinutesRecord[]
  /** Actions of the minutes (`minutesActions`), files as they should appear. */
  actions: readonly MinutesAction[]
  /** The day the figures are for (`YYYY-MM-DD`). */
  asOf: string
}

/** One cell's value: text, a whole number, a date (`YYYY-MM-DD`, written as a real date) or empty. */
type Cell = string | number | { date: string } | undefined

interface Column {
  header: string
  width: number
}

const recommendationColumns: Column[] = [
  { header: 'ID', width: 8 },
  { header: 'Title', width: 60 },
  { header: 'Owners', width: 36 },
  { header: 'Themes', width: 24 },
  { header: 'Status', width: 22 },
  // How far the current status is assured, and the owner's response: empty while not recorded.
  { header: 'Assurance', width: 14 },
  { header: 'Response', width: 22 },
  { header: 'Original due', width: 13 },
  { header: 'Current due', width: 13 },
  { header: 'Due revisions', width: 14 },
  { header: 'Days overdue', width: 13 },
  { header: 'Last discussed', width: 15 },
  { header: 'Meetings since', width: 15 }
]

const actionColumns: Column[] = [
  { header: 'Meeting', width: 12 },
  { header: 'Minutes', width: 40 },
  { header: 'Line', width: 6 },
  { header: 'Action', width: 70 },
  { header: 'Owner', width: 24 },
  { header: 'Due', width: 12 },
  { header: 'Days overdue', width: 13 },
  { header: 'Recommendations', width: 18 }
]

/** The rows of one register's sheet, in register order. */
function recommendationRows(register: Register, input: TrackerInput): Cell[][] {
  const progress = computeProgress({ register, minutes: [...input.minutes], asOf: input.asOf })
  return recommendationSummaries(register, progress, input.minutes).map((summary) => {
    const original = summary.due !== undefined ? { date: summary.due } : undefined
    const current = summary.currentDue ?? summary.due
    return [
      summary.id,
      summary.title,
      summary.ownerNames.join('; '),
      summary.themes.join('; '),
      statusLabels[summary.status],
      summary.assurance !== undefined ? assuranceLabels[summary.assurance] : undefined,
      summary.response !== undefined ? responseDecisionLabels[summary.response.decision] : undefined,
      original,
      current !== undefined ? { date: current } : undefined,
      summary.dueRevisions?.length ?? 0,
      summary.daysOverdue,
      summary.lastDiscussed !== undefined ? { date: summary.lastDiscussed } : undefined,
      summary.meetingsSince
    ]
  })
}

/** The rows of the open actions sheet, oldest meeting first. */
function actionRows(input: TrackerInput): Cell[][] {
  return input.actions
    .filter((action) => !action.done)
    .map((action) => [
      action.date !== null ? { date: action.date } : undefined,
      action.file,
      action.line,
      action.text,
      action.owner ?? undefined,
      action.due !== null ? { date: action.due } : undefined,
      action.overdue && action.due !== null ? daysBetween(action.due, input.asOf) : undefined,
      action.references.join(', ')
    ])
}

/** A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique (case-insensitively). */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'Sheet'
  let name = base
  for (let number = 2; taken.has(name.toLowerCase()); number++) name = `${base.slice(0, 31 - String(number).length - 1)}-${number}`
  taken.add(name.toLowerCase())
  return name
}

function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`)
}

/** The tracker as an `.xlsx` workbook: a header row, frozen panes, filters, dates as dates. */
export async function trackerWorkbook(input: TrackerInput): Promise<Uint8Array> {
  const { default: excel } = await import('exceljs')
  const workbook = new excel.Workbook()
  workbook.creator = 'Followthrough'
  // A fixed time, so the same files give the same workbook.
  workbook.created = utcDate(input.asOf)
  workbook.modified = utcDate(input.asOf)
  const taken = new Set<string>()
  const sheet = (name: string, columns: Column[], rows: Cell[][]) => {
    const worksheet = workbook.addWorksheet(sheetName(name, taken), { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] })
    worksheet.columns = columns.map((column) => ({ header: column.header, width: column.width }))
    worksheet.getRow(1).font = { bold: true }
    for (const cells of rows) {
      const row = worksheet.addRow(cells.map((cell) => (cell === undefined ? null : typeof cell === 'object' ? utcDate(cell.date) : cell)))
      cells.forEach((cell, index) => {
        if (cell !== undefined && typeof cell === 'object') row.getCell(index + 1).numFmt = 'yyyy-mm-dd'
      })
    }
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } }
  }
  for (const register of input.registers) sheet(register.inquiry.id, recommendationColumns, recommendationRows(register, input))
  sheet('Open actions', actionColumns, actionRows(input))
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

/**
 * The recommendations as CSV (RFC 4180, UTF-8 with a byte order mark so Excel
 * reads accents right): a `Register` column first, then the workbook's
 * columns, dates as `YYYY-MM-DD`. A CSV file holds one table, so the open
 * actions are the workbook's only. Text that a spreadsheet would run as a
 * formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a
 * leading `'`.
 */
export async function trackerCsv(input: TrackerInput): Promise<Uint8Array> {
  const { default: excel } = await import('exceljs')
  const workbook = new excel.Workbook()
  const worksheet = workbook.addWorksheet('Recommendations')
  worksheet.addRow(['Register', ...recommendationColumns.map((column) => column.header)])
  for (const register of input.registers) {
    for (const cells of recommendationRows(register, input)) {
      worksheet.addRow(
        [register.inquiry.id, ...cells].map((cell) => (cell === undefined ? null : typeof cell === 'object' ? cell.date : typeof cell === 'string' ? defused(cell) : cell))
      )
    }
  }
  return new Uint8Array(await workbook.csv.writeBuffer({ formatterOptions: { writeBOM: true } }))
}

function defused(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}
