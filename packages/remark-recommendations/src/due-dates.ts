/**
 * Due dates as minute-takers write them: `2023-06-30`, `30/09/2023`,
 * `by 30 September 2023`, `in June`, `by the end of March 2024`. A month
 * without a year is resolved against the meeting's date.
 */

/** A due date found in an action's text. */
export interface FoundDueDate {
  /** The date as `YYYY-MM-DD`; absent when it needs the meeting's date and there is none. */
  due?: string
  /** Offsets of the phrase in the text (end exclusive). */
  start: number
  end: number
  /** Written as a month without a day ("in June", "by the end of March 2024"): `due` is its last day. */
  month?: true
}

const months: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['January', 'Jan']],
  [2, ['February', 'Feb']],
  [3, ['March', 'Mar']],
  [4, ['April', 'Apr']],
  [5, ['May']],
  [6, ['June', 'Jun']],
  [7, ['July', 'Jul']],
  [8, ['August', 'Aug']],
  [9, ['September', 'Sept', 'Sep']],
  [10, ['October', 'Oct']],
  [11, ['November', 'Nov']],
  [12, ['December', 'Dec']]
]

const monthNumber = new Map<string, number>()
for (const [number, names] of months) {
  for (const name of names) {
    monthNumber.set(name.toLowerCase(), number)
  }
}

// Month names must be capitalised: "in may" is a verb far more often than a month.
const monthPattern = [...monthNumber.keys()]
  .sort((a, b) => b.length - a.length)
  .map((name) => `${name.charAt(0).toUpperCase()}${name.slice(1)}|${name.toUpperCase()}`)
  .join('|')

const isoPattern = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/u
const slashDate = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/u
// "by June", "in June 2024", "before 30 September", "by the end of March", "on 28 June"
// (`on` only with a day), and "to the October meeting" (a meeting in that month).
const monthPhrase = new RegExp(
  `(?<![\\p{L}])(?:(?:[Bb][Yy]|[Ii][Nn]|[Bb][Ee][Ff][Oo][Rr][Ee]|[Dd][Uu][Ee])\\s+(?:[Tt]he\\s+)?(?:[Ee]nd\\s+of\\s+)?|[Oo][Nn]\\s+(?=\\d))` +
    `(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?(${monthPattern})\\.?(?![\\p{L}])(?:,?\\s+(\\d{4})(?!\\d))?` +
    `|(?<![\\p{L}])(?:[Tt][Oo]|[Aa][Tt]|[Ff][Oo][Rr])\\s+the\\s+()(${monthPattern})(?:\\s+(\\d{4}))?\\s+meeting(?![\\p{L}])`,
  'u'
)

// Cheap first test: most actions name no month at all.
const anyMonth = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC/

/**
 * Whether year, month and day name a real date, by arithmetic: core's
 * `isIsoDate` builds a `Date` per call, which showed in profiles of long minutes.
 */
function isRealDate(year: number, month: number, day: number): boolean {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= lastDay(year, month)
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (!isRealDate(year, month, day)) return undefined
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value)
}

function lastDay(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/**
 * Find the first due date in `text`, resolving a month without a year against
 * `meetingDate`: the month's last day in the meeting's year, or the next year
 * when that month comes before the meeting's month ("in June" at 2023-04-17 is
 * 2023-06-30; "by March" at 2023-10-18 is 2024-03-31).
 */
export function findDueDate(text: string, meetingDate?: string): FoundDueDate | undefined {
  const candidates: FoundDueDate[] = []

  const iso = isoPattern.exec(text)
  if (iso !== null && isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) !== undefined) {
    candidates.push({ due: iso[0], start: iso.index, end: iso.index + iso[0].length })
  }

  const slash = slashDate.exec(text)
  if (slash !== null) {
    const date = isoDate(Number(slash[3]), Number(slash[2]), Number(slash[1]))
    if (date !== undefined) candidates.push({ due: date, start: slash.index, end: slash.index + slash[0].length })
  }

  const phrase = anyMonth.test(text) ? monthPhrase.exec(text) : null
  if (phrase !== null) {
    const found = resolveMonthPhrase(phrase, meetingDate)
    if (found !== null) candidates.push(found)
  }

  let best: FoundDueDate | undefined
  for (const candidate of candidates) {
    if (best === undefined || candidate.start < best.start) best = candidate
  }
  return best
}

