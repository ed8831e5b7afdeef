/** Index and alias names (SPEC §1: `records-<datasetid>-v<n>` behind the alias `records-<datasetid>`). */
export const recordsAlias = (prefix: string, datasetId: string): string => `${prefix}records-${datasetId}`;
export const recordsIndexBase = (prefix: string, datasetId: string): string => `${prefix}records-${datasetId}-v`;
export const recordsIndex = (prefix: string, datasetId: string, version: number): string => `${recordsIndexBase(prefix, datasetId)}${version}`;
export const catalogAlias = (prefix: string): string => `${prefix}catalog`;
export const catalogIndex = (prefix: string, version: number): string => `${prefix}catalog-v${version}`;
