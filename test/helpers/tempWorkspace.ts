import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes files (relative path → text) into a fresh temporary folder and returns its path. */
export function tempWorkspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'clausewise-ws-'));
  writeFiles(root, files);
  return root;
}

/** Writes files (relative path → text) under `root`, making their folders. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** The keys every test policy has unless it says otherwise. */
const DEFAULT_FIELDS = { title: 'Policy', type: 'policy', owner: 'CISO', status: 'draft', version: '1.0.0', clauses: '[]' };

/** A policy document with the given frontmatter lines (after the defaults, which they override) and body. */
export function policy(fields: Record<string, string>, body: string): string {
  return policyDocument({ ...DEFAULT_FIELDS, ...fields }, '', body);
}

/** A small valid draft policy with this id and no claims; `extra` is YAML lines added to its frontmatter. */
export function policyText(id: string, extra = '', body = '# Policy\n\nText.\n'): string {
  return policyDocument({ id, ...DEFAULT_FIELDS, title: `Policy ${id}` }, extra, body);
}

function policyDocument(fields: Record<string, string>, extra: string, body: string): string {
  return `---\n${Object.entries(fields).map(([key, value]) => `${key}: ${value}\n`).join('')}${extra}---\n${body}`;
}
