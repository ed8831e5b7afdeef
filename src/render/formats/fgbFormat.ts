import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { GeoJsonGeometry } from '../../geo/geoJsonGeometry';
import { extendBounds, geometryBounds, type Bounds } from '../../geo/geometryBounds';
import { FGB_MAGIC, fgbFeature, fgbHeader } from '../gis/fgbTables';
import type { SpooledFormat, SpoolWriter } from './spooledFormat';

/**
 * FlatGeobuf (version 3) without a spatial index: the features are spooled to a temporary file
 * as they come, and the header, which holds their count, extent and common geometry type, is
 * sent before them once all are written. The tables are built with the flatbuffers library
 * (the flatgeobuf package serializes a whole FeatureCollection in memory, and is ESM only).
 */
export const fgbFormat: SpooledFormat = {
  contentType: 'application/flatgeobuf',
  extension: 'fgb',
  needsGeometry: false,
  open: async (ctx) => {
    const { layout } = ctx;
    const path = join(ctx.dir, 'features.fgb');
    const file = await open(path, 'w');
    let count = 0;
    let bytes = 0;
    let bounds: Bounds | null = null;
    const types = new Set<GeoJsonGeometry['type']>();
    let closed = false;
    const close = async (): Promise<void> => { if (!closed) { closed = true; await file.close(); } };
    const writer: SpoolWriter = {
      page: async (records) => {
        const features = records.map((hit) => {
          const g = layout.geometry(hit);
          if (g) { types.add(g.type); bounds = extendBounds(bounds, geometryBounds(g)); }
          return fgbFeature(g, layout.columns, layout.columns.map((c) => c.value(hit.fields)));
        });
        const chunk = Buffer.concat(features);
        count += records.length;
        bytes += chunk.length;
        await file.write(chunk);
      },
      finish: async () => {
        await close();
        const head = Buffer.concat([FGB_MAGIC, fgbHeader({
          layer: layout.layer, columns: layout.columns, geometryType: types.size === 1 ? [...types][0] : null,
          count, bounds, epsg: ctx.crs.epsg, crsName: ctx.crs.name,
        })]);
        return {
          length: head.length + bytes,
          open: () => {
            const out = new PassThrough();
            out.write(head);
            pipeline(createReadStream(path), out).catch((err: unknown) => out.destroy(err as Error));
            return out;
          },
        };
      },
      close,
    };
    return writer;
  },
};
