import { createHash } from 'node:crypto';
import { MAX_CATALOG_BYTES } from '../catalog/load';
import { readRegularFile } from '../files/readFile';
import { writeOwnFile } from '../files/replaceFile';
import { isCacheFile } from './cacheSchema';
import { version } from '../../../package.json';
import type { ReadProblem } from '../document/types';
import type { Finding, Severity } from '../findings/types';
import type { AnalyzedDocument } from '../engine/analyzedDocument';
import type { DocumentSummary } from '../model/summary';
import { StringTable } from '../text/stringTable';
import type { PolicySet } from '../engine/policySet';

/** Raised whenever the stored shape or a file's analysis for the same text changes (4: probes; 5: comply-style headers are frontmatter; 7: checked fixes, parse budget, new rules; 8: the SoA's applicability and approved-by; 9: one missing-element finding per control, with elements and related places; 10: one empty-element finding per control. Two branches each raised 7 to 8 for their own change, so 8 named two layouts: a cache an 8 build of either branch wrote must not be read as this one's). */
const FORMAT = 10;

/** A finding as stored: strings as indexes into the file's string table, no repeated keys or path. */
type StoredFix = [title: number, automatic: 0 | 1, edits: [start: number, end: number, newText: number][]];
type StoredFinding = [
  rule: number,
  severity: number,
  message: number,
  start: number,
  end: number,
  clause: number,
  element: number,
  fixes: StoredFix[],
  elements?: [id: number, title: number][],
  related?: [message: number, start: number, end: number][],
];
interface StoredEntry {
  key: string;
  /** Findings of the workspace rules, valid while the cache file's workspaceKey matches. */
  workspace?: StoredFinding[];
  summary: DocumentSummary;
  suppressions: AnalyzedDocument['suppressions'];
  bom: boolean;
  findings: StoredFinding[];
}

interface CacheFile {
  format: number;
  version: string;
  strings: string[];
  /** Fingerprint of the whole set of files (paths and keys) the workspace findings were made from. */
  workspaceKey?: string;
  /** Every other file the workspace rules asked about (a linked PDF, an excluded page) and whether it existed. */
  probes?: Record<string, boolean>;
  entries: Record<string, StoredEntry>;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** Far above the cache of 10,000 documents; a bigger (or endless) file is not read. */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;


function encodeFindings(findings: Finding[], table: StringTable): StoredFinding[] {
  return findings.map((finding) => [
      table.index(finding.ruleId),
      SEVERITIES.indexOf(finding.severity),
      table.index(finding.message),
      finding.range.start,
      finding.range.end,
      table.index(finding.clause),
      table.index(finding.element),
      finding.fixes.map((fix): StoredFix => [table.index(fix.title), fix.automatic ? 1 : 0, fix.edits.map((edit) => [edit.range.start, edit.range.end, table.index(edit.newText)])]),
      ...(finding.elements || finding.related
        ? [
            (finding.elements ?? []).map(({ id, title }): [number, number] => [table.index(id), table.index(title)]),
            (finding.related ?? []).map((place): [number, number, number] => [table.index(place.message), place.range.start, place.range.end]),
          ]
        : []),
    ] as StoredFinding);
}

function encode(analyzed: AnalyzedDocument, key: string, table: StringTable, workspace?: Finding[]): StoredEntry {
  return {
    key,
    ...(workspace ? { workspace: encodeFindings(workspace, table) } : {}),
    summary: analyzed.summary,
    suppressions: analyzed.suppressions,
    bom: analyzed.bom,
    findings: encodeFindings(analyzed.findings, table),
  };
}

function decodeFindings(stored: StoredFinding[], path: string, strings: string[]): Finding[] {
  return stored.map(([rule, severity, message, start, end, clause, element, fixes, elements, related]): Finding => ({
      ruleId: strings[rule]!,
      severity: SEVERITIES[severity]!,
      message: strings[message]!,
      path,
      range: { start, end },
      fixes: fixes.map(([title, automatic, edits]) => ({ title: strings[title]!, automatic: automatic === 1, edits: edits.map(([from, to, text]) => ({ range: { start: from, end: to }, newText: strings[text]! })) })),
      ...(clause >= 0 ? { clause: strings[clause] } : {}),
      ...(element >= 0 ? { element: strings[element] } : {}),
      ...(elements?.length ? { elements: elements.map(([id, title]) => ({ id: strings[id]!, title: strings[title]! })) } : {}),
      ...(related?.length ? { related: related.map(([text, from, to]) => ({ message: strings[text]!, range: { start: from, end: to } })) } : {}),
    }));
}

function decode(entry: StoredEntry, path: string, strings: string[]): AnalyzedDocument {
  return { summary: entry.summary, suppressions: entry.suppressions, bom: entry.bom, findings: decodeFindings(entry.findings, path, strings) };
}

/**
 * `--cache`: each file's analysis keyed by its content, its config and catalog, the date and the
 * Clausewise version, so an unchanged run parses nothing. The workspace rules' findings are reused
 * when the run has the same files with the same keys and every other file they looked for is still
 * there or still missing.
 */
export class CheckCache {
  hits = 0;
  misses = 0;
  private readonly kept = new Map<string, { key: string; analyzed: AnalyzedDocument }>();
  private changed = false;
  private readonly fingerprints = new WeakMap<PolicySet, string>();
  private workspace?: { key: string; findings: Map<string, Finding[]>; probes: Map<string, boolean> };

