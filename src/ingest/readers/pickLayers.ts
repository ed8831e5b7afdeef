import { SourceUnreadable } from '../../errors/sourceUnreadable';

/**
 * The layers to read from a file that holds several (GeoPackage tables, Shapefiles in a zip):
 * the one `wanted` names, or all of them when none is named. A name the file does not have is
 * SourceUnreadable listing the layers it has.
 */
export function pickLayers<L extends { name: string }>(layers: readonly L[], wanted: string | undefined, fileName: string): L[] {
  if (wanted === undefined) return [...layers];
  const found = layers.find((l) => l.name === wanted) ?? layers.find((l) => l.name.toLowerCase() === wanted.toLowerCase());
  if (!found) {
    throw new SourceUnreadable(`${fileName} has no layer "${wanted}"; its layers: ${layers.map((l) => `"${l.name}"`).join(', ') || '(none)'}`);
  }
  return [found];
}

/** Counts positions (1-based) across the layers of one read, so that items are numbered in the order they are read. */
export class PositionCounter {
  private last = 0;

  next(): number {
    return ++this.last;
  }
}

/** The key under which rows of a read of several layers carry their layer's name. */
export const LAYER_KEY = 'layer';

/** The values of a row, with the layer's name added when several layers are read; a layer with its own `layer` column cannot be read with others. */
export function withLayer(values: Record<string, unknown>, layer: string | undefined, fileName: string): Record<string, unknown> {
  if (layer === undefined) return values;
  if (Object.hasOwn(values, LAYER_KEY)) {
    throw new SourceUnreadable(`${fileName}: layer "${layer}" has its own "${LAYER_KEY}" column, which hides the layer name given to rows when every layer is read; `
      + 'name one layer with source.layer');
  }
  return { ...values, [LAYER_KEY]: layer };
}
