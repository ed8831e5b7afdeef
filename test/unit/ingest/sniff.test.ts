import { sniffDelimiter, sniffEncoding } from '../../../src/ingest/readers/sniff';

describe('sniffing', () => {
  test('delimiters, counted outside quotes on the header line', () => {
    expect(sniffDelimiter('a;b;c\n1,2;3;4')).toBe(';');
    expect(sniffDelimiter('a,b,c\n1;2')).toBe(',');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('"x;y;z",b,c')).toBe(',');
    expect(sniffDelimiter('single')).toBe(';');
  });

  test('encodings: UTF-8 with or without BOM, Latin-1, a sample cut inside a character', () => {
    expect(sniffEncoding(Buffer.from('\ufeffÉté', 'utf8'))).toEqual({ bom: true, encoding: 'utf-8' });
    expect(sniffEncoding(Buffer.from('Été', 'utf8'))).toEqual({ bom: false, encoding: 'utf-8' });
    expect(sniffEncoding(Buffer.from('Été', 'latin1'))).toEqual({ bom: false, encoding: 'latin1' });
    expect(sniffEncoding(Buffer.from('abcé', 'utf8').subarray(0, 4))).toEqual({ bom: false, encoding: 'utf-8' });
  });

  test('UTF-16 only by its byte order mark: FF FE little-endian, FE FF big-endian', () => {
    expect(sniffEncoding(Buffer.from('\ufeffNom\tÉté', 'utf16le'))).toEqual({ bom: true, encoding: 'utf-16le' });
    expect(sniffEncoding(Buffer.from([0xfe, 0xff, 0x00, 0x4e, 0x00, 0x6f]))).toEqual({ bom: true, encoding: 'utf-16be' });
    // Without its mark, UTF-16 text of ASCII is valid UTF-8 (with NULs): it is not guessed.
    expect(sniffEncoding(Buffer.from('Nom', 'utf16le'))).toEqual({ bom: false, encoding: 'utf-8' });
  });
});
