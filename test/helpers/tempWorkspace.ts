import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes files (relative path → text) into a fresh temporary folder and returns its path. */
export function tempWorkspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'clausewise-ws-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** A small valid policy document claiming the given clauses. */
export function policyText(id: string, extra = '', body = '# Policy\n\nText.\n'): string {
  return `---\nid: ${id}\ntitle: Policy ${id}\ntype: policy\nowner: CISO\nstatus: draft\nversion: 1.0.0\nclauses: []\n${extra}---\n${body}`;
}
