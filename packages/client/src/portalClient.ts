import { downloadCsv, downloadRecords, type CsvDownloadOptions, type RecordDownloadOptions } from './downloads';
import { ManagementClient } from './managementClient';
import { searchParams, type CatalogQuery, type DownloadQuery, type RecordsQuery } from './queries';
import type { CatalogPage, Fields, OdsRecord, RecordsPage } from './recordTypes';
import { ROUTES } from './routes';
import { Transport, type ClientOptions } from './transport';

/**
 * A portal-search server, through its ODS v1 search API and its management API. Every method
 * answers the types of the server's OpenAPI document, and throws a PortalSearchError on an
 * error answer.
 *
 * ```ts
 * const portal = new PortalClient({ baseUrl: 'http://127.0.0.1:8080', apiKey });
 * const page = await portal.searchRecords({ dataset: 'lieux-de-tournage-a-paris', facet: 'annee_tournage', refine: { type_tournage: 'Série TV' } });
 * ```
 */
export class PortalClient {
  private readonly transport: Transport;
  /** Datasets from uploads, and their jobs (needs a key with the write role). */
  readonly management: ManagementClient;

  constructor(options: ClientOptions) {
    this.transport = new Transport(options);
    this.management = new ManagementClient(this.transport);
  }

  /** A page of a dataset's records, its total (`nhits`) and the facets asked for (`facet_groups`). Give `F` to type the records' fields. */
  searchRecords<F = Fields>(query: RecordsQuery, options: { signal?: AbortSignal } = {}): Promise<RecordsPage<F>> {
    return this.transport.json(ROUTES.recordsSearch, { params: searchParams(query), signal: options.signal });
  }

  /** A page of the catalog: the datasets this key may see, their total and facets. */
  searchCatalog(query: CatalogQuery = {}, options: { signal?: AbortSignal } = {}): Promise<CatalogPage> {
    return this.transport.json(ROUTES.catalogSearch, { params: searchParams(query), signal: options.signal });
  }

  /** Every matching record, streamed (`for await (const record of portal.download({ dataset }))`); never the whole export in memory. */
  download<F = Fields>(query: DownloadQuery, options: RecordDownloadOptions = {}): AsyncGenerator<OdsRecord<F>, void, undefined> {
    return downloadRecords<F>(this.transport, query, options);
  }

  /** Every matching record as CSV text, chunk by chunk as it arrives. */
  downloadCsv(query: DownloadQuery, options: CsvDownloadOptions = {}): AsyncGenerator<string, void, undefined> {
    return downloadCsv(this.transport, query, options);
  }
}
