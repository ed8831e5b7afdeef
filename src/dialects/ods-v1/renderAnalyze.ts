import type { AnalyzePoint } from '../../model/analyze';
import type { OutputOptions } from '../../model/recordsRequest';
import { csvLine } from '../../render/csvText';
import { jsonText } from '../../text/jsonText';
import type { Rendered } from '../../render/rendered';
import { jsonAnswer } from '../../render/jsonAnswer';

/** Analyze points (reference/ods-v1.md §2.7): `[{"x": …, "<serie>": value}]`, or a CSV with one column per x part and series. */
export function renderAnalyze(points: AnalyzePoint[], seriesNames: string[], output: OutputOptions, truncated: boolean): Rendered {
  const headers = truncated ? { 'ods-analyze-truncated': 'true' } : undefined;
  if (output.format === 'csv') {
    const xColumns = points[0]?.x !== undefined && typeof points[0].x === 'object' ? Object.keys(points[0].x as object) : points[0]?.x !== undefined ? ['x'] : [];
    const xCells = (p: AnalyzePoint): Array<string | number> => (xColumns.length === 1 && xColumns[0] === 'x' ? [p.x as string | number] : xColumns.map((c) => (p.x as Record<string, string | number>)[c]));
    const body = csvLine([...xColumns, ...seriesNames], output.csvSeparator)
      + points.map((p) => csvLine([...xCells(p), ...seriesNames.map((s) => p.values[s] ?? undefined)], output.csvSeparator)).join('');
    return { contentType: 'text/csv; charset=utf-8', body, headers };
  }
  const json = jsonText(points.map((p) => ({ ...(p.x !== undefined ? { x: p.x } : {}), ...p.values })), output.prettyPrint);
  const rendered = jsonAnswer(json, output);
  return { ...rendered, headers: { ...rendered.headers, ...headers } };
}
