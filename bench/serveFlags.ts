/**
 * The V8 flags the API is served with: the Dockerfile, scripts/demo.sh and README "Command line"
 * give the same (test/unit/serveFlags.test.ts).
 * - `--max-old-space-size=1024`: above a 2 GB heap limit (V8's default on a machine with 16 GB or
 *   more) V8 lets the old generation grow to four times what survived its last collection before
 *   it collects again; under it, to at most 1.3 to 2 times. Measured by bench/upload: a publish
 *   keeps about 60 MB alive; its 1M-row RSS peak went from 633 MB to 222 MB (with the record id
 *   counts off the heap: docs/performance-history.md).
 * - `--max-semi-space-size=8` (MB; Node 20's default is 16): under that old-generation limit, with
 *   the default young generation, V8 started a new marking as soon as the last one ended (its
 *   `--trace-incremental-marking` says "Start (task)" with 30 MB of the old generation's 61 MB
 *   free). A lieux-de-tournage download then cost 1.5 mark-compacts and 138 ms of API CPU; with 8 MB,
 *   0.2 and 88 ms (GeoJSON, 20 downloads each, 2026-12-06), and the peak RSS was 30 MB lower.
 *   Downloads whose pages hold more (communes-france's, 3 MB a page) cost more with 8 MB: more of
 *   their records outlived the young generation. That was while a page's records waited as
 *   strings; they now wait as slices of their answer's bytes (writtenHits), which are not in the
 *   heap, and those downloads gained (README, Performance). Measured again then (bench:export,
 *   three pairs), the default 16 MB still gave a lower median ratio on 7 of 9 lines and a higher
 *   median peak RSS on every one (up to 192 MB, against 182).
 * - `--initial-old-space-size=64` (MB): below that size V8 does not start a mark-compact for the
 *   old generation's growth (with 96 MB and the default young generation, none over 22
 *   lieux-de-tournage downloads). communes-france's downloads, the ones the smaller young
 *   generation slowed, gained part of it back (bench:export, three pairs against the two flags
 *   above alone); records pages did not move; the peak RSS of bench:export stayed ≤ 184 MB.
 *   docs/performance-history.md has the benches' figures.
 * - `--interrupt-budget=16384` (Node 20's V8 default: 67,584): how much bytecode a function runs
 *   before V8 considers compiling it with its optimizing tiers, a quarter of the default. A new API
 *   process sent free-text pages of lieux-de-tournage at 8 connections with 2.9 to 6.8 ms of CPU a
 *   page in its first second. With the default that first fell under 1.0 ms in its eighth second,
 *   after 3,091 and 3,246 pages (two runs); with 16384 in its fourth, after 1,022 and 1,101. Then
 *   0.75 to 1.0 ms either way (2026-12-06, README "A new process's first seconds"). A portal's API
 *   is restarted by every deploy, and every new instance starts cold.
 *
 * `--initial-old-space-size` and `--interrupt-budget` are refused in NODE_OPTIONS: they go on
 * node's command line (README "Command line" gives it for the installed command too).
 */
export const SERVE_NODE_FLAGS: readonly string[] = ['--max-old-space-size=1024', '--max-semi-space-size=8', '--initial-old-space-size=64', '--interrupt-budget=16384'];

/** The flags a bench serves the API with: BENCH_SERVE_FLAGS (separated by spaces) to measure it under others, else SERVE_NODE_FLAGS. */
export function serveNodeFlags(env: NodeJS.ProcessEnv): readonly string[] {
  const given = env.BENCH_SERVE_FLAGS?.trim();
  return given ? given.split(/\s+/) : SERVE_NODE_FLAGS;
}
