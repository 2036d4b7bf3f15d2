/**
 * Strings numbered in the order they are first seen, for formats that write each string once and
 * then refer to it by number (the `--cache` file, the findings a checking thread sends). `index`
 * gives -1 for a value that is not there.
 */
export class StringTable {
  /** Every string given a number, at its number. */
  readonly strings: string[] = [];
  private readonly indexes = new Map<string, number>();

  index(value: string | undefined): number {
    if (value === undefined) return -1;
    let index = this.indexes.get(value);
    if (index === undefined) {
      index = this.strings.length;
      this.indexes.set(value, index);
      this.strings.push(value);
    }
    return index;
  }

  get size(): number {
    return this.strings.length;
  }
}
