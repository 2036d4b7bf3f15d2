import type { CancellationToken } from 'vscode-languageserver';

/** Resolves when `promise` settles, after `ms` milliseconds, or when `token` is cancelled, whichever comes first. Never rejects. */
export function settledWithin(promise: Promise<unknown>, token: CancellationToken, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(finish, ms);
    const cancelled = token.onCancellationRequested(finish);
    function finish(): void {
      clearTimeout(timer);
      cancelled.dispose();
      resolve();
    }
    promise.then(finish, finish);
  });
}
