import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { version } from '../../../package.json';
import type { ReadProblem } from '../document/types';
import type { AnalyzedDocument } from '../workspace/analyzedDocument';
import type { PolicySet } from '../workspace/policySet';

const FORMAT = 1;

interface CacheFile {
  format: number;
  version: string;
  entries: Record<string, { key: string; analyzed: AnalyzedDocument }>;
}

/**
 * `--cache`: each file's analysis keyed by its content, its config and catalog, the date and the
 * Clausewise version, so an unchanged run parses nothing. Workspace rules still run on every file.
 */
export class CheckCache {
  hits = 0;
  misses = 0;
  private readonly kept: CacheFile['entries'] = {};
  private readonly fingerprints = new WeakMap<PolicySet, string>();

  private constructor(
    readonly file: string,
    private readonly previous: CacheFile['entries'],
  ) {}

  /** Reads the cache file; a missing, corrupt or outdated one starts empty (and is rewritten). */
  static load(file: string): CheckCache {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (data.format === FORMAT && data.version === version && data.entries && typeof data.entries === 'object') return new CheckCache(file, data.entries);
    } catch {
      // No cache yet, or one this version cannot use: start afresh.
    }
    return new CheckCache(file, {});
  }

  /** The key of a file's analysis under a policy set on a date. */
  key(set: PolicySet, text: string, problem: ReadProblem | undefined, today: string): string {
    return createHash('sha1').update(`${this.fingerprint(set)}\0${today}\0${problem?.kind ?? ''}\0`).update(text).digest('hex');
  }

  get(path: string, key: string): AnalyzedDocument | undefined {
    const entry = this.previous[path];
    if (entry?.key === key) {
      this.hits++;
      return entry.analyzed;
    }
    this.misses++;
    return undefined;
  }

  set(path: string, key: string, analyzed: AnalyzedDocument): void {
    this.kept[path] = { key, analyzed };
  }

  /** Writes the entries of this run (others are dropped), atomically. */
  save(): void {
    const data: CacheFile = { format: FORMAT, version, entries: this.kept };
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(data));
    renameSync(temporary, this.file);
  }

  private fingerprint(set: PolicySet): string {
    let fingerprint = this.fingerprints.get(set);
    if (!fingerprint) {
      const hash = createHash('sha1').update(version);
      for (const file of [set.config.file, set.config.catalogPath]) hash.update('\0').update(file ? readFileSync(file) : '');
      hash.update(JSON.stringify(set.config.rules));
      this.fingerprints.set(set, (fingerprint = hash.digest('hex')));
    }
    return fingerprint;
  }
}
