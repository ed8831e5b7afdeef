/** Values that may each hold several comma-separated items (`facet=a,b&facet=c`), trimmed, blanks dropped. */
export const commaList = (values: readonly string[]): string[] => values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s !== '');
