import type { Feature } from 'geojson';
import { open } from 'shapefile';

/** Every feature of a .shp and its .dbf, as the shapefile package reads them (its .dbf text decoded as `encoding`). */
export async function shapefileFeatures(shp: Buffer, dbf: Buffer, encoding = 'utf-8'): Promise<Feature[]> {
  const source = await open(shp, dbf, { encoding });
  const out: Feature[] = [];
  for (let r = await source.read(); !r.done; r = await source.read()) out.push(r.value);
  return out;
}