function resolveMonthPhrase(phrase: RegExpExecArray, meetingDate: string | undefined): FoundDueDate | null {
  const start = phrase.index
  const end = start + phrase[0].length
  // Groups 1–3: day, month, year of the first form; 5–6: month, year of "the June meeting".
  const month = monthNumber.get((phrase[2] ?? phrase[5] ?? '').toLowerCase())
  if (month === undefined) return null
  const day = phrase[1] === undefined ? undefined : Number(phrase[1])
  const yearText = phrase[3] ?? phrase[6]
  let year = yearText === undefined ? undefined : Number(yearText)

  if (year === undefined) {
    if (meetingDate === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(meetingDate)) return { start, end }
    year = Number(meetingDate.slice(0, 4))
    const meetingMonth = Number(meetingDate.slice(5, 7))
    if (day === undefined) {
      if (month < meetingMonth) year++
    } else {
      // A day this side of the meeting is next year's: "by 1 March" at 2023-03-20 is 2024-03-01.
      const candidate = `${year}-${pad(month)}-${pad(day)}`
      if (candidate < meetingDate) year++
    }
  }
  // "by 31 June" names no day: no due date rather than a wrong one.
  const date = isoDate(year, month, day ?? lastDay(year, month))
  if (date === undefined) return null
  return day === undefined ? { due: date, start, end, month: true } : { due: date, start, end }
}

/**
 * Read a `Due` or `Revised due` cell of a status table: the whole cell is one
 * date, written as in an action (`2025-03-31`, `31/03/2025`, `31 March 2025`,
 * `March 2025`: its last day, `end of March`), a month without a year resolved
 * against `meetingDate` as {@link findDueDate} does. `undefined` when the cell
 * is anything else ("TBC", "2025-02-30", "March 2025 or later").
 */
export function readDueCell(text: string, meetingDate?: string): FoundDueDate | undefined {
  const cell = text.replace(/\s+/g, ' ').trim().replace(/\.$/, '')
  if (cell.length === 0) return undefined
  const lead = /^(?:by|before|due|on|in)\s/i.test(cell) ? '' : 'by '
  const phrase = lead + cell
  const found = findDueDate(phrase, meetingDate)
  if (found?.due === undefined || found.end !== phrase.length) return undefined
  // Only "by " (ours or the writer's) may come before the date.
  if (found.start !== 0 && !/^(?:by|before|due|on|in)\s+$/i.test(phrase.slice(0, found.start))) return undefined
  return { ...found, start: 0, end: text.length }
}

const dayMonth = new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th)?\\s+(${monthPattern})\\.?(?![\\p{L}])(?:,?\\s+(\\d{4})(?!\\d))?`, 'u')

/**
 * The first day written in `text` (`2025-03-31`, `31/03/2025`, `Thursday 12
 * March 2025`, `12th March`), as `YYYY-MM-DD`: the date under a "Date of next
 * meeting" heading. A day without a year is the next such day on or after
 * `meetingDate`. A month without a day names no meeting's date.
 */
export function findMeetingDate(text: string, meetingDate?: string): string | undefined {
  const found: Array<{ due: string; start: number }> = []
  const iso = isoPattern.exec(text)
  if (iso !== null) {
    const date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    if (date !== undefined) found.push({ due: date, start: iso.index })
  }
  const slash = slashDate.exec(text)
  if (slash !== null) {
    const date = isoDate(Number(slash[3]), Number(slash[2]), Number(slash[1]))
    if (date !== undefined) found.push({ due: date, start: slash.index })
  }
  const written = anyMonth.test(text) ? dayMonth.exec(text) : null
  const month = written === null ? undefined : monthNumber.get((written[2] ?? '').toLowerCase())
  if (written !== null && month !== undefined) {
    const day = Number(written[1])
    let year = written[3] === undefined ? undefined : Number(written[3])
    if (year === undefined && meetingDate !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(meetingDate)) {
      year = Number(meetingDate.slice(0, 4))
      if (`${year}-${pad(month)}-${pad(day)}` < meetingDate) year++
    }
    const date = year === undefined ? undefined : isoDate(year, month, day)
    if (date !== undefined) found.push({ due: date, start: written.index })
  }
  found.sort((a, b) => a.start - b.start)
  return found[0]?.due
}
