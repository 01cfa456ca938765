import { describe } from '@followthrough/core'
import * as z from 'zod'

/**
 * The parameters of the requests and notifications the server handles, as
 * zod schemas: whatever an editor (or anything else on the pipe) sends is
 * checked here, at the boundary, before the language service sees it. The
 * schemas check what the server reads and let other fields through.
 */

const maxUInteger = 2 ** 31 - 1

/** An LSP `uinteger`: what a line or a character must be in a request. */
const UIntegerSchema = z
  .number({ error: 'an integer from 0 to 2147483647' })
  .int({ error: 'an integer from 0 to 2147483647' })
  .min(0, { error: 'an integer from 0 to 2147483647' })
  .max(maxUInteger, { error: 'an integer from 0 to 2147483647' })

/**
 * A position in an edit: any integer, since the text document clamps lines and
 * characters beyond the end (and before the start) to the text's bounds.
 */
const EditIntegerSchema = z
  .number({ error: 'an integer' })
  .int({ error: 'an integer' })
  .min(-maxUInteger - 1, { error: 'an integer' })
  .max(maxUInteger, { error: 'an integer' })

const object = { error: 'an object' }

const PositionSchema = z.looseObject({ line: UIntegerSchema, character: UIntegerSchema }, object)
const RangeSchema = z.looseObject({ start: PositionSchema, end: PositionSchema }, object)
const EditRangeSchema = z.looseObject(
  {
    start: z.looseObject({ line: EditIntegerSchema, character: EditIntegerSchema }, object),
    end: z.looseObject({ line: EditIntegerSchema, character: EditIntegerSchema }, object)
  },
  object
)
const UriSchema = z.string({ error: 'a document URI' }).min(1, { error: 'a document URI' })
const TextDocumentIdentifierSchema = z.looseObject({ uri: UriSchema }, { error: 'an object with a uri' })

/** `{ textDocument }`: document links, symbols, close, save. */
export const DocumentParamsSchema = z.looseObject({ textDocument: TextDocumentIdentifierSchema }, object)

/** `{ textDocument, position }`: hover, completion, definition, prepare rename. */
export const PositionParamsSchema = z.looseObject({ textDocument: TextDocumentIdentifierSchema, position: PositionSchema }, object)

/** References: a position and whether to include the declaration. */
export const ReferenceParamsSchema = z.looseObject(
  {
    textDocument: TextDocumentIdentifierSchema,
    position: PositionSchema,
    context: z.looseObject({ includeDeclaration: z.boolean({ error: 'true or false' }) }, object)
  },
  object
)

/** Rename: a position and the new name. */
export const RenameParamsSchema = z.looseObject({ textDocument: TextDocumentIdentifierSchema, position: PositionSchema, newName: z.string({ error: 'text' }) }, object)

const DiagnosticSchema = z.looseObject({ range: RangeSchema, message: z.string({ error: 'text' }) }, object)

/** Code actions: a range and the diagnostics in it. */
export const CodeActionParamsSchema = z.looseObject(
  {
    textDocument: TextDocumentIdentifierSchema,
    range: RangeSchema,
    context: z.looseObject(
      {
        diagnostics: z.array(DiagnosticSchema, { error: 'a list' }),
        only: z.array(z.string({ error: 'text' }), { error: 'a list' }).optional()
      },
      object
    )
  },
  object
)

/** `textDocument/didOpen`. */
export const DidOpenParamsSchema = z.looseObject(
  {
    textDocument: z.looseObject({ uri: UriSchema, languageId: z.string({ error: 'text' }), version: EditIntegerSchema, text: z.string({ error: 'text' }) }, object)
  },
  object
)

/** `textDocument/didChange`: ranges may lie beyond the text; the document clamps them. */
export const DidChangeParamsSchema = z.looseObject(
  {
    textDocument: z.looseObject({ uri: UriSchema, version: EditIntegerSchema }, object),
    // One shape for both kinds of change: a range, when present, must be a range (a union would let a bad one through as "no range").
    contentChanges: z.array(z.looseObject({ range: EditRangeSchema.optional(), rangeLength: EditIntegerSchema.optional(), text: z.string({ error: 'text' }) }, object), {
      error: 'a list'
    })
  },
  object
)