  private constructor(
    readonly file: string,
    private readonly previous: CacheFile['entries'],
    private readonly strings: string[],
    private readonly previousWorkspaceKey?: string,
    private readonly previousProbes: Record<string, boolean> = {},
  ) {}

  /** Reads the cache file; a missing, corrupt, forged or outdated one starts empty (and is rewritten). */
  static load(file: string): CheckCache {
    try {
      const data = JSON.parse(readRegularFile(file, MAX_CACHE_BYTES).toString('utf8')) as CacheFile;
      if (data.format === FORMAT && data.version === version && isCacheFile(data)) {
        return new CheckCache(file, data.entries, data.strings, data.workspaceKey, data.probes);
      }
    } catch {
      // No cache yet, or one this version cannot use: start afresh.
    }
    return new CheckCache(file, {}, []);
  }

  /** The key of a file's analysis under a policy set on a date. */
  key(set: PolicySet, text: string, problem: ReadProblem | undefined, today: string): string {
    return createHash('sha1').update(`${this.fingerprint(set)}\0${today}\0${problem?.kind ?? ''}\0`).update(text).digest('hex');
  }

  /** A file's stored analysis for a key; with `withoutFixes`, a miss when it carries automatic fixes (--fix recomputes them). */
  get(path: string, key: string, textLength: number, options: { withoutFixes?: boolean } = {}): AnalyzedDocument | undefined {
    const entry = this.previous[path];
    const hasFixes = options.withoutFixes && entry?.findings.some((finding) => finding[7].some((fix) => fix[1] === 1));
    // The key hashes the text, but a forged entry can still place findings past its end.
    const fits = entry?.findings.every((finding) => finding[4] <= textLength + 1);
    if (entry?.key === key && !hasFixes && fits) {
      this.hits++;
      return decode(entry, path, this.strings);
    }
    this.misses++;
    this.changed = true;
    return undefined;
  }

  set(path: string, key: string, analyzed: AnalyzedDocument): void {
    this.kept.set(path, { key, analyzed });
  }

  /**
   * The workspace rules' findings per path, when the run has exactly the same files with the same
   * keys as the run that stored them, and `exists` gives the same answer for every other file those
   * rules looked for (then nothing any workspace rule reads has changed).
   */
  workspaceFindings(workspaceKey: string, exists: (path: string) => boolean): Map<string, Finding[]> | undefined {
    if (workspaceKey !== this.previousWorkspaceKey) return undefined;
    if (Object.entries(this.previousProbes).some(([path, existed]) => exists(path) !== existed)) return undefined;
    const findings = new Map<string, Finding[]>();
    for (const [path, entry] of Object.entries(this.previous)) {
      if (!entry.workspace) return undefined;
      findings.set(path, decodeFindings(entry.workspace, path, this.strings));
    }
    return findings;
  }

  /** Keeps the workspace rules' findings of this run, with the files they looked for and whether each existed. */
  setWorkspaceFindings(workspaceKey: string, findings: Map<string, Finding[]>, probes: Map<string, boolean>): void {
    this.workspace = { key: workspaceKey, findings, probes };
    const sameProbes = probes.size === Object.keys(this.previousProbes).length && [...probes].every(([path, existed]) => this.previousProbes[path] === existed);
    if (workspaceKey !== this.previousWorkspaceKey || !sameProbes) this.changed = true;
  }

  /** Writes the entries of this run (others are dropped), atomically, unless nothing changed. */
  save(): void {
    if (!this.changed && this.kept.size === Object.keys(this.previous).length) return;
    const table = new StringTable();
    const entries: CacheFile['entries'] = {};
    for (const [path, { key, analyzed }] of this.kept) entries[path] = encode(analyzed, key, table, this.workspace?.findings.get(path));
    const workspace = this.workspace ? { workspaceKey: this.workspace.key, probes: Object.fromEntries(this.workspace.probes) } : {};
    writeOwnFile(this.file, JSON.stringify({ format: FORMAT, version, strings: table.strings, ...workspace, entries } satisfies CacheFile));
  }

  private fingerprint(set: PolicySet): string {
    let fingerprint = this.fingerprints.get(set);
    if (!fingerprint) {
      const hash = createHash('sha1').update(version);
      for (const file of [set.config.file, set.config.catalogPath]) hash.update('\0').update(file ? readRegularFile(file, MAX_CATALOG_BYTES) : '');
      hash.update(JSON.stringify(set.config.rules));
      this.fingerprints.set(set, (fingerprint = hash.digest('hex')));
    }
    return fingerprint;
  }
}
