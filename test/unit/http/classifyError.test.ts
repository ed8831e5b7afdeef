import { errors } from '@elastic/elasticsearch';
import { AppError } from '../../../src/errors/catalogue';
import { classifyError } from '../../../src/http/classifyError';
import { errorBody, errorStatus } from '../../../src/http/errorBody';

const meta = (statusCode: number) => ({ body: {}, statusCode, headers: {}, warnings: null, meta: {} }) as unknown as ConstructorParameters<typeof errors.ResponseError>[0];

describe('classifyError', () => {
  test.each([
    [new errors.ConnectionError('connect ECONNREFUSED 10.0.0.1:9200'), 'search_unavailable', 503],
    [new errors.TimeoutError('Request timed out'), 'search_timeout', 504],
    [new errors.ResponseError(meta(429)), 'search_unavailable', 503],
    [new errors.ResponseError(meta(404)), 'not_found', 404],
    [new errors.ResponseError(meta(400)), 'bad_query', 400],
    [Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'store_unavailable', 503],
    [Object.assign(new Error('x'), { type: 'entity.parse.failed', status: 400 }), 'bad_body', 400],
    [new URIError('URI malformed'), 'bad_parameter', 400],
    [new TypeError('boom at /srv/app.js'), 'internal', 500],
  ])('%p → %s', (err, code, status) => {
    const e = classifyError(err);
    expect([e.code, e.status]).toEqual([code, status]);
    expect(e.message).not.toMatch(/10\.0\.0\.1|ECONNREFUSED|\/srv/);
  });

  test('ODS and CKAN bodies', () => {
    const e = new AppError('bad_parameter', 'rows must be an integer', { parameter: 'rows' });
    expect(errorBody(e, '/api/records/1.0/search')).toEqual({ error: 'rows must be an integer', errorcode: 10010, parameter: 'rows' });
    expect(errorBody(e, '/d4c/api/records/2.0/search')).toEqual({ success: false, error: { __type: 'Validation Error', message: 'rows must be an integer', rows: ['rows must be an integer'] } });
    expect([errorStatus(e, '/d4c/api/records/2.0/search'), errorStatus(e, '/api/records/1.0/search')]).toEqual([409, 400]);
    expect(errorBody(new AppError('not_found', 'x'), '/api/action/package_show')).toEqual({ success: false, error: { __type: 'Not Found Error', message: 'x' } });
  });
});
