import { redactUrl } from '../../../src/http/requestLog';

describe('redactUrl', () => {
  test('API keys never reach the logs, whatever their case or position', () => {
    expect(redactUrl('/api/records/1.0/search?dataset=x&apikey=s3cret&rows=2')).toBe('/api/records/1.0/search?dataset=x&apikey=[redacted]&rows=2');
    expect(redactUrl('/api/health?APIKEY=abc')).toBe('/api/health?APIKEY=[redacted]');
    expect(redactUrl('/api/datasets/2.0/search/rows=2&apikey=s3cret')).toBe('/api/datasets/2.0/search/rows=2&apikey=[redacted]');
    expect(redactUrl('/api/datasets/2.0/search/apikey=s3cret&rows=2')).toBe('/api/datasets/2.0/search/apikey=[redacted]&rows=2');
    expect(redactUrl('/x?%61pi%4Bey=s3cret&q=a=b')).toBe('/x?%61pi%4Bey=[redacted]&q=a=b');
    expect(redactUrl('/x?%E0%A4%A=1&apikey=k')).toBe('/x?%E0%A4%A=1&apikey=[redacted]');
  });

  test('control characters are dropped (no forged log lines) and length is capped', () => {
    expect(redactUrl('/a\r\n{"level":50}\u0000\u007f')).toBe('/a{"level":50}');
    expect(redactUrl(`/${'x'.repeat(5000)}`)).toHaveLength(2000);
  });
});
