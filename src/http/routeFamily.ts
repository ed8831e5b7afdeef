/** Route families, as metrics label requests: a small fixed set, whatever the path. */
const FAMILIES: Array<[RegExp, string]> = [
  [/^\/api\/health(\/|$)/, 'health'],
  [/^\/metrics\/?$/, 'metrics'],
  [/^(\/[a-z0-9][a-z0-9-]{0,62})?\/ogc(\/|$)/, 'ogc'],
  [/\/records\/(1\.0\/)?search\/?$/, 'records-search'],
  [/\/records\/(1\.0\/)?download\/?$/, 'records-download'],
  [/\/records\/(1\.0\/)?analyze\/?$/, 'records-analyze'],
  [/\/records\/(1\.0\/)?(geocluster|geopreview|boundingbox)\/?$/, 'records-geo'],
  [/datastore_search|\/records\/2\.0\//, 'datastore'],
  [/\/action\/|\/datasets\/2\.0\//, 'ckan'],
  [/\/datasets\/(1\.0\/)?[^/]+\/records\//, 'record-lookup'],
  [/\/datasets\/(1\.0\/)?search\/?$|\/catalog\//, 'catalog-search'],
  [/\/datasets\//, 'dataset-lookup'],
];

/** The family of a request path (`other` for a path no route serves). */
export function routeFamily(path: string): string {
  return FAMILIES.find(([re]) => re.test(path))?.[1] ?? 'other';
}
