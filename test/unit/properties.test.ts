import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../server/src/catalog/load';
import { defaultConfig } from '../../server/src/config/load';
import { readFrontmatter } from '../../server/src/document/frontmatter';
import { applyFixes, automaticFixes } from '../../server/src/findings/applyFixes';
import { checkedFixRound, type CheckedText } from '../../server/src/findings/checkedFixes';
import { frontmatterKept } from '../../server/src/findings/frontmatterKept';
import { PolicySet } from '../../server/src/engine/policySet';
import { pathological } from '../helpers/pathological';

const catalog = loadCatalog();
const config = defaultConfig('/ws');
const controlIds = catalog.controls.map((control) => control.id);
const headings = catalog.controls.flatMap((control) => control.elements.flatMap((element) => [element.title, ...element.aliases])).slice(0, 300);

/** Pieces real policy documents are made of, plus the kinds of damage editing does to them. */
const frontmatterLine = fc.oneof(
  fc.constantFrom('id: POL-1', 'id: [broken', 'title: "T"', 'status: approved', 'status: aproved', 'type: policy', 'owner:', 'version: 1.0', 'last-reviewed: 2020-02-30', 'effective: 2025-01-01', 'review-every: 6 months', 'related: [POL-2, X]', 'excludes:\n  - clause: 11.1.6\n    justification: ""', 'a: &a [1,2]\nb: *a', 'x-custom: yes', '\tbad: tab'),
  fc.subarray(controlIds, { maxLength: 6 }).map((ids) => `clauses: [${ids.join(', ')}]`),
  fc.string({ maxLength: 30 }).map((text) => `k: ${text}`),
);
/** Markdown on which remark's parse time grows faster than its size (issue #15), at sizes up to those that took seconds. */
const pathologicalBlock = fc.oneof(
  fc.integer({ min: 1, max: 5000 }).map((depth) => `${'- '.repeat(depth)}x`),
  fc.integer({ min: 1, max: 7500 }).map((pairs) => `${'*_'.repeat(pairs)}x${'_*'.repeat(pairs)}`),
  fc.integer({ min: 1, max: 1000 }).map((depth) => Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- item`).join('\n')),
  fc.integer({ min: 1, max: 10000 }).map((count) => `${'_a*'.repeat(count)}x`),
  fc.integer({ min: 1, max: 5000 }).map((depth) => `${'> '.repeat(depth)}x`),
);
const ordinaryBlock = fc.oneof(
  fc.constantFrom(...headings).map((title) => `## ${title}\n\nWe do this every week.`),
  fc.constantFrom(...headings).map((title) => `- **${title}**: TODO`),
  fc.constantFrom(...controlIds).map((id) => `See ISO 27799 ${id} and §${id}.`),
  fc.constantFrom('[x](missing.md)', '<!-- clausewise-disable -->', '```\ncode\n```', '| a | b |\n|---|---|\n| 1 | 2 |', '> quote', '***', '<div>html</div>', '\u0000', '\r\n', '\uFEFF'),
  fc.string({ maxLength: 80 }),
);
/** About one document in ten holds a pathological block: the rest keep testing the ordinary analysis. */
const bodyBlock = fc.oneof({ arbitrary: ordinaryBlock, weight: 60 }, { arbitrary: pathologicalBlock, weight: 1 });
const documentText = fc
  .tuple(fc.boolean(), fc.array(frontmatterLine, { maxLength: 10 }), fc.array(bodyBlock, { maxLength: 20 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([fenced, lines, blocks, newline]) => `${fenced ? `---\n${lines.join('\n')}\n---\n` : ''}${blocks.join('\n\n')}\n`.replace(/\n/g, newline));
/** Damage: cut the text anywhere, or splice random characters in. */
const damaged = fc.oneof(
  documentText,
  fc.tuple(documentText, fc.nat()).map(([text, cut]) => text.slice(0, cut % (text.length + 1))),
  fc.tuple(documentText, fc.nat(), fc.string({ maxLength: 10 })).map(([text, at, junk]) => text.slice(0, at % (text.length + 1)) + junk + text.slice(at % (text.length + 1))),
);

/** A policy whose frontmatter is written block, flow or JSON style, with keys missing, and a body that may end inside an open block. */
const styledPolicy = fc
  .tuple(
    fc.subarray([['id', 'POL-1'], ['title', 'Access, and more'], ['type', 'policy'], ['owner', 'CISO'], ['status', 'draft'], ['version', '1.0.0']] as const),
    fc.subarray(controlIds, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('block', 'flow', 'json', 'json-lines'),
    fc.array(bodyBlock, { maxLength: 8 }),
    fc.constantFrom('', '```\ncode', '<!-- a note\nstill the note', '~~~~\ncode\n~~~', '<pre>\nx'),
  )
  .map(([pairs, ids, style, blocks, ending]) => {
    const data: Record<string, unknown> = { ...Object.fromEntries(pairs), clauses: ids };
    const frontmatter =
      style === 'block' ? Object.entries(data).map(([key, value]) => `${key}: ${Array.isArray(value) ? `[${value.join(', ')}]` : JSON.stringify(value)}`).join('\n')
      : style === 'flow' ? `{${Object.entries(data).map(([key, value]) => `${key}: ${Array.isArray(value) ? `[${value.join(', ')}]` : JSON.stringify(value)}`).join(', ')}}`
      : JSON.stringify(data, null, style === 'json' ? undefined : 2);
    return `---\n${frontmatter}\n---\n# Policy\n\n${[...blocks, ending].join('\n\n')}\n`;
  });

/** The body's lines (after the frontmatter), for checking that fixes only add to them. */
function bodyLines(text: string): string[] {
  return text.slice(readFrontmatter(text)?.range.end ?? 0).split('\n');
}

function isSubsequence(lines: string[], of: string[]): boolean {
  let position = 0;
  for (const line of lines) {
    while (position < of.length && of[position] !== line) position++;
    if (position++ === of.length) return false;
  }
  return true;
}

function checkText(text: string) {
  const set = new PolicySet(config, catalog);
  const { document, summary } = set.add('/ws/doc.md', text);
  return { document, summary, findings: set.check(document, summary, { today: '2026-06-01', fileExists: () => false }) };
}

describe('properties of the analysis over generated and damaged documents', () => {
  it('never throws, and every finding and fix lies inside the document', () => {
    fc.assert(
      fc.property(damaged, (text) => {
        const { document, findings } = checkText(text);
        for (const finding of findings) {
          expect(finding.range.start).toBeGreaterThanOrEqual(0);
          expect(finding.range.end).toBeGreaterThanOrEqual(finding.range.start);
          expect(finding.range.end).toBeLessThanOrEqual(document.text.length);
          expect(finding.message).not.toMatch(/failed on this document/);
          for (const edit of finding.fixes.flatMap((fix) => fix.edits)) expect(edit.range.end).toBeLessThanOrEqual(document.text.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses the pathological inputs quickly with document-too-complex, before any parse runs away', () => {
    fc.assert(
      fc.property(fc.tuple(documentText, pathologicalBlock, fc.nat()), ([text, hostile, at]) => {
        const cut = at % (text.length + 1);
        const started = performance.now();
        checkText(`${text.slice(0, cut)}\n\n${hostile}\n\n${text.slice(cut)}`);
        // Generous: each of these took remark seconds at the larger sizes; refused or parsed, none may now.
        expect(performance.now() - started).toBeLessThan(2000);
      }),
      { numRuns: 60 },
    );
    for (const [name, body] of Object.entries(pathological)) {
      const started = performance.now();
      const { findings } = checkText(`---\nid: POL-1\nclauses: [9.4.2]\n---\n${body}`);
      expect(performance.now() - started, name).toBeLessThan(2000);
      expect(findings.map((finding) => finding.ruleId), name).toEqual(['document-too-complex']);
    }
  });

  it('applying the automatic fixes never throws and a second round changes less', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const first = checkText(text);
        const once = applyFixes(first.document.text, automaticFixes(first.findings)).text;
        expect(once.length).toBeGreaterThanOrEqual(first.document.text.length - 20);
        const second = checkText(once);
        expect(automaticFixes(second.findings).length).toBeLessThanOrEqual(automaticFixes(first.findings).length);
      }),
      { numRuns: 100 },
    );
  });

  it('checked fixes, applied round after round as --fix does, settle; they keep every body line, the frontmatter and the policy, and a further round changes nothing', () => {
    const checked = (text: string): CheckedText => {
      const { document, summary, findings } = checkText(text);
      return { text: document.text, findings, isPolicy: summary.isPolicy };
    };
    fc.assert(
      fc.property(styledPolicy, (text) => {
        const original = checked(text);
        let current = original;
        let settled = false;
        for (let round = 0; round < 8 && !settled; round++) {
          const fixed = checkedFixRound(current, checked);
          settled = fixed.applied.length === 0;
          if (!settled) current = fixed.after!;
        }
        expect(settled).toBe(true);
        expect(isSubsequence(bodyLines(original.text), bodyLines(current.text))).toBe(true);
        expect(frontmatterKept(readFrontmatter(original.text), readFrontmatter(current.text), [])).toBe(true);
        expect(current.isPolicy).toBe(original.isPolicy);
        // Like a second --fix: a fresh check of the result finds nothing left to fix.
        expect(checkedFixRound(checked(current.text), checked).applied).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('stays bounded on pathological input (no runaway parsing or regular expressions)', () => {
    const hostile = [
      `---\n${'a: '.repeat(5000)}\n---\n`,
      `${'**'.repeat(20000)}\n`,
      `${'['.repeat(20000)}\n`,
      `${'#'.repeat(10000)} x\n`,
      `${'§9.'.repeat(10000)}\n`,
      `---\n${'- '.repeat(5000)}x\n---\n`,
      `${'> '.repeat(5000)}x\n`,
      `${'ISO 27799 '.repeat(5000)}\n`,
      ...Object.values(pathological),
    ];
    for (const text of hostile) {
      const started = performance.now();
      checkText(text);
      // A generous bound: this catches hangs (catastrophic backtracking), not slowness; speed is a benchmark's job.
      expect(performance.now() - started, text.slice(0, 20)).toBeLessThan(10_000);
    }
  });
});
