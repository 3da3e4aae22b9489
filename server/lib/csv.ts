/** Thrown for a CSV text that cannot be read: a quoted field that never closes. */
export class CsvParseError extends Error {
  constructor(
    message: string,
    /** 1-based line where the broken field starts. */
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvParseError';
  }
}

/**
 * Parses RFC 4180 CSV into rows of fields: quoted fields may hold commas, line breaks and `""`
 * for a quote; records end with CRLF, LF or CR; a leading BOM is dropped, and the line break
 * after the last record does not start an empty row. A blank line inside the text is a row with
 * one empty field. Stray quotes inside an unquoted field, or text after a closing quote, are
 * kept as written; a quoted field left open throws {@link CsvParseError}.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith('\ufeff') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 1;
  let index = 0;

  const endField = (): void => {
    row.push(field);
    field = '';
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };

  while (index < input.length) {
    const char = input.charAt(index);

    if (quoted) {
      if (char === '"' && input.charAt(index + 1) === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      if (char === '\n' || (char === '\r' && input.charAt(index + 1) !== '\n')) line += 1;
      index += 1;
      continue;
    }

    if (char === '"' && field.length === 0) {
      quoted = true;
      quoteLine = line;
    } else if (char === ',') {
      endField();
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && input.charAt(index + 1) === '\n') index += 1;
      endRow();
      line += 1;
    } else {
      field += char;
    }
    index += 1;
  }

  if (quoted)
    throw new CsvParseError(
      `A quoted field starting on line ${quoteLine} never closes.`,
      quoteLine,
    );
  const atLineStart = row.length === 0 && field.length === 0;
  const endsWithBreak = input.endsWith('\n') || input.endsWith('\r');
  if (!(atLineStart && (endsWithBreak || input.length === 0))) endRow();
  return rows;
}

/**
 * Writes rows as RFC 4180 CSV with CRLF line ends. A field holding a comma, quote or line break
 * is quoted; text starting with `=`, `+`, `-`, `@` or a tab gets a leading `'` so a spreadsheet
 * shows it instead of running it as a formula. `null` is an empty field.
 */
export function formatCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
