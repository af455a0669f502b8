/**
 * The rows of a comma- or tab-separated flashcards file (flashcards.ts), read with RFC 4180 quoting: a
 * quoted field may hold delimiters, line breaks and `""` for a quote.
 */

/** A row as read, or the reason it could not be read. */
export type Row = { fields: string[]; line: number; problem?: string };

/** Far more columns than any card has (front, back, tags and the few Anki adds: guid, note type, deck). */
const MAX_ROW_FIELDS = 64;

/** RFC 4180 rows, each with the line it starts on. */
export function* readRows(body: string, firstLine: number, delimiter: string): Generator<Row> {
  let line = firstLine;
  for (let start = 0; start < body.length;) {
    const { fields, next, lineBreaks, problem } = readRow(body, start, delimiter);
    yield { fields, line, ...(problem ? { problem } : {}) };
    line += lineBreaks + 1;
    start = next;
  }
}

/**
 * The row that starts at `start`: its fields, where the next row starts, and the line breaks inside its
 * quotes. Fields are cut out as slices, never grown a character at a time, so a row costs its length.
 */
function readRow(
  body: string,
  start: number,
  delimiter: string,
): { fields: string[]; next: number; lineBreaks: number; problem?: string } {
  const fields: string[] = [];
  let lineBreaks = 0;
  let index = start;
  let fieldStart = start;
  /** The field so far is only spaces, so a quote there opens a quoted field. */
  let blank = true;
  let quoted: string | undefined;
  let overflow = false;
  while (index < body.length && body[index] !== "\n") {
    const character = body[index]!;
    if (character === '"' && blank) {
      // A quoted field runs to the next lone quote, across delimiters and line breaks; "" is a quote.
      const pieces: string[] = [];
      let pieceStart = index + 1;
      for (index++; body[index] !== '"' || body[index + 1] === '"'; index++) {
        if (index >= body.length) {
          return {
            fields,
            next: body.length,
            lineBreaks,
            problem:
              "unbalanced quotes: a quoted field on this row is never closed, so the rest of the file could not be read",
          };
        }
        if (body[index] === '"') {
          pieces.push(body.slice(pieceStart, ++index));
          pieceStart = index + 1;
        } else if (body[index] === "\n") {
          lineBreaks++;
        }
      }
      pieces.push(body.slice(pieceStart, index));
      quoted = pieces.join("");
      blank = false;
      index++;
      while (body[index] === " " && delimiter !== " ") index++;
      if (index < body.length && body[index] !== delimiter && body[index] !== "\n") {
        const end = body.indexOf("\n", index);
        return {
          fields,
          next: end < 0 ? body.length : end + 1,
          lineBreaks,
          problem: 'text after a closing quote: inside a quoted field, write a quote as ""',
        };
      }
    } else if (character === delimiter) {
      // Past the cap the row is only scanned: a row of a million empty fields would cost a million strings.
      if (fields.length < MAX_ROW_FIELDS - 1) fields.push(quoted ?? body.slice(fieldStart, index));
      else overflow = true;
      quoted = undefined;
      blank = true;
      fieldStart = ++index;
    } else {
      blank &&= character.trim() === "";
      index++;
    }
  }
  if (overflow)
    return {
      fields,
      next: index + 1,
      lineBreaks,
      problem: `more than ${MAX_ROW_FIELDS} fields: a card is a front, a back and tags, with a few columns Anki adds`,
    };
  return { fields: [...fields, quoted ?? body.slice(fieldStart, index)], next: index + 1, lineBreaks };
}