/** `workspace/didChangeWatchedFiles`. */
export const DidChangeWatchedFilesParamsSchema = z.looseObject(
  {
    changes: z.array(z.looseObject({ uri: UriSchema, type: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: '1, 2 or 3' }) }, object), {
      error: 'a list'
    })
  },
  object
)

/**
 * What `initialize` says of the workspace: its folders, else its root
 * (`rootUri`, or the older `rootPath`). Nothing is required, and a field of
 * the wrong shape reads as absent rather than failing the initialization.
 */
export const InitializeFoldersSchema = z
  .looseObject({
    workspaceFolders: z
      .array(z.looseObject({ uri: z.string() }))
      .nullish()
      .catch(undefined),
    rootUri: z.string().nullish().catch(undefined),
    rootPath: z.string().nullish().catch(undefined)
  })
  .catch({})

/** `followthrough/progress` and `followthrough/progressReport`: an optional file; the params may be left out. */
export const ProgressParamsSchema = z.looseObject({ uri: UriSchema.optional() }, object).nullish()

/** `followthrough/recommendations`: nothing is read; any params (or none) will do. */
export const NoParamsSchema = z.unknown()

/** `followthrough/discussions` and the `followthrough/showDiscussions` command's argument. */
export const DiscussionsParamsSchema = z.looseObject({ register: UriSchema, id: z.string({ error: 'a recommendation id' }).min(1, { error: 'a recommendation id' }) }, object)

/** `workspace/executeCommand`: the command, and its arguments (checked per command). */
export const ExecuteCommandParamsSchema = z.looseObject({ command: z.string({ error: 'a command name' }), arguments: z.array(z.unknown(), { error: 'a list' }).optional() }, object)

/** The `followthrough/insertStatusTable` command's arguments: `[{ textDocument, position }]`. */
export const InsertStatusTableArgumentsSchema = z.tuple([PositionParamsSchema], { error: 'a list of one { textDocument, position }' })

/** The `followthrough/newMinutes` command's arguments: `[{ folder?, meeting, date, title? }]`. */
export const NewMinutesArgumentsSchema = z.tuple(
  [
    z.looseObject(
      {
        folder: UriSchema.optional(),
        meeting: z.string({ error: 'the kind of meeting' }),
        date: z.string({ error: 'a date as YYYY-MM-DD' }),
        title: z.string({ error: 'text' }).optional()
      },
      object
    )
  ],
  { error: 'a list of one { meeting, date }' }
)

/** The `followthrough/showDiscussions` command's arguments: `[{ register, id }]`. */
export const ShowDiscussionsArgumentsSchema = z.tuple([DiscussionsParamsSchema], { error: 'a list of one { register, id }' })

/**
 * Check `params` of `method`: the parsed value, or a one-line message in the
 * house style, naming the method, the field and what it holds:
 * `Unexpected number -1 at position.line in textDocument/hover, expected an integer from 0 to 2147483647`.
 */
export function checkParams<S extends z.ZodType>(method: string, schema: S, params: unknown): { ok: true; value: z.output<S> } | { ok: false; message: string } {
  const result = schema.safeParse(params)
  if (result.success) return { ok: true, value: result.data }
  const issue = result.error.issues[0]
  const path = issue?.path ?? []
  const where = path.length > 0 ? ` at ${path.map(String).join('.')}` : ''
  const expected = issue?.message ?? 'valid parameters'
  return { ok: false, message: `Unexpected ${describe(valueAt(params, path))}${where} in ${method}, expected ${expected}` }
}

/** What `value` holds at `path`, or `undefined` where a step is missing or not an object. */
export function valueAt(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = value
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined
    current = (current as Record<PropertyKey, unknown>)[segment]
  }
  return current
}
