import { boxOutline } from '../../geo/boxOutline';
import type { Position } from '../../geo/geoJsonGeometry';
import type { Span } from '../../query/ast';
import type { Cql2Geometry, Cql2Spatial } from '../../query/cql2/cql2Ast';
import type { Predicate } from '../../model/predicate';
import { isGeo, type QueryField } from '../../model/querySchema';
import type { Cql2Context } from './cql2Context';

type LatLon = [number, number];

/** Positions of a literal → WGS 84 [lat, lon], each checked to lie on the globe. */
function latLons(ctx: Cql2Context, ps: readonly Position[], span: Span): LatLon[] {
  return ps.map((p) => {
    const [lon, lat] = ctx.options.crs.toLonLat(p);
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lon) > 180) ctx.fail(`a position lies outside the area of ${ctx.options.crs.uri}`, span);
    return [lat, lon];
  });
}

/** A BBOX: in WGS 84 a box (west above east crosses the antimeridian); in a projected CRS its densified outline. */
function bboxPredicate(ctx: Cql2Context, path: string, g: Extract<Cql2Geometry, { kind: 'bbox' }>): Predicate {
  const n = g.numbers;
  const [x1, y1, x2, y2] = n.length === 4 ? n : [n[0], n[1], n[3], n[4]];
  if (ctx.options.crs.isWgs84) {
    const [[south, west], [north, east]] = latLons(ctx, [[x1, y1], [x2, y2]], g.span);
    if (south > north) ctx.fail('BBOX: the lower latitude is above the upper one', g.span);
    return { kind: 'bbox', path, south, west, north, east };
  }
  if (x1 > x2 || y1 > y2) ctx.fail('BBOX: a lower corner coordinate is above the upper one', g.span);
  // The outline is densified in the filter's CRS, then every position of it transformed.
  return { kind: 'polygon', path, ring: latLons(ctx, boxOutline(x1, y1, x2, y2, (p) => p), g.span) };
}

/**
 * A geometry literal as what its intersection with an indexed point means: a POINT is the same
 * point (a box of no size); a POLYGON its outer ring less its holes; a BBOX the box.
 */
function geometryPredicate(ctx: Cql2Context, path: string, g: Cql2Geometry): Predicate {
  switch (g.kind) {
    case 'point': {
      const [[lat, lon]] = latLons(ctx, [g.position], g.span);
      return { kind: 'bbox', path, south: lat, west: lon, north: lat, east: lon };
    }
    case 'bbox': return bboxPredicate(ctx, path, g);
    case 'polygon': {
      const [outer, ...holes] = g.rings.map((r) => ({ kind: 'polygon' as const, path, ring: latLons(ctx, r, g.span) }));
      return holes.length === 0 ? outer : { kind: 'and', clauses: [outer, ...holes.map((h): Predicate => ({ kind: 'not', clause: h }))] };
    }
  }
}

/**
 * `S_INTERSECTS(property, geometry)` (either order) on a geometry property, which the index
 * holds as a point (a shape by its centroid): the records whose point lies in the geometry.
 */
export function planIntersects(ctx: Cql2Context, left: Cql2Spatial, right: Cql2Spatial, span: Span): { field: QueryField; predicate: Predicate } {
  const [prop, geometry] = left.kind === 'property' ? [left, right] : [right, left];
  if (prop.kind !== 'property') return ctx.fail('S_INTERSECTS needs a geometry property', span);
  if (geometry.kind === 'property') return ctx.fail('S_INTERSECTS of two properties is not supported: give one geometry literal', geometry.span);
  const field = ctx.resolve(prop);
  if (!isGeo(field.type)) ctx.fail(`property "${field.name}" is not a geometry`, prop.span);
  return { field, predicate: geometryPredicate(ctx, ctx.valuePath(field, prop.span), geometry) };
}
