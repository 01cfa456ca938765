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
