import { basename } from 'node:path';
import { open as openShapefile } from 'shapefile';
import { SourceUnreadable } from '../../errors/sourceUnreadable';
import { Crs, crsOfWkt, resolveCrs } from '../../geo/crs';
import type { GeoJsonGeometry } from '../../geo/geoJsonGeometry';
import { reprojectGeometry } from '../../geo/reprojectGeometry';
import { emptyValues, type ReaderItem } from '../rawRow';
import { DEFAULT_DBF_ENCODING, encodingOfCpg, encodingOfLdid } from './dbfEncoding';
import { pickLayers, PositionCounter, withLayer } from './pickLayers';
import { ShapefileLayer, shapefileOfPath, shapefilesOfZip } from './shapefileLayers';
import { openZip } from './zipArchive';

export interface GisOptions {
  /** The one layer to read (a GeoPackage table, a Shapefile of a zip); all when absent. */
  layer?: string;
  /** The CRS of the coordinates, overriding what the file says (.prj, GeoPackage srs). */
  crs?: string;
  /** The .dbf text encoding, overriding its .cpg. */
  encoding?: 'utf-8' | 'latin1';
}

interface LayerPlan { layer: ShapefileLayer; crs: Crs; encoding: string }

async function crsOf(layer: ShapefileLayer, given: string | undefined, fileName: string): Promise<Crs> {
  if (given !== undefined) return resolveCrs(given);
  if (!layer.prj) {
    throw new SourceUnreadable(`${fileName}: the Shapefile "${layer.name}" has no .prj, so its coordinate system is unknown; give it as source.crs (for example "EPSG:2154")`);
  }
  return crsOfWkt(await layer.prj());
}

async function encodingOf(layer: ShapefileLayer, given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  const fromCpg = layer.cpg ? encodingOfCpg(await layer.cpg()) : undefined;
  if (fromCpg) return fromCpg;
  if (!layer.dbf) return DEFAULT_DBF_ENCODING;
  const stream = await layer.dbf();
  let header = Buffer.alloc(0);
  for await (const chunk of stream) {
    header = Buffer.concat([header, chunk as Buffer]);
    if (header.length >= 32) break;
  }
  stream.destroy();
  return encodingOfLdid(header) ?? DEFAULT_DBF_ENCODING;
}

/** DBF dates come as local-time Date objects (an empty one is invalid): the pipeline reads ISO dates. */
function valuesOf(properties: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const values = emptyValues();
  for (const [key, v] of Object.entries(properties ?? {})) {
    if (v instanceof Date) {
      values[key] = Number.isNaN(v.getTime()) ? null
        : `${String(v.getFullYear()).padStart(4, '0')}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;
    } else values[key] = v;
  }
  return values;
}

async function* layerRows(plan: LayerPlan, layerName: string | undefined, fileName: string, positions: PositionCounter): AsyncGenerator<ReaderItem> {
  const { layer, crs, encoding } = plan;
  let source: Awaited<ReturnType<typeof openShapefile>>;
  try {
    source = await openShapefile(await layer.shp(), layer.dbf ? await layer.dbf() : undefined, { encoding });
  } catch (err) {
    throw new SourceUnreadable(`${fileName}: "${layer.name}" is not a readable Shapefile (${(err as Error).message})`);
  }
  try {
    for (;;) {
      let result: Awaited<ReturnType<typeof source.read>>;
      try {
        result = await source.read();
      } catch (err) {
        yield { kind: 'problem', problem: { position: positions.next(), message: `unreadable Shapefile "${layer.name}" from here on: ${(err as Error).message}` } };
        return;
      }
      if (result.done) return;
      const position = positions.next();
      const { properties, geometry } = result.value;
      const values = withLayer(valuesOf(properties), layerName, fileName);
      yield {
        kind: 'row',
        row: { position, values, geometry: geometry ? reprojectGeometry(geometry as unknown as GeoJsonGeometry, crs.toWgs84) : undefined },
      };
    }
  } finally {
    await source.cancel().catch(() => undefined);
  }
}

/**
 * Reads a zipped Shapefile (or a .shp beside its companions on disk): the one Shapefile that
 * `layer` names, or every Shapefile of the zip one after the other, each row then carrying its
 * Shapefile's name as `layer`. Attributes come from the .dbf in the encoding of its .cpg (else
 * its LDID, else ISO-8859-1, as GDAL reads them); geometries are reprojected from the CRS of the
 * .prj (or `crs`) to WGS 84. Positions number the features from 1 across the whole read.
 *
 * Everything that concerns the whole file (not a zip, no .shp, no .prj and no `crs`, an unknown
 * CRS, a layer that does not exist) is a SourceUnreadable thrown before the first row.
 */
export async function* readShapefile(path: string, options: GisOptions = {}): AsyncGenerator<ReaderItem> {
  const fileName = basename(path);
  const zip = path.toLowerCase().endsWith('.shp') ? undefined : await openZip(path);
  try {
    const layers = pickLayers(zip ? shapefilesOfZip(zip, fileName) : [shapefileOfPath(path)], options.layer, fileName);
    const plans: LayerPlan[] = [];
    for (const layer of layers) plans.push({ layer, crs: await crsOf(layer, options.crs, fileName), encoding: await encodingOf(layer, options.encoding) });
    const positions = new PositionCounter();
    for (const plan of plans) yield* layerRows(plan, plans.length > 1 ? plan.layer.name : undefined, fileName, positions);
  } finally {
    zip?.close();
  }
}
