/** A one-line progress counter on stderr, only on a terminal and only for long runs. */
export function progressReporter(total: number, label: string): { update(done: number, total: number): void; done(): void } | undefined {
  if (!process.stderr.isTTY || total < 100) return undefined;
  let last = 0;
  return {
    update(done, all) {
      const now = Date.now();
      if (now - last < 100 && done < all) return;
      last = now;
      process.stderr.write(`\r${label} ${done}/${all}`);
    },
    done() {
      process.stderr.write('\r\u001b[K');
    },
  };
}
