/**
 * CSV exports: RFC 4180 rows, a header row naming the fields.
 * Part of `npm run import:comments` (see scripts/lib/comment-import.ts).
 */
import type { ExportRecord, ParsedExport } from './types.ts';

export function parseCsvExport(text: string, sourceName: string): ParsedExport {
  const { rows, problems } = parseCsv(text, sourceName);
  const [header, ...body] = rows;
  if (!header) {
    return { records: [], problems: [...problems, `${sourceName}:1: the file is empty; expected a header row`] };
  }
  const names = header.cells.map((cell) => cell.trim());
  const records: ExportRecord[] = [];
  for (const row of body) {
    const location = `${sourceName}:${row.line}`;
    const extra = row.cells.slice(names.length).filter((cell) => cell.trim() !== '');
    if (extra.length > 0) {
      problems.push(
        `${location}: the row has ${row.cells.length} fields but the header has ${names.length}; put fields that contain commas in double quotes`,
      );
      continue;
    }
    const fields: Record<string, unknown> = {};
    names.forEach((name, index) => {
      if (name !== '' && !(name in fields)) fields[name] = row.cells[index] ?? '';
    });
    records.push({ fields, location });
  }
  return { records, problems };
}

/**
 * RFC 4180 CSV: comma-separated, fields with commas, quotes (doubled) or line breaks in double
 * quotes; CRLF, LF or CR line ends. Each row knows the line it starts on (1 = the header). Blank
 * lines are skipped.
 */
export function parseCsv(
  text: string,
  sourceName: string,
): { rows: { cells: string[]; line: number }[]; problems: string[] } {
  const rows: { cells: string[]; line: number }[] = [];
  const problems: string[] = [];
  let line = 1;
  let rowLine = 1;
  let cells: string[] = [];
  let field = '';
  let atFieldStart = true;
  let inQuotes = false;
  let quoteLine = 1;
  let afterQuote = false;
  let wasQuoted = false;
  let rowFlagged = false;

  const endRow = () => {
    cells.push(field);
    const blank = cells.length === 1 && field === '' && !wasQuoted;
    if (!blank) rows.push({ cells, line: rowLine });
    cells = [];
    field = '';
    atFieldStart = true;
    afterQuote = false;
    wasQuoted = false;
    rowFlagged = false;
  };

  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const crlf = ch === '\r' && text[i + 1] === '\n';
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else {
          inQuotes = false;
          afterQuote = true;
          i += 1;
        }
        continue;
      }
      if (ch === '\n' || ch === '\r') line += 1;
      field += crlf ? '\r\n' : ch;
      i += crlf ? 2 : 1;
      continue;
    }
    if (ch === ',') {
      cells.push(field);
      field = '';
      atFieldStart = true;
      afterQuote = false;
      wasQuoted = false;
      i += 1;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      endRow();
      i += crlf ? 2 : 1;
      line += 1;
      rowLine = line;
      continue;
    }
    if (afterQuote && !rowFlagged) {
      problems.push(
        `${sourceName}:${line}: text after a closing quote; a quoted field must end at a comma or the end of the line (write "" for a quote inside quotes)`,
      );
      rowFlagged = true;
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true;
      wasQuoted = true;
      quoteLine = line;
      atFieldStart = false;
      i += 1;
      continue;
    }
    field += ch;
    atFieldStart = false;
    i += 1;
  }
  if (inQuotes) {
    problems.push(`${sourceName}:${quoteLine}: a quoted field is never closed; add the closing double quote`);
  } else if (field !== '' || cells.length > 0 || wasQuoted) {
    endRow();
  }
  return { rows, problems };
}
