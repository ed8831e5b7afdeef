const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * An Excel date as ISO text: a day alone (`2024-05-01`) when the time is midnight, else the wall
 * time without offset (`2024-05-01T08:30:00`). Excel stores no time zone; exceljs gives the wall
 * time as the UTC fields of a Date, and the dataset's timezone says which instant it means.
 */
export function isoOfExcelDate(d: Date): string {
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  const ms = d.getUTCMilliseconds();
  if (h === 0 && m === 0 && s === 0 && ms === 0) return day;
  return `${day}T${pad(h)}:${pad(m)}:${pad(s)}${ms ? `.${pad(ms, 3)}` : ''}`;
}

/**
 * A cell as the pipeline reads it: numbers, text and booleans as they are, dates as ISO text,
 * a formula by its cached result, rich text and hyperlinks by their text, a shared string
 * (`{sharedString: n}`, as exceljs gives it when it does not read the table) from `strings`;
 * error values (`#N/A`, `#DIV/0!`) and empty cells as null.
 */
export function cellValue(v: unknown, strings: readonly string[]): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : isoOfExcelDate(v);
  if (typeof v !== 'object') return v;
  if ('sharedString' in v) return strings[(v as { sharedString: number }).sharedString] ?? null;
  if ('richText' in v) return (v as { richText: Array<{ text: string }> }).richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellValue((v as { result?: unknown }).result ?? null, strings);
  if ('error' in v) return null;
  if ('text' in v) return cellValue((v as { text: unknown }).text, strings);
  return null;
}
