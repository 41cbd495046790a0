export class CsvError extends Error {
  override readonly name = 'CsvError';
}

/**
 * Parses CSV text (RFC 4180): fields separated by commas, records by LF or CRLF, a field in double quotes may
 * hold commas, line breaks and `""` for a quote. Answers every record, the header included; a final line
 * break doesn't start a record.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let index = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  while (index < text.length) {
    const char = text[index]!;
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[index + 1] === '"') {
        field += '"';
        index++;
      } else quoted = false;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') endField();
    else if (char === '\n' || (char === '\r' && text[index + 1] === '\n')) {
      endField();
      records.push(record);
      record = [];
      if (char === '\r') index++;
    } else field += char;
    index++;
  }
  if (quoted) throw new CsvError(`Unterminated quoted field in record ${records.length + 1}`);
  if (field !== '' || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}
