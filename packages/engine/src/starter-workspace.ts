import type { Inquiry } from '@followthrough/core'
import { configFileName } from './config.js'
import { registerText, type RegisterDraft } from './draft-register.js'
import { minutesFileName, minutesTemplate, minutesTitle } from './minutes-template.js'

/** A file of a new workspace: its path relative to the workspace folder, and its text. */
export interface StarterFile {
  path: string
  text: string
}

/** What a new workspace is made from. */
export interface StarterOptions {
  inquiry: Inquiry
  /** The day of the first minutes (YYYY-MM-DD). */
  date: string
  /** Recommendations drafted from the report, and the report's name for the register's comment. */
  draft?: { register: RegisterDraft; source: string }
}

/** Where the JSON Schemas are once `@followthrough/core` is installed beside the workspace. */
const schemas = './node_modules/@followthrough/core/schemas'

/** The register a new workspace starts with. */
export const starterRegisterPath = 'recommendations.yaml'

/** The folder its minutes go in. */
export const starterMinutesFolder = 'minutes'

/** The paths of the files {@link starterWorkspace} makes for first minutes on `date`, relative to the workspace folder. */
export function starterPaths(date: string): [config: string, register: string, minutes: string] {
  return [configFileName, starterRegisterPath, `${starterMinutesFolder}/${minutesFileName(date, firstMeeting)}`]
}

/** The kind of the first meeting. */
const firstMeeting = 'accountability'

/**
 * The files of a new workspace, as `followthrough init` writes them: the
 * config (with `$schema`), a register (empty, or drafted from a report) and
 * first minutes from the one minutes template. `followthrough lint` passes
 * on them as they are.
 */
export function starterWorkspace(options: StarterOptions): StarterFile[] {
  const config = { $schema: `${schemas}/config.schema.json`, registers: [starterRegisterPath], minutes: [`${starterMinutesFolder}/**/*.md`] }
  const { draft } = options
  const comment = draft
    ? [`Drafted from ${draft.source}: check each title, text and owner against the report.`, 'Status is left unset until a dated event or minutes say otherwise.']
    : [`The recommendations of ${options.inquiry.title}: add each under recommendations, with its owners.`]
  const register = registerText(draft ? { ...draft.register, inquiry: options.inquiry } : { inquiry: options.inquiry, owners: [], recommendations: [] }, {
    schema: `${schemas}/register.schema.json`,
    comment
  })
  const minutes = minutesTemplate({ meeting: firstMeeting, date: options.date, title: minutesTitle(firstMeeting, options.date), chair: 'Chair', attendees: [] })
  const [configPath, registerPath, minutesPath] = starterPaths(options.date)
  return [
    { path: configPath, text: `${JSON.stringify(config, null, 2)}\n` },
    { path: registerPath, text: register },
    { path: minutesPath, text: minutes }
  ]
}
