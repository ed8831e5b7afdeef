import { keptCopies } from '../../../src/http/keptCopies';

/** The copies kept for the compressed static files and OpenAPI document: made once per stamp, made again when it changes or when making failed. */
describe('keptCopies', () => {
  const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

  it('makes a copy once for a key and stamp, and shares it with requests that come while it is made', async () => {
    const copies = keptCopies();
    let made = 0;
    const make = async (): Promise<Buffer> => { made += 1; return bytes(`copy ${made}`); };
    const [a, b] = await Promise.all([copies('br:/a.js', 's1', make), copies('br:/a.js', 's1', make)]);
    const c = await copies('br:/a.js', 's1', make);
    expect(made).toBe(1);
    expect([a.toString(), b.toString(), c.toString()]).toEqual(['copy 1', 'copy 1', 'copy 1']);
  });

  it('keeps a copy per key', async () => {
    const copies = keptCopies();
    expect((await copies('br:/a.js', 's1', async () => bytes('brotli'))).toString()).toBe('brotli');
    expect((await copies('gzip:/a.js', 's1', async () => bytes('gzip'))).toString()).toBe('gzip');
    expect((await copies('br:/a.js', 's1', async () => bytes('not asked'))).toString()).toBe('brotli');
  });

  it('makes the copy again once the stamp has changed', async () => {
    const copies = keptCopies();
    await copies('br:/a.js', 'size1-time1', async () => bytes('old'));
    expect((await copies('br:/a.js', 'size2-time2', async () => bytes('new'))).toString()).toBe('new');
    expect((await copies('br:/a.js', 'size2-time2', async () => bytes('not asked'))).toString()).toBe('new');
  });

  it('drops a copy that failed, so that the next request makes it again', async () => {
    const copies = keptCopies();
    await expect(copies('br:/a.js', 's1', () => Promise.reject(new Error('disk gone')))).rejects.toThrow('disk gone');
    expect((await copies('br:/a.js', 's1', async () => bytes('made again'))).toString()).toBe('made again');
  });

  it('keeps the newer copy when an older one fails after the stamp changed', async () => {
    const copies = keptCopies();
    let fail!: (err: Error) => void;
    const older = copies('br:/a.js', 's1', () => new Promise<Buffer>((_resolve, reject) => { fail = reject; }));
    const newer = await copies('br:/a.js', 's2', async () => bytes('newer'));
    fail(new Error('late failure'));
    await expect(older).rejects.toThrow('late failure');
    expect(newer.toString()).toBe('newer');
    expect((await copies('br:/a.js', 's2', async () => bytes('not asked'))).toString()).toBe('newer');
  });
});
