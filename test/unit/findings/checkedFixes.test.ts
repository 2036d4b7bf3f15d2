import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../server/src/catalog/load';
import { defaultConfig } from '../../../server/src/config/load';
import { readFrontmatter } from '../../../server/src/document/frontmatter';
import { checkedFixRound, fixKey, type CheckedText } from '../../../server/src/findings/checkedFixes';
import { frontmatterKept } from '../../../server/src/findings/frontmatterKept';
import type { Finding, Fix } from '../../../server/src/findings/types';
import { PolicySet } from '../../../server/src/engine/policySet';

const set = new PolicySet(defaultConfig('/ws'), loadCatalog());
const PATH = '/ws/doc.md';

function check(text: string): CheckedText {
  const { summary, findings } = set.preview(PATH, text, { today: '2026-06-01', fileExists: () => false });
  return { text, findings, isPolicy: summary.isPolicy };
}

/** A finding of `ruleId` (the first) given a hand-made fix instead of its own, as a faulty rule would offer it. */
function withFix(checked: CheckedText, ruleId: string, fix: Fix): CheckedText {
  const index = checked.findings.findIndex((finding) => finding.ruleId === ruleId);
  expect(index, ruleId).toBeGreaterThanOrEqual(0);
  const findings = checked.findings.map((finding, at): Finding => ({ ...finding, fixes: at === index ? [fix] : [] }));
  return { ...checked, findings };
}

const insert = (at: number, newText: string): Fix => ({ title: 'hand-made', automatic: true, edits: [{ range: { start: at, end: at }, newText }] });
const replace = (start: number, end: number, newText: string): Fix => ({ title: 'hand-made', automatic: true, edits: [{ range: { start, end }, newText }] });

const policy = (frontmatter: string, body: string) => `---\n${frontmatter}---\n${body}`;
const block = 'id: P1\ntitle: P\ntype: policy\nstatus: draft\nversion: 1.0.0\nclauses: [9.2.5]\n';

describe('fixes checked before they are kept', () => {
  it('holds back a fix whose finding remains (a section appended inside an unclosed code fence), keeping the text', () => {
    const text = policy(block.replace('status', 'owner: CISO\nstatus'), '# P\n\n```\ncode\n');
    const checked = withFix(check(text), 'missing-element', insert(text.length, '\n## Access reviewers\n\nTODO: who.\n'));
    const round = checkedFixRound(checked, check);
    expect(round.applied).toEqual([]);
    expect(round.withheld.map(({ finding }) => finding.ruleId)).toEqual(['missing-element']);
    expect(round.text).toBe(text);
  });

  it('refuses a fix that breaks the frontmatter (a block key after a flow mapping), and still applies the others', () => {
    const text = policy('{id: P1, title: P, type: policy, status: draft, version: 1.0.0, clauses: [9.2.5]}\n', '# P\n\nText.\n');
    const checked = check(text);
    const ownerFinding = checked.findings.find((finding) => finding.ruleId === 'required-field')!;
    const broken = withFix(checked, 'required-field', insert(text.indexOf('---\n#'), 'owner: TODO\n'));
    // The missing sections keep their own fixes.
    const findings = broken.findings.map((finding, index) => (finding.ruleId === 'missing-element' ? checked.findings[index]! : finding));
    const round = checkedFixRound({ ...broken, findings }, check);
    expect(round.withheld.map(({ finding }) => finding.message)).toEqual([ownerFinding.message]);
    expect(round.applied.length).toBeGreaterThan(0);
    expect(round.applied.every(({ finding }) => finding.ruleId === 'missing-element')).toBe(true);
    expect(round.text.startsWith(text)).toBe(true);
    expect(readFrontmatter(round.text)!.data).toMatchObject({ id: 'P1', clauses: ['9.2.5'] });
  });

  it('holds back a fix after which the document is no longer a policy', () => {
    const text = policy(block, '# P\n\nText.\n');
    const at = text.indexOf('clauses');
    const round = checkedFixRound(withFix(check(text), 'required-field', replace(at, at + 'clauses'.length, 'owner: TODO\nclause')), check);
    expect(round.applied).toEqual([]);
    expect(round.text).toBe(text);
  });

  it('does not try a fix named as withheld', () => {
    const text = policy(block, '# P\n\nText.\n');
    const checked = check(text);
    const owner = checked.findings.find((finding) => finding.ruleId === 'required-field')!;
    const round = checkedFixRound(checked, check, new Set([fixKey({ finding: owner, fix: owner.fixes[0]! })]));
    expect(round.applied.map(({ finding }) => finding)).not.toContain(owner);
    expect(round.text).not.toContain('owner:');
  });

  it('keeps every fix that does its job, and gives the re-checked result', () => {
    const text = policy(block, '# P\n\nText.\n');
    const round = checkedFixRound(check(text), check);
    expect(round.withheld).toEqual([]);
    expect(round.text).toContain('owner: TODO\n');
    expect(round.after!.findings.filter((finding) => finding.ruleId === 'missing-element' || finding.ruleId === 'required-field')).toEqual([]);
  });
});

describe('frontmatterKept', () => {
  const kept = (before: string, after: string, edits: Fix['edits'] = []) => frontmatterKept(readFrontmatter(`---\n${before}---\n`), readFrontmatter(`---\n${after}---\n`), edits);
  const at = (text: string, part: string) => ({ start: `---\n${text}`.indexOf(part), end: `---\n${text}`.indexOf(part) + part.length });

  it('accepts added keys and lists that only grew', () => {
    expect(kept('id: P\nclauses: [9.2.5]\n', 'id: P\nclauses: [9.2.5, 9.4.2]\nowner: TODO\n')).toBe(true);
    expect(kept('id: P\nclauses:\n', 'id: P\nclauses: [9.2.5]\n')).toBe(true);
  });

  it('refuses a frontmatter that no longer parses, a lost key, or a value an insertion changed', () => {
    expect(kept('{id: P, clauses: [9.2.5]}\n', '{id: P, clauses: [9.2.5]}\nowner: TODO\n')).toBe(false);
    expect(kept('id: P\nclauses: [9.2.5]\n', 'id: P\n')).toBe(false);
    expect(kept('id: P\nnote: |\n  kept\n', 'id: P\nnote: |\n  kept\n  owner: TODO\n')).toBe(false);
    expect(kept('id: P\nclauses: [9.2.5, 9.4.2]\n', 'id: P\nclauses: [9.4.2]\n')).toBe(false);
  });

  it('accepts a key or value that an edit replaced on purpose (a rename, an enum value put right)', () => {
    const text = 'id: P\nstatus: aproved\nstauts: draft\n';
    expect(kept(text, 'id: P\nstatus: approved\nstauts: draft\n', [{ range: at(text, 'aproved'), newText: 'approved' }])).toBe(true);
    expect(kept(text, 'id: P\nstatus: aproved\nstatus2: draft\n', [{ range: at(text, 'stauts'), newText: 'status2' }])).toBe(true);
    // The edit replaced another key's value: this one may not change.
    expect(kept(text, 'id: Q\nstatus: approved\nstauts: draft\n', [{ range: at(text, 'aproved'), newText: 'approved' }])).toBe(false);
  });

  it('lets a document without frontmatter gain one only when it parses', () => {
    expect(frontmatterKept(undefined, readFrontmatter('---\nid: P\n---\n'), [])).toBe(true);
    expect(frontmatterKept(undefined, readFrontmatter('---\nid: [P\n---\n'), [])).toBe(false);
  });
});
