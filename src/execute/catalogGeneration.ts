/**
 * A counter of changes to datasets and domains seen by this process: bumped by every write of
 * the dataset store, and by PostgreSQL's notifications of writes made elsewhere.
 */
let generation = 0;
export const catalogGeneration = (): number => generation;
export const bumpCatalogGeneration = (): void => { generation++; };
