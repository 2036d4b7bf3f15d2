/** A mistake in how the command was called: exit code 2, one clear line, no stack trace. */
export class UsageError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The value of an option that takes one of a fixed set (`--format`), or a UsageError listing them. */
export function oneOf<T extends string>(value: string, allowed: readonly T[], what = 'format'): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`unknown ${what} "${value}"`, `${what}s: ${allowed.join(', ')}`);
}

/** A comma-separated option (`--fail-on gaps,partial`), each item one of `allowed`, or a UsageError naming the first that is not. */
export function listOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[], noun: string): T[] {
  const items = (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);
  for (const item of items) if (!(allowed as readonly string[]).includes(item)) throw new UsageError(`${option} does not know "${item}"`, `${noun}: ${allowed.join(', ')}`);
  return items as T[];
}
