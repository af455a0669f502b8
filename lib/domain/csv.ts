/** RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled; CRLF line ends. */
export function toCsv(rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** A leading =, +, - or @ makes spreadsheets run a cell as a formula; a leading tab or line end hides one. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text that spreadsheets will not run as a formula. By default a quote mark goes before it, which
 * spreadsheets read as "text"; a format with markup may instead write the first character its own way.
 */
export function defuseFormula(text: string, rewrite: (text: string) => string = (formula) => `'${formula}`): string {
  return FORMULA_START.test(text) ? rewrite(text) : text;
}

function csvField(value: string | number | boolean | null): string {
  const text = value === null ? "" : String(value);
  const safe = typeof value === "string" ? defuseFormula(text) : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
