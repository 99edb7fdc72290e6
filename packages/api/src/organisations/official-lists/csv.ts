/**
 * CSV as RFC 4180 writes it and Excel / WPS save it: fields separated by commas; a field in
 * double quotes may hold commas, line breaks and doubled quotes (""); records end with CRLF, LF
 * or CR. Lenient where spreadsheets are: a quote inside an unquoted field is kept as it is, and
 * the last record needs no line break. A quoted field left open at the end of the file is an
 * error (the rest of the file would silently become one cell).
 */

export interface CsvRecord {
  /** 1-based number of the line the record starts on (what a text editor shows). */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`第 ${line} 行的引号没有闭合`);
    this.name = 'CsvSyntaxError';
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;

  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i < n) {
    const ch = text[i];
    // A quote opens a quoted field only at the field's start; inside one it is a character.
    if (ch === '"' && field === '') {
      // A quoted field: up to the closing quote, "" standing for one quote.
      const openedOn = line;
      i++;
      for (;;) {
        if (i >= n) throw new CsvSyntaxError(openedOn);
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
        i++;
      }
      // Anything between the closing quote and the next separator is kept (lenient).
      while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      continue;
    }
    if (ch === ',') {
      endField();
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    i++;
  }
  // The last record, unless the file ended with a line break.
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
