import { DataFactory, type NamedNode, type Quad } from 'n3';
import type { PackageHit } from '../../model/dataset';
import { bboxWkt } from './dcatBbox';
import { dateLiteral, dcat, dct, gsp, rdf, textOf, xsd } from './dcatTerms';

const { blankNode, literal, quad } = DataFactory;

/** A time span from ODS's `temporal_coverage_start`/`_end`, or from a `temporal` of two years (`2013-2014`). */
function periodOf(d: Record<string, unknown>): { start?: Quad['object']; end?: Quad['object'] } | undefined {
  const start = dateLiteral(d.temporal_coverage_start);
  const end = dateLiteral(d.temporal_coverage_end);
  if (start || end) return { start, end };
  const years = /^(\d{4})\s*[-/]\s*(\d{4})$/.exec(textOf(d.temporal) ?? '');
  return years ? { start: literal(years[1], xsd('gYear')), end: literal(years[2], xsd('gYear')) } : undefined;
}

/**
 * Where and when a dataset's data is: dct:spatial, a dct:Location whose dcat:bbox is the WKT box
 * of the `bbox` meta; dct:temporal, a dct:PeriodOfTime with its start and end dates.
 */
export function extentQuads(hit: PackageHit, ds: NamedNode): Quad[] {
  const out: Quad[] = [];
  const id = hit.datasetid;
  const wkt = bboxWkt(hit.dataset.metas.bbox);
  if (wkt) {
    const place = blankNode(`spatial-${id}`);
    out.push(quad(ds, dct('spatial'), place), quad(place, rdf('type'), dct('Location')), quad(place, dcat('bbox'), literal(wkt, gsp('wktLiteral'))));
  }
  const period = periodOf(hit.dataset.dcat ?? {});
  if (period) {
    const span = blankNode(`temporal-${id}`);
    out.push(quad(ds, dct('temporal'), span), quad(span, rdf('type'), dct('PeriodOfTime')));
    if (period.start) out.push(quad(span, dcat('startDate'), period.start));
    if (period.end) out.push(quad(span, dcat('endDate'), period.end));
  }
  return out;
}
