import { retryPauseMs } from '../../../src/execute/elasticsearch';

describe('retryPauseMs', () => {
  test('doubles from 100 ms with equal jitter (half fixed, half random), capped at 1.6 s', () => {
    expect([1, 2, 3, 4, 5, 9].map((a) => [retryPauseMs(a, () => 0), retryPauseMs(a, () => 1)]))
      .toEqual([[100, 200], [200, 400], [400, 800], [800, 1600], [800, 1600], [800, 1600]]);
  });
});
