/** A mistake in how the command was called: exit code 2, one clear line, no stack trace. */
export class UsageError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'UsageError';
  }
}
