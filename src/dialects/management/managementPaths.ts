/** Where the management API lives. */
export const MANAGEMENT_PREFIX = '/api/management/v1';

export const isManagementPath = (path: string): boolean => path === MANAGEMENT_PREFIX || path.startsWith(`${MANAGEMENT_PREFIX}/`);
