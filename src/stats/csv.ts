/** RFC 4180 CSV for spreadsheet users: UTF-8 BOM, CRLF, quoted when needed, formulas defused. */
export const BOM = '\uFEFF';

function cell(value: unknown, separator: string): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (value instanceof Date) text = value.toISOString();
  else if (Array.isArray(value)) text = value.join('|');
  else text = String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return new RegExp(`["\\r\\n${separator === ';' ? ';' : ','}]`).test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[], separator: ',' | ';' = ','): string {
  const lines = [columns.join(separator), ...rows.map((row) => columns.map((c) => cell(row[c], separator)).join(separator))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
