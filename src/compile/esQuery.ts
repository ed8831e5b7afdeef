import type { QueryDslQueryContainer } from '@elastic/elasticsearch/lib/api/types';

/** One Elasticsearch query clause, as the client types it. */
export type EsQuery = QueryDslQueryContainer;
