import { nextPieceItems, WRITE_CHARS } from '../../../src/dialects/shared/streamExport';

describe('nextPieceItems', () => {
  test('as many items as fit WRITE_CHARS at the size the last piece had', () => {
    expect(WRITE_CHARS).toBe(65536);
    // 50 polygons of 1,900 characters each: 34 of them make 64 KiB.
    expect(nextPieceItems(50, 50 * 1900)).toBe(34);
    // 50 rows of 280 characters: 234.
    expect(nextPieceItems(50, 50 * 280)).toBe(234);
  });
  test('at least one item, at most 10,000, and an empty text counts as one character', () => {
    expect(nextPieceItems(1, 10_000_000)).toBe(1);
    expect(nextPieceItems(1000, 0)).toBe(10_000);
    expect(nextPieceItems(3, 1)).toBe(10_000);
  });
});
