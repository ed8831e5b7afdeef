import type { Predicate } from '../model/predicate';
import { andClause, matchAll, matchNone, notClause, orClause } from './boolean';
import type { EsQuery } from './esQuery';
import { bboxClause, distanceClause, polygonClause } from './geo';
import { likeClause } from './like';
import { rangeClause } from './range';
import { existsClause, missingClause, prefixClause, termClause } from './term';
import { wordsClause } from './words';

/**
 * A planned query → one Elasticsearch query clause. Every value reaches Elasticsearch inside a
 * typed term, match, range, prefix or geo clause, or a wildcard pattern built from typed parts
 * with every literal character escaped: never as query-string syntax, regex or script.
 */
export function compilePredicate(p: Predicate): EsQuery {
  switch (p.kind) {
    case 'and': return andClause(p.clauses.map(compilePredicate));
    case 'or': return orClause(p.clauses.map(compilePredicate));
    // "Not missing" is "exists" (`NOT #null(f)`, CKAN's `f:*`), without a double negation.
    case 'not': return p.clause.kind === 'missing' ? existsClause(p.clause.path) : notClause(compilePredicate(p.clause));
    case 'all': return matchAll();
    case 'none': return matchNone();
    case 'words': return wordsClause(p.paths, p.text, p.match);
    case 'term': return termClause(p.path, p.value);
    case 'range': return rangeClause(p.path, p.bounds, p.format);
    case 'prefix': return prefixClause(p.path, p.value);
    case 'like': return likeClause(p.path, p.pattern);
    case 'missing': return missingClause(p.path);
    case 'distance': return distanceClause(p.path, p.lat, p.lon, p.metres);
    case 'polygon': return polygonClause(p.path, p.ring);
    case 'bbox': return bboxClause(p.path, p.south, p.west, p.north, p.east);
  }
}
