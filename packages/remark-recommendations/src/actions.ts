import { findDueDate } from './due-dates.js'

/**
 * Actions agreed in minutes: task-list items (`- [ ]`, `- [x]`) and paragraphs or
 * list items that start with `ACTION:`. Their owner and due date are read from
 * the words, the way minute-takers write them.
 */

/** What an action's words say. */
export interface ActionFields {
  /** The words, without `ACTION:`, whitespace collapsed. */
  text: string
  owner?: string
  due?: string
  /** Where `due` comes from: a written day, or a month (its last day). */
  dueSource?: 'date' | 'month'
  /** "at / by / to / for the next meeting", and no date written: the engine resolves it. */
  nextMeeting: boolean
  /** A date phrase was found, even if it could not be resolved (a month, and no meeting date; the next meeting). */
  hasDuePhrase: boolean
}

const nextMeetingPhrase = /(?<!\p{L})(?:at|by|to|for)\s+the\s+next\s+meeting(?!\p{L})/iu

const nextMeetingTitle = /^\s*(?:date\s+of\s+(?:the\s+)?next\s+meeting|next\s+meeting(?:\s+date)?)(?!\p{L})\s*[:\-\u2013\u2014]?/iu

/**
 * Whether a heading's words are "Date of next meeting" or "Next meeting" (any
 * case, "Date of the next meeting", "Next meeting date", with what follows):
 * the words after the title (where a date may be written), else `undefined`.
 */
export function nextMeetingHeading(text: string): string | undefined {
  const match = nextMeetingTitle.exec(text)
  return match === null ? undefined : text.slice(match[0].length)
}

/** Whether an action's words make it due "at / by / to / for the next meeting". */
export function saysNextMeeting(text: string): boolean {
  return nextMeetingPhrase.test(text)
}

const actionPrefix = /^\s*action\s*:\s*/i

/** Whether plain text starts with `ACTION:` (any case). */
export function isActionLine(text: string): boolean {
  return actionPrefix.test(text)
}

const explicitOwnerInParentheses = /\(\s*owners?\s*[:\-\u2013]\s*([^)]+?)\s*\)/i
const explicitOwner = /(?:^|[\s;,.([])owners?\s*:\s*([^;.()[\]\n]+?)\s*(?=[;.()[\]]|$)/i
const leadingOwner = /^(.+?)\s+to\s+\S/

// "Write to the Home Office" is an instruction, not an owner called "Write".
const imperatives: ReadonlySet<string> = new Set(
  (
    'add agree aim arrange ask bring circulate confirm continue decide deliver email ensure escalate explain ' +
    'forward get give go hand invite link move need pass plan present propose provide publish refer reply report ' +
    'respond return seek send share speak submit take talk try update want write'
  ).split(' ')
)

function leading(text: string): string | undefined {
  const match = leadingOwner.exec(text)
  const written = match?.[1]
  if (written === undefined) return undefined
  const owner = written.trim()
  const words = owner.split(/\s+/)
  if (words.length > 8 || /[:()[\]\d]/.test(owner)) return undefined
  const first = words[0] ?? ''
  // Owners are named, so they start with a capital ("West Mercia Police", "The council").
  if (!/^\p{Lu}/u.test(first) || imperatives.has(first.toLowerCase())) return undefined
  return owner
}

/**
 * Read an action from its plain text: the text without `ACTION:`, the owner
 * (explicit `Owner: X` or `(owner: X)` first, else the words before " to "), and
 * the due date resolved against `meetingDate` (or, for "the next meeting",
 * `nextMeeting`: the engine resolves that date, as it needs the workspace).
 */
export function readAction(plainText: string, meetingDate?: string): ActionFields {
  const text = plainText.replace(actionPrefix, '').replace(/\s+/g, ' ').trim()
  const fields: ActionFields = { text, nextMeeting: false, hasDuePhrase: false }
  const owner = explicitOwnerInParentheses.exec(text)?.[1]?.trim() ?? explicitOwner.exec(text)?.[1]?.trim() ?? leading(text)
  if (owner !== undefined && owner.length > 0) fields.owner = owner
  const due = findDueDate(text, meetingDate)
  if (due !== undefined) {
    // A date written wins over "the next meeting": it is the more exact of the two.
    fields.hasDuePhrase = true
    if (due.due !== undefined) {
      fields.due = due.due
      fields.dueSource = due.month === true ? 'month' : 'date'
    }
  } else if (saysNextMeeting(text)) {
    fields.hasDuePhrase = true
    fields.nextMeeting = true
  }
  return fields
}
