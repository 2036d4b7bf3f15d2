/**
 * Values filed by a word written in lower case, looked up straight from a stretch of a text (its
 * character codes hashed in place), so reading a document's words slices and hashes no new string
 * for a word already seen. One open-addressed table of slot → entry, grown by doubling; bounded by
 * `limit` entries (past it, `add` files nothing and the caller builds the value each time).
 */
export class WordTable<T extends { surface: string }> {
  private slots = new Int32Array(1 << 12).fill(-1);
  private readonly values: T[] = [];

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.values.length;
  }

  /** The value filed for text.slice(start, end), or undefined. */
  find(text: string, start: number, end: number): T | undefined {
    const mask = this.slots.length - 1;
    for (let slot = hashOf(text, start, end) & mask; ; slot = (slot + 1) & mask) {
      const index = this.slots[slot]!;
      if (index < 0) return undefined;
      const value = this.values[index]!;
      if (sameWord(value.surface, text, start, end)) return value;
    }
  }

  /** Files a value under its surface (not already filed), unless the table is full. */
  add(value: T): void {
    if (this.values.length >= this.limit) return;
    if ((this.values.length + 1) * 2 > this.slots.length) this.grow();
    this.place(value.surface, this.values.length);
    this.values.push(value);
  }

  private place(surface: string, index: number): void {
    const mask = this.slots.length - 1;
    let slot = hashOf(surface, 0, surface.length) & mask;
    while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = index;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.values.forEach((value, index) => this.place(value.surface, index));
  }
}

/** FNV-1a over the UTF-16 code units of text[start, end). */
function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function sameWord(surface: string, text: string, start: number, end: number): boolean {
  if (surface.length !== end - start) return false;
  for (let i = 0; i < surface.length; i++) if (surface.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
