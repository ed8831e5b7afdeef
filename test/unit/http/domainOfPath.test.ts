import { domainOfPath } from '../../../src/dialects/shared/routeDomain';

describe('the domain a path serves, before routing', () => {
  test.each([
    ['/api/records/1.0/search', 'default'],
    ['/d4c/api/records/1.0/search', 'default'],
    ['/api/3/action/package_search', 'default'],
    ['/paris/api2/records/search', 'paris'],
    ['/d4c/paris/api2/datasets/search', 'paris'],
    ['/paris/api/3/action/package_search', 'paris'],
    ['/paris/api', 'paris'],
    ['/Paris/api2/records/search', 'default'],
    ['/paris/apix/records', 'default'],
    ['/', 'default'],
    ['/ogc/collections', 'default'],
    ['/paris/ogc/collections/x/items', 'paris'],
    ['/paris/ogc', 'paris'],
    ['/ogc/ogc/collections', 'default'],
    ['/paris/ogcx', 'default'],
  ])('%s → %s', (path, domain) => {
    expect(domainOfPath(path)).toBe(domain);
  });
});
