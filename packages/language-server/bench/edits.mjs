// The edits the language server's benchmarks make: one character typed in a
// prose paragraph, then deleted, at spots spread over the document, so the
// text keeps its size and every edit re-checks real prose.

/** Offsets of " the " in prose paragraphs (not tables, lists, headings or code). */
export function proseSpots(text) {
  const spots = []
  let inCode = false
  let offset = 0
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) inCode = !inCode
    if (!inCode && /^[A-Za-z]/.test(line)) {
      for (let at = line.indexOf(' the '); at >= 0; at = line.indexOf(' the ', at + 1)) spots.push(offset + at + 4)
    }
    offset += line.length + 1
  }
  return spots
}

/** Edit number `run`: even runs type an "x" at a spot, odd runs delete it again. */
export function proseEdit(text, spots, run) {
  const at = spots[(Math.floor(run / 2) * 7919) % spots.length]
  const typing = run % 2 === 0
  return { at, typing, text: typing ? `${text.slice(0, at)}x${text.slice(at)}` : `${text.slice(0, at)}${text.slice(at + 1)}` }
}

/**
 * Open a file in an in-process language service and time `runs` prose edits,
 * each from the change to its diagnostics (no JSON-RPC). Resolves with the
 * times in milliseconds, in the order made.
 */
export async function timeServiceEdits(service, TextDocument, uri, text, runs) {
  let document = TextDocument.create(uri, 'markdown', 1, text)
  await service.didOpen(document)
  await service.getDiagnostics(document)
  const spots = proseSpots(text)
  const times = []
  for (let run = 0; run < runs; run++) {
    document = TextDocument.create(uri, 'markdown', document.version + 1, proseEdit(document.getText(), spots, run).text)
    const sent = performance.now()
    await service.didChange(document)
    await service.getDiagnostics(document)
    times.push(performance.now() - sent)
  }
  return times
}
