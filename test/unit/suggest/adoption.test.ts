import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../server/src/catalog/load';
import { parsePolicyDocument } from '../../../server/src/document/parse';
import { proposeFrontmatter } from '../../../server/src/suggest/adoption';
import { guessDocumentType } from '../../../server/src/suggest/documentType';
import { prependDiff } from '../../../server/src/suggest/prependDiff';

const catalog = loadCatalog();
const backup = '# Backup Procedure\n\n## Backup schedule\n\nNightly backups of {{system}} for [Company Name].\n\n## Restore testing\n\nRestores are tested each quarter.\n';
const propose = (path: string, text: string, taken = new Set<string>()) =>
  proposeFrontmatter(parsePolicyDocument(path, text), catalog, { minScore: 0.45, top: 8, takenIds: taken });

describe('proposing frontmatter for an untagged document', () => {
  it('takes the id from the file name, the title from the first heading, and clauses above the threshold', () => {
    const proposal = propose('/ws/policies/backup-procedure.md', backup);
    expect(proposal.block).toBe('---\nid: BACKUP-PROCEDURE\ntitle: Backup Procedure\ntype: procedure\nowner: TODO\nstatus: draft\nversion: 0.1.0\nclauses:\n  - 12.3.1\n---\n');
    expect(proposal.text).toBe(proposal.block + backup);
    expect(proposal.chosen.map((suggestion) => suggestion.control.id)).toEqual(['12.3.1']);
  });

  it('respects --top and lists the clauses in catalog order', () => {
    const proposal = proposeFrontmatter(parsePolicyDocument('/ws/a.md', backup), catalog, { minScore: 0, top: 3, takenIds: new Set() });
    expect(proposal.clauses).toHaveLength(3);
    expect(proposal.clauses).toEqual([...proposal.clauses].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
  });

  it('keeps a byte-order mark first and writes CRLF frontmatter into a CRLF file', () => {
    const crlf = backup.replace(/\n/g, '\r\n');
    const proposal = propose('/ws/b.md', `\uFEFF${crlf}`);
    expect(proposal.text.startsWith('\uFEFF---\r\nid: B\r\n')).toBe(true);
    expect(proposal.text.endsWith(`---\r\n${crlf}`)).toBe(true);
    expect(proposal.block.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('makes ids unique and quotes titles YAML would misread', () => {
    const taken = new Set(['BACKUP']);
    expect(propose('/ws/backup.md', backup, taken).id).toBe('BACKUP-2');
    expect(propose('/x/backup.md', backup, taken).id).toBe('BACKUP-3');
    expect(propose('/ws/t.md', '# {{company}} Backup: schedule\n\nNightly backup.\n').block).toContain('title: "{{company}} Backup: schedule"\n');
    expect(propose('/ws/t.md', 'Setext title\nacross lines\n---\n\nNightly backup.\n').title).toBe('Setext title across lines');
    // A subsection's heading further down names a section, not the document.
    expect(propose('/ws/visitor-rules.md', 'Visitors sign in at reception.\n\n## Escorting\n\nVisitors are escorted.\n').title).toBe('Visitor rules');
    expect(propose('/ws/nightly_backups.md', 'Nightly backup and restore testing.\n').title).toBe('Nightly backups');
  });
});

describe('guessing the document type', () => {
  const type = (path: string, text = '# Untitled\n') => {
    const document = parsePolicyDocument(path, text);
    return guessDocumentType(document, document.title);
  };
  it.each([
    ['/ws/access-control-policy.md', 'policy'],
    ['/ws/backup-procedure.md', 'procedure'],
    ['/ws/encryption-standard.md', 'standard'],
    ['/ws/home-working-guidelines.md', 'guideline'],
    ['/ws/continuity-plan.md', 'plan'],
    ['/ws/risk-register.md', 'record'],
    ['/ws/procedures/onboarding.md', 'procedure'],
    ['/ws/misc/notes.md', 'policy'],
  ])('%s is a %s', (path, expected) => {
    expect(type(path)).toBe(expected);
  });
  it('reads the title and step headings too', () => {
    expect(type('/ws/a.md', '# Incident Response Plan\n')).toBe('plan');
    expect(type('/ws/b.md', '# Onboarding\n\n## Step 1\n\nDo this.\n')).toBe('procedure');
  });
});

describe('the unified diff of a prepended block', () => {
  it('shows the added lines and three lines of context', () => {
    expect(prependDiff('p/a.md', '---\nid: A\n---\n', '# A\r\n\r\nText.\r\nMore.\r\n')).toBe(
      '--- a/p/a.md\n+++ b/p/a.md\n@@ -1,3 +1,6 @@\n+---\n+id: A\n+---\n # A\n \n Text.\n',
    );
  });
  it('handles an empty file and a last line without a newline', () => {
    expect(prependDiff('a.md', '---\n---\n', '')).toBe('--- a/a.md\n+++ b/a.md\n@@ -0,0 +1,2 @@\n+---\n+---\n');
    expect(prependDiff('a.md', '---\n---\n', '# A')).toBe('--- a/a.md\n+++ b/a.md\n@@ -1,1 +1,3 @@\n+---\n+---\n # A\n\\ No newline at end of file\n');
  });
});
