import { openZip } from './zipArchive';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text to a string: entities, character references, and OOXML's `_xHHHH_` escapes (`_x000D_` for a carriage return). */
function xmlText(raw: string): string {
  return raw
    .replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) =>
      (e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e] ?? m))
    .replace(/_x([0-9a-fA-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of one `<si>`: its `<t>` elements (plain or in rich-text runs) joined, phonetic runs left out. */
function stringItem(inner: string): string {
  const body = inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let text = '';
  for (const m of body.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) text += xmlText(m[1] ?? '');
  return text;
}

/**
 * The shared strings table of an XLSX workbook (xl/sharedStrings.xml), streamed from the zip.
 * Read here rather than by exceljs's streaming reader, which adds the whitespace between `</t>`
 * and `</si>` to each string (as GDAL and QGIS indent that file); only `<t>` content is text.
 * A workbook without the file has no shared strings.
 */
export async function readSharedStrings(path: string): Promise<string[]> {
  const zip = await openZip(path);
  try {
    const entry = zip.entries.get('xl/sharedStrings.xml');
    if (!entry) return [];
    const strings: string[] = [];
    const decoder = new TextDecoder('utf-8');
    let buffer = '';
    const item = /<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g;
    for await (const chunk of await zip.open(entry)) {
      buffer += decoder.decode(chunk as Buffer, { stream: true });
      item.lastIndex = 0;
      let consumed = 0;
      for (let m = item.exec(buffer); m; m = item.exec(buffer)) {
        strings.push(stringItem(m[1] ?? ''));
        consumed = item.lastIndex;
      }
      buffer = buffer.slice(consumed);
    }
    return strings;
  } finally {
    zip.close();
  }
}
