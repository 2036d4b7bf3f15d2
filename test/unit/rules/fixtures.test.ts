/**
 * Rule fixtures, markdownlint-style: each folder of test/fixtures/rules is a workspace, checked
 * through the engine as `clausewise check` checks it (its .clausewise.yaml applies: a file it
 * excludes is not checked and must carry no marker); each
 * Markdown file marks the findings it expects on the line they belong to, as `{rule-id}` inside a
 * YAML comment (frontmatter) or an HTML comment (body), or anywhere as `{rule-id:N}` for a finding
 * on line N (line 1, the opening fence, cannot hold a comment). Markers are read from the raw bytes,
 * so a binary fixture can carry one too. A file `x.fixed.md` beside `x.md` is what
 * applying every automatic fix to `x.md` must give (or, for a fix that claims a control, which only
 * the author applies, the quick fix itself); the fixed text must then pass the fixed rules,
 * and fixing it again must change nothing. A subfolder base/ holds the base revision of the files
 * (same names) for the rules that compare a change with its base.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes, automaticFixes } from '../../../server/src/findings/applyFixes';
import type { Finding, Fix } from '../../../server/src/findings/types';
import { ruleIds } from '../../../server/src/rules/registry';
import { fixturesDir } from '../../helpers/paths';
import { byLine, checkFolder, findingLines, folderInputs, type CheckedFile } from '../../helpers/checkFolder';

const root = join(fixturesDir, 'rules');
const MARKER = /\{([a-z][a-z0-9-]*)(?::(\d+))?\}/g;

function expectedLines(text: string): string[] {
  return text
    .split(/\r\n|\n|\r/)
    .flatMap((line, index) => [...line.matchAll(MARKER)].filter((match) => ruleIds.includes(match[1]!)).map((match) => `${match[2] ?? index + 1}:${match[1]}`))
    .sort(byLine);
}

const folders = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
// Every folder checked once, through the engine as `clausewise check` runs it.
const checkedFolders = new Map<string, CheckedFile[]>(await Promise.all(folders.map(async (folder) => [folder, await checkFolder(join(root, folder))] as const)));

describe('rule fixtures', () => {
  it('cover every rule with a folder of its own', () => {
    expect(folders).toEqual(expect.arrayContaining([...ruleIds]));
  });

  it('show every rule producing its finding at least once (a folder of clean files proves nothing)', () => {
    const produced = new Set([...checkedFolders.values()].flatMap((checked) => checked.flatMap((file) => file.findings.map((finding) => finding.ruleId))));
    expect([...ruleIds].filter((id) => !produced.has(id))).toEqual([]);
  });

  describe.each(folders)('%s', (folder) => {
    const dir = join(root, folder);
    const checked = checkedFolders.get(folder)!;

    it.each(checked.map((file) => [file.path.slice(dir.length + 1), file] as const))('%s reports exactly the marked findings', (_name, file) => {
      expect(findingLines(file)).toEqual(expectedLines(readFileSync(file.path, 'latin1')));
    });

    // A file the folder's config excludes is not checked at all: it must carry no marker.
    const excluded = folderInputs(dir).filter((path) => !checked.some((file) => file.path === path));
    if (excluded.length > 0) {
      it.each(excluded.map((path) => [path.slice(dir.length + 1)] as const))('%s is excluded by the config and reports nothing', (name) => {
        expect(expectedLines(readFileSync(join(dir, name), 'latin1'))).toEqual([]);
      });
    }

    const withFixed = checked.filter((file) => existsSync(file.path.replace(/\.md$/, '.fixed.md')));
    if (withFixed.length === 0) return;
    it.each(withFixed.map((file) => [file.path.slice(dir.length + 1), file] as const))('%s: --fix gives the .fixed.md text, which then passes and stays put', async (_name, file) => {
      const fixes = chosenFixes(file.findings);
      expect(fixes.length).toBeGreaterThan(0);
      const fixedRules = new Set(file.findings.filter((finding) => finding.fixes.some((fix) => fixes.includes(fix))).map((finding) => finding.ruleId));
      // Like --fix: apply, re-check, repeat while fixes apply (overlapping fixes wait for the next round).
      let fixed = file.text;
      for (let round = 0; round < 5; round++) {
        const current = (await checkFolder(dir, { [file.path]: fixed })).find((other) => other.path === file.path)!;
        const next = applyFixes(fixed, chosenFixes(current.findings.filter((finding) => fixedRules.has(finding.ruleId)))).text;
        if (next === fixed) break;
        fixed = next;
      }
      expect(fixed).toBe(readFileSync(file.path.replace(/\.md$/, '.fixed.md'), 'utf8'));
      // Nothing the user wrote is lost: every body line is still there, in order.
      expect(isSubsequence(file.text, fixed)).toBe(true);
      const again = (await checkFolder(dir, { [file.path]: fixed })).find((other) => other.path === file.path)!;
      expect(again.findings.filter((finding) => fixedRules.has(finding.ruleId) && finding.fixes.some((fix) => fix.automatic))).toEqual([]);
      expect(applyFixes(fixed, chosenFixes(again.findings.filter((finding) => fixedRules.has(finding.ruleId)))).text).toBe(fixed);
    });
  });
});

/** The fixes a fixture applies: every automatic one, and the quick fix that claims a control (never automatic: the author's decision). */
function chosenFixes(findings: Finding[]): Fix[] {
  return [...automaticFixes(findings), ...findings.flatMap((finding) => finding.fixes.filter((fix) => fix.claims?.length).slice(0, 1))];
}

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;

/** True when every body line of `original` is still in `result`, unchanged and in order (fixes only add to the body). */
function isSubsequence(original: string, result: string): boolean {
  const before = original.replace(FRONTMATTER, '').split('\n');
  const after = result.replace(FRONTMATTER, '').split('\n');
  let position = 0;
  for (const line of before) {
    while (position < after.length && after[position] !== line) position++;
    if (position === after.length) return false;
    position++;
  }
  return true;
}
