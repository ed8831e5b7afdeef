/** Prints rows read and rows/s on one refreshed terminal line (only when stderr is a terminal). */
export function progressPrinter(label: string, stream: NodeJS.WriteStream = process.stderr): { update(rows: number): void; done(): void } {
  const started = Date.now();
  let last = 0;
  return {
    update(rows) {
      if (!stream.isTTY) return;
      const now = Date.now();
      if (now - last < 250) return;
      last = now;
      const rate = Math.round(rows / Math.max((now - started) / 1000, 0.001));
      stream.write(`\r${label}: ${rows.toLocaleString('en')} rows, ${rate.toLocaleString('en')} rows/s   `);
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
