/** @portal-search/client: a typed client of portal-search (README.md beside this package). */
export { PortalClient } from './portalClient';
export { ManagementClient, type FollowOptions, type Page } from './managementClient';
export { PortalSearchError, type ErrorBody } from './portalSearchError';
export { isOdsError, isProblem, type OdsErrorBody, type ProblemBody } from './errorBodies';
export type { ClientOptions } from './transport';
export type { CatalogQuery, DownloadQuery, Many, RecordsFilter, RecordsQuery } from './queries';
export type { CatalogDataset, CatalogPage, Facet, FacetGroup, Fields, Geometry, OdsRecord, RecordsPage } from './recordTypes';
export type { DatasetStatus, Job, JobEvent, JobList, JobPhase, JobStatus, JobWarning, ManagedDataset, ManagedDatasetList } from './managementTypes';
export type { CsvDownloadOptions, RecordDownloadOptions, RecordFormat } from './downloads';
export type { UploadFields, UploadSource } from './uploadForm';
export { eventStream, type ServerSentEvent } from './eventStream';
export { ROUTES, type Route } from './routes';
