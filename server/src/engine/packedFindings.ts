import type { Range } from '../document/types';
import type { Finding, Fix } from '../findings/types';
import { StringTable } from '../text/stringTable';

/**
 * Findings as a checking thread sends them: numbers, with each string as its index in a table the
 * thread and its reader both keep, so that a string goes across once per thread instead of once per
 * finding. The bench corpus's findings came to 22 KB a document, nine tenths of it the same section
 * stubs, notes and messages again; copying them cost both threads more than the rules that made them.
 */
export interface PackedFindings {
  /** The table starts afresh before `strings` (the sender's table had grown past its bound). */
  reset: boolean;
  /** The strings first used in this message, in the order they enter the table. */
  strings: string[];
  /** Each list's findings, one list after another (see FindingPacker.pack). */
  numbers: number[];
}

/** Past this many strings the table starts afresh, so that a long-lived thread's one-off messages do not pile up. */
const MAX_STRINGS = 50_000;
/** An optional field or list that is not there. */
const NONE = -1;
/** Ranges are keyed by start × this + end. */
const RANGE_KEY = 2 ** 26;

/** The sending side (a checking thread): one per thread, for every message it sends. */
export class FindingPacker {
  private table = new StringTable();
  /** How many of the table's strings earlier messages carried. */
  private sent = 0;
  private numbers: number[] = [];
  private reset = false;

  /** Packs lists of findings into one message's worth, with the strings its reader has not seen yet. */
  pack(lists: Finding[][]): PackedFindings {
    if (this.table.size > MAX_STRINGS) this.restart();
    for (const findings of lists) {
      this.numbers.push(findings.length);
      for (const finding of findings) this.finding(finding);
    }
    const packed = { reset: this.reset, strings: this.table.strings.slice(this.sent), numbers: this.numbers };
    this.sent = this.table.size;
    this.numbers = [];
    this.reset = false;
    return packed;
  }

  /** Starts the table afresh (its reader is told with the next message): after a message that was not sent. */
  restart(): void {
    this.table = new StringTable();
    this.sent = 0;
    this.numbers = [];
    this.reset = true;
  }

  private finding(finding: Finding): void {
    const { numbers } = this;
    numbers.push(this.string(finding.ruleId), this.string(finding.severity), this.string(finding.message), this.string(finding.path), finding.range.start, finding.range.end);
    numbers.push(this.string(finding.clause), this.string(finding.element));
    this.list(finding.elements, ({ id, title }) => numbers.push(this.string(id), this.string(title)));
    this.list(finding.related, ({ message, range }) => numbers.push(this.string(message), range.start, range.end));
    this.list(finding.fixes, (fix) => this.fix(fix));
  }

  private fix(fix: Fix): void {
    const { numbers } = this;
    numbers.push(this.string(fix.title), fix.automatic ? 1 : 0);
    this.list(fix.edits, ({ range, newText }) => numbers.push(range.start, range.end, this.string(newText)));
    if (fix.select) numbers.push(fix.select.edit, fix.select.start, fix.select.end);
    else numbers.push(NONE);
    this.list(fix.stubs, ({ clause, element }) => numbers.push(this.string(clause), this.string(element)));
    this.list(fix.claims, (claim) => numbers.push(this.string(claim)));
  }

  private list<T>(items: readonly T[] | undefined, each: (item: T) => void): void {
    if (!items) return void this.numbers.push(NONE);
    this.numbers.push(items.length);
    for (const item of items) each(item);
  }

  /** A string's number in the table; NONE for one that is not there (the table's -1). */
  private string(value: string | undefined): number {
    return this.table.index(value);
  }
}

/**
 * The receiving side: one per thread it reads from, made afresh with each new thread. `share`
 * gives the copy of each new string to keep (the process's pool). Within one document's findings,
 * equal ranges are one object, as SharedStrings.shareFindings would leave them.
 */
export class FindingUnpacker {
  private table: string[] = [];
  private numbers: number[] = [];
  private at = 0;
  private ranges = new Map<number, Range>();

  constructor(private readonly share: (value: string) => string = (value) => value) {}

  /** The lists of findings a message carries, in the order they were packed. */
  unpack(packed: PackedFindings): Finding[][] {
    if (packed.reset) this.table = [];
    for (const value of packed.strings) this.table.push(this.share(value));
    this.numbers = packed.numbers;
    this.at = 0;
    const lists: Finding[][] = [];
    while (this.at < this.numbers.length) {
      this.ranges = new Map();
      lists.push(Array.from({ length: this.next() }, () => this.finding()));
    }
    this.numbers = [];
    return lists;
  }

  private finding(): Finding {
    const finding: Finding = { ruleId: this.string(), severity: this.string() as Finding['severity'], message: this.string(), path: this.string(), range: this.range(), fixes: [] };
    const clause = this.optional();
    if (clause !== undefined) finding.clause = clause;
    const element = this.optional();
    if (element !== undefined) finding.element = element;
    const elements = this.list(() => ({ id: this.string(), title: this.string() }));
    if (elements) finding.elements = elements;
    const related = this.list(() => ({ message: this.string(), range: this.range() }));
    if (related) finding.related = related;
    finding.fixes = this.list(() => this.fix())!;
    return finding;
  }

  private fix(): Fix {
    const title = this.string();
    const automatic = this.next() === 1;
    const edits = this.list(() => ({ range: this.range(), newText: this.string() }))!;
    const fix = { title, edits, automatic } as Fix;
    const edit = this.next();
    if (edit !== NONE) fix.select = { edit, start: this.next(), end: this.next() };
    const stubs = this.list(() => ({ clause: this.string(), element: this.string() }));
    if (stubs) fix.stubs = stubs;
    const claims = this.list(() => this.string());
    if (claims) (fix as { claims?: string[] }).claims = claims;
    return fix;
  }

  private list<T>(each: () => T): T[] | undefined {
    const length = this.next();
    return length === NONE ? undefined : Array.from({ length }, each);
  }

  private range(): Range {
    const start = this.next();
    const end = this.next();
    // Offsets stay below 2^26 (Clausewise reads files of at most 2 MB), where the key is exact; past it, no sharing.
    if (start >= RANGE_KEY || end >= RANGE_KEY) return { start, end };
    const key = start * RANGE_KEY + end;
    let range = this.ranges.get(key);
    if (!range) this.ranges.set(key, (range = { start, end }));
    return range;
  }

  private optional(): string | undefined {
    const index = this.next();
    return index === NONE ? undefined : this.table[index];
  }

  private string(): string {
    return this.table[this.next()]!;
  }

  private next(): number {
    return this.numbers[this.at++]!;
  }
}
