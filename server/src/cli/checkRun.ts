import { existsSync, readFileSync } from 'node:fs';
import { ConfigResolver } from '../config/resolve';
import { decodeDocument } from '../document/decode';
import type { PolicyDocument } from '../document/types';
import type { Finding } from '../findings/types';
import { PolicySet } from '../workspace/policySet';
import type { DocumentSummary } from '../workspace/summary';

/** One checked file: its findings, and the parsed document (for positions and fixes). */
export interface FileResult {
  path: string;
  document: PolicyDocument;
  summary: DocumentSummary;
  findings: Finding[];
}

export interface CheckRunOptions {
  today?: string;
  configFile?: string;
  cwd: string;
}

/**
 * Checks files: each is governed by its nearest config (grouped into policy sets), parsed once,
 * indexed, then checked with the whole set in view. Files excluded by their config are skipped.
 */
export function checkFiles(paths: string[], options: CheckRunOptions): { results: FileResult[]; sets: PolicySet[] } {
  const resolver = new ConfigResolver(options.cwd, options.configFile);
  const sets = new Map<string, PolicySet>();
  const added: { set: PolicySet; document: PolicyDocument; summary: DocumentSummary }[] = [];
  for (const path of paths) {
    const { config, catalog } = resolver.forDocument(path);
    const key = config.file ?? '';
    let set = sets.get(key);
    if (!set) sets.set(key, (set = new PolicySet(config, catalog)));
    if (set.isExcluded(path)) continue;
    const { text, problem } = read(path);
    added.push({ set, ...set.add(path, text, problem) });
  }
  const environment = { today: options.today, fileExists: existsSync };
  const results = added.map(({ set, document, summary }) => ({ path: document.path, document, summary, findings: set.check(document, summary, environment) }));
  return { results, sets: [...sets.values()] };
}

function read(path: string) {
  try {
    return decodeDocument(readFileSync(path));
  } catch (error) {
    return { text: '', problem: { kind: 'encoding' as const, message: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` } };
  }
}
