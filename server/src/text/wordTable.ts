/**
 * Values filed by a word written in lower case, looked up straight from a stretch of a text (its
 * character codes hashed in place), so reading a document's words slices and hashes no new string
 * for a word already seen. One open-addressed table of slot → entry, with each slot's hash beside it
 * (a probe reads no value that cannot match), grown by doubling; bounded by `limit` entries (past
 * it, `add` files nothing and the caller builds the value each time).
 */
export class WordTable<T extends { surface: string }> {
  private slots = new Int32Array(1 << 12).fill(-1);
  private hashes = new Int32Array(1 << 12);
  private readonly values: T[] = [];

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.values.length;
  }

  /** The value filed for text.slice(start, end), or undefined. */
  find(text: string, start: number, end: number): T | undefined {
    const mask = this.slots.length - 1;
    const hash = hashOf(text, start, end);
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const index = this.slots[slot]!;
      if (index < 0) return undefined;
      if (this.hashes[slot] !== hash) continue;
      const value = this.values[index]!;
      if (sameWord(value.surface, text, start, end)) return value;
    }
  }

  /** Whether the table holds its limit: a value made now is filed nowhere. */
  get full(): boolean {
    return this.values.length >= this.limit;
  }

  /** Files a value under its surface (not already filed), unless the table is full; says whether it did. */
  add(value: T): boolean {
    if (this.full) return false;
    if ((this.values.length + 1) * 2 > this.slots.length) this.grow();
    this.place(value.surface, this.values.length);
    this.values.push(value);
    return true;
  }

  private place(surface: string, index: number): void {
    const mask = this.slots.length - 1;
    const hash = hashOf(surface, 0, surface.length);
    let slot = hash & mask;
    while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = index;
    this.hashes[slot] = hash;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.hashes = new Int32Array(this.slots.length);
    this.values.forEach((value, index) => this.place(value.surface, index));
  }
}

/** FNV-1a over the UTF-16 code units of text[start, end), as a signed 32-bit number (as an Int32Array keeps it). */
function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

function sameWord(surface: string, text: string, start: number, end: number): boolean {
  if (surface.length !== end - start) return false;
  for (let i = 0; i < surface.length; i++) if (surface.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
