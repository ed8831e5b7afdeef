import { mergeClusters } from '../../../src/results/mergeClusters';
import type { Acc } from '../../../src/model/analyze';
import type { Cluster } from '../../../src/model/geo';

// At zoom 0 the world is 256 pixels wide: pixel x = (lon + 180) / 360 × 256, and the equator is at y = 128.
// lonAt/latAt invert Web Mercator so that the tests can place clusters at chosen pixels.
const lonAt = (px: number): number => (px / 256) * 360 - 180;
const latAt = (py: number): number => (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / 256))) * 180) / Math.PI;
const acc = (docs: number, values: number[]): Acc => ({
  docs, n: values.length, sum: values.reduce((a, b) => a + b, 0), sumsq: values.reduce((a, b) => a + b * b, 0),
  min: Math.min(...values), max: Math.max(...values),
});
const at = (px: number, py: number, count: number, accs: Array<[string, Acc]> = []): Cluster => {
  const lat = latAt(py), lon = lonAt(px);
  return { lat, lon, count, bounds: [lon, lat, lon, lat], accs: new Map(accs) };
};
const counts = (clusters: Cluster[]): number[] => clusters.map((c) => c.count);

describe('mergeClusters', () => {
  it('merges nothing when the distance is 0', () => {
    const clusters = [at(10, 128, 1), at(10, 128, 2)];
    expect(mergeClusters(clusters, 0, 0)).toBe(clusters);
  });

  it('the biggest absorbs a neighbour: weighted centroid, summed count, union of the boxes', () => {
    const small = at(10, 128, 1), big = at(14, 128, 3);
    const [merged, ...rest] = mergeClusters([small, big], 0, 5);
    expect(rest).toEqual([]);
    expect(merged.count).toBe(4);
    expect(merged.lon).toBeCloseTo((lonAt(10) * 1 + lonAt(14) * 3) / 4, 12);
    expect(merged.lat).toBeCloseTo(0, 12);
    expect(merged.bounds).toEqual([lonAt(10), 0, lonAt(14), 0]);
  });

  it('weights the latitude too, and spans the box over both latitudes', () => {
    const [merged] = mergeClusters([at(100, 126, 3), at(101, 129, 1)], 0, 5);
    expect(merged.lat).toBeCloseTo((latAt(126) * 3 + latAt(129)) / 4, 12);
    expect(merged.bounds).toEqual([lonAt(100), latAt(129), lonAt(101), latAt(126)]);
  });

  it('merges at exactly the distance, not beyond it', () => {
    // Pixels 10 and 15 are 5 apart (exact in binary: 10/256 and 15/256 of 360°).
    expect(counts(mergeClusters([at(10, 128, 2), at(15, 128, 1)], 0, 5))).toEqual([3]);
    expect(counts(mergeClusters([at(10, 128, 2), at(15.5, 128, 1)], 0, 5))).toEqual([2, 1]);
  });

  it('measures the straight distance: 3 across and 4 down is 5', () => {
    expect(counts(mergeClusters([at(100, 120, 2), at(103, 124, 1)], 0, 5))).toEqual([3]);
    expect(counts(mergeClusters([at(100, 120, 2), at(104, 124, 1)], 0, 5))).toEqual([2, 1]);
  });

  it('finds a neighbour in the next grid cell, on either side and above or below', () => {
    // Cells are 5 pixels: 9 is in cell 1, 11 in cell 2; 124 in cell 24, 126 in cell 25.
    expect(counts(mergeClusters([at(9, 128, 2), at(11, 128, 1)], 0, 5))).toEqual([3]);
    expect(counts(mergeClusters([at(11, 128, 2), at(9, 128, 1)], 0, 5))).toEqual([3]);
    expect(counts(mergeClusters([at(100, 124, 2), at(100, 126, 1)], 0, 5))).toEqual([3]);
    expect(counts(mergeClusters([at(100, 126, 2), at(100, 124, 1)], 0, 5))).toEqual([3]);
    // Diagonal neighbours (cells (1, 24) and (2, 25)), both ways.
    expect(counts(mergeClusters([at(9, 124, 2), at(11, 126, 1)], 0, 5))).toEqual([3]);
    expect(counts(mergeClusters([at(11, 126, 2), at(9, 124, 1)], 0, 5))).toEqual([3]);
    expect(counts(mergeClusters([at(11, 124, 2), at(9, 126, 1)], 0, 5))).toEqual([3]);
    expect(counts(mergeClusters([at(9, 126, 2), at(11, 124, 1)], 0, 5))).toEqual([3]);
  });

  it('looks at every cluster of a cell, not only the last one put there', () => {
    // 20-pixel cells: (1, 121) and (19, 139) are both in cell (0, 6) but hypot(18, 18) ≈ 25.5 apart, so both seed.
    // (2, 130) is hypot(1, 9) ≈ 9.1 from the first and hypot(17, 9) ≈ 19.2 from the second: both in reach,
    // the first seed found takes it. (19, 130) is hypot(18, 9) ≈ 20.1 from the first: only the second takes it.
    expect(counts(mergeClusters([at(1, 121, 5), at(19, 139, 4), at(2, 130, 1)], 0, 20))).toEqual([6, 4]);
    expect(counts(mergeClusters([at(1, 121, 5), at(19, 139, 4), at(19, 130, 1)], 0, 20))).toEqual([5, 5]);
  });

  it('the biggest clusters seed first, whatever the input order; equal counts keep their order', () => {
    const out = mergeClusters([at(10, 128, 1), at(40, 128, 7), at(12, 128, 3)], 0, 5);
    // 40 (7) seeds, then 12 (3) seeds and absorbs 10 (1).
    expect(counts(out)).toEqual([7, 4]);
    expect(out[1].lon).toBeCloseTo((lonAt(12) * 3 + lonAt(10)) / 4, 12);
    const tie = mergeClusters([at(10, 128, 2), at(13, 128, 2)], 0, 5);
    expect(tie[0].bounds).toEqual([lonAt(10), 0, lonAt(13), 0]);
    expect(tie[0].lon).toBeCloseTo((lonAt(10) + lonAt(13)) / 2, 12);
  });

  it('adds up the series of the merged clusters', () => {
    const out = mergeClusters([at(10, 128, 2, [['y', acc(2, [1, 5])]]), at(11, 128, 1, [['y', acc(1, [9])]])], 0, 5);
    expect(out[0].accs).toEqual(new Map([['y', { docs: 3, n: 3, sum: 15, sumsq: 1 + 25 + 81, min: 1, max: 9 }]]));
  });

  it('leaves the clusters it was given as they were', () => {
    const big = at(10, 128, 2, [['y', acc(2, [1, 5])]]);
    const before = { ...big, bounds: [...big.bounds], accs: new Map([...big.accs].map(([k, a]) => [k, { ...a }])) };
    mergeClusters([big, at(11, 129, 1, [['y', acc(1, [9])]])], 0, 5);
    expect(big).toEqual(before);
  });

  it('uses the zoom: two clusters 4 pixels apart at zoom 0 are 8 apart at zoom 1', () => {
    expect(counts(mergeClusters([at(10, 128, 2), at(14, 128, 1)], 0, 5))).toEqual([3]);
    expect(counts(mergeClusters([at(10, 128, 2), at(14, 128, 1)], 1, 5))).toEqual([2, 1]);
  });
});
