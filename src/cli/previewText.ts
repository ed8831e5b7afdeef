import type { Preview } from '../usecases/previewSource';

/** One line per field: name, type, annotations and where it reads from. */
export function schemaLines(preview: Preview): string[] {
  return (preview.descriptor.fields ?? []).map((f) => {
    const annotations = (f.annotations ?? []).map((a) => (a.args ? `${a.name}(${a.args.join(', ')})` : a.name));
    const source = f.source === undefined ? '' : f.source.column !== undefined ? ` ← "${f.source.column}"`
      : f.source.latLon ? ` ← "${f.source.latLon[0]}", "${f.source.latLon[1]}"` : f.source.geometry ? ' ← geometry' : ` ← centroid of ${f.source.centroidOf}`;
    return `  ${f.name}: ${f.type}${annotations.length > 0 ? ` [${annotations.join(', ')}]` : ''}${source}`;
  });
}

/** The counts, the first 20 warnings with their line (or item) and field, and whether publishing would be refused. */
export function summaryLines(preview: Preview): string[] {
  const { unit } = preview;
  return [
    `${preview.rowsRead} ${unit}s read, ${preview.rowsWarned} with warnings (${preview.warningCount} warnings); ${preview.records.length} first records rendered`,
    ...preview.warnings.slice(0, 20).map((w) => `  ${unit} ${w.position}${w.field ? ` ${w.field}` : ''}: ${w.message}`),
    ...(preview.warningCount > 20 ? [`  … ${preview.warningCount - 20} more warnings`] : []),
    preview.wouldBeRefused ? `would be refused: ${preview.wouldBeRefused.message}` : 'would be published',
  ];
}
