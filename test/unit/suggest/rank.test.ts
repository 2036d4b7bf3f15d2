import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../server/src/catalog/load';
import { parsePolicyDocument } from '../../../server/src/document/parse';
import { suggestClauses } from '../../../server/src/suggest/rank';

const catalog = loadCatalog();
const suggest = (text: string, limit = 10) => suggestClauses(parsePolicyDocument('/ws/doc.md', text), catalog, { limit });
const ids = (text: string, limit = 10) => suggest(text, limit).map((suggestion) => suggestion.control.id);

const passwordPolicy = `# Password Policy

This policy sets the rules for passwords that staff of {{companyShortName}} use to sign in.

## Password requirements

Passwords have at least 12 characters and are checked against lists of breached passwords.

## Protecting your password

Keep your password secret: never share it, never write it down, and change it at once when you
suspect someone else knows it. Do not use your work password for any other service.

## Password changes

Systems block reuse of the last ten passwords.
`;

const backupProcedure = `# Backup Procedure

[Company Name] backs up every production database each night.

## Backup schedule

Full backups run every Sunday and incremental backups every night. Copies are kept for 35 days.

## Restore testing

Each quarter the operations team restores one backup into a test environment and records the result.
`;

describe('suggesting clauses for a document', () => {
  it('ranks 9.4.3 and 9.3.1 at the top for a password policy', () => {
    const top = ids(passwordPolicy, 3);
    expect(top[0]).toBe('9.4.3');
    expect(top).toContain('9.3.1');
  });

  it('ranks 12.3.1 first for a backup procedure', () => {
    expect(ids(backupProcedure)[0]).toBe('12.3.1');
  });

  it('gives a score and reasons: matching headings, then the shared terms', () => {
    const [first] = suggest(backupProcedure);
    expect(first!.score).toBeGreaterThan(0.5);
    expect(first!.score).toBeLessThan(1);
    expect(first!.reasons.map((reason) => reason.text)).toEqual(
      expect.arrayContaining([
        "heading 'Backup schedule' matches element 12.3.1/backup-schedule",
        "heading 'Restore testing' matches element 12.3.1/restore-testing",
        expect.stringMatching(/^terms: .*backup/),
      ]),
    );
    for (const suggestion of suggest(passwordPolicy)) expect(suggestion.reasons.length).toBeGreaterThan(0);
  });

  it('counts a bold lead-in like a heading and a citation of the clause', () => {
    const [first] = suggest('# Logs\n\n**Log review.** Logs are reviewed every week, see ISO 27799 12.4.1.\n');
    expect(first!.control.id).toBe('12.4.1');
    expect(first!.reasons.map((reason) => reason.kind)).toEqual(expect.arrayContaining(['element-heading', 'mention', 'terms']));
  });

  it('lifts the controls of the same category and says why', () => {
    const physical = `# Physical Security Policy

## Secure areas

Server rooms are locked; only badge holders named by the facilities manager enter.

## Visitors

Visitors sign in at reception, wear a visitor badge and are escorted at all times.

## Equipment

Workstations in clinical areas face away from public view and laptops are cable-locked.
`;
    const top = suggest(physical);
    expect(top.every((suggestion) => suggestion.control.id.startsWith('11.'))).toBe(true);
    const equipment = top.find((suggestion) => suggestion.control.id === '11.2.1');
    expect(equipment!.reasons.map((reason) => reason.text)).toContain('controls elsewhere in 11 Physical and environmental security match too');
  });

  it('reads the words of the corresponding ISO/IEC 27002:2022 titles ("Privacy and protection of PII")', () => {
    const [first] = suggest('# Handling PII\n\nPII is collected only for a stated purpose, kept no longer than that purpose needs, and shared only\nwith people who need it.\n');
    expect(first!.control.id).toBe('18.1.4');
    expect(first!.reasons.find((reason) => reason.kind === 'terms')!.text).toMatch(/^terms: pii\b/);
  });

  it('returns the same ranking, scores and reasons for the same text', () => {
    expect(suggest(passwordPolicy, 114)).toEqual(suggest(passwordPolicy, 114));
    expect(suggest(backupProcedure, 114)).toEqual(suggest(backupProcedure, 114));
  });

  it('orders by score, then catalog order, and keeps every score within 0 to 1', () => {
    const catalogOrder = new Map(catalog.controls.map((control, index) => [control.id, index]));
    const all = suggest(passwordPolicy, 114);
    expect(all.length).toBeGreaterThanOrEqual(10);
    for (let i = 1; i < all.length; i++) {
      const [before, after] = [all[i - 1]!, all[i]!];
      expect(before.score).toBeGreaterThanOrEqual(after.score);
      if (before.score === after.score) {
        expect(catalogOrder.get(before.control.id)!, `${before.control.id} before ${after.control.id}`).toBeLessThan(catalogOrder.get(after.control.id)!);
      }
    }
    for (const suggestion of all) {
      expect(suggestion.score).toBeGreaterThan(0);
      expect(suggestion.score).toBeLessThanOrEqual(1);
    }
    // Two citations and nothing else score the same; the tie keeps catalog order, not the order of the text.
    const tied = suggest('# X\n\nISO 27799 12.3.1 and ISO 27799 11.1.1\n');
    expect(tied.map((suggestion) => suggestion.control.id)).toEqual(['11.1.1', '12.3.1']);
    expect(tied[0]!.score).toBe(tied[1]!.score);
  });

  it('ranks one category alone with the scores and reasons a full ranking gives its controls', () => {
    for (const [text, categoryId] of [[backupProcedure, '12'], [passwordPolicy, '9'], [passwordPolicy, '12']] as const) {
      const document = parsePolicyDocument('/ws/doc.md', text);
      const full = suggestClauses(document, catalog).filter((suggestion) => suggestion.control.categoryId === categoryId);
      const alone = suggestClauses(document, catalog, { categoryId });
      expect(alone.map((suggestion) => suggestion.control.categoryId).every((id) => id === categoryId)).toBe(true);
      expect(alone.map(({ control, score, reasons }) => [control.id, score, reasons])).toEqual(full.map(({ control, score, reasons }) => [control.id, score, reasons]));
    }
  });

  it('marks the controls the frontmatter already claims', () => {
    const text = `---\nid: P\nclauses: [9.4.3, "12.3.1"]\n---\n${passwordPolicy}`;
    const claimed = suggest(text).filter((suggestion) => suggestion.claimed).map((suggestion) => suggestion.control.id);
    expect(claimed).toEqual(['9.4.3']);
  });

  it('is not thrown off by template placeholders, and finds nothing in an empty or placeholder-only text', () => {
    const templated = passwordPolicy.replace(/staff/g, '{{#hr}}staff{{/hr}} [Company Name]').replace('Password Policy', '{{companyName}} Password Policy');
    expect(ids(templated, 3)).toEqual(ids(passwordPolicy, 3));
    expect(suggest('')).toEqual([]);
    expect(suggest('{{companyShortName}} {{{logo}}}\n\n[Company Name]')).toEqual([]);
  });

  it('uses the elements a config adds', () => {
    const text = '# Clinic access\n\n## Badge tap-and-go\n\nClinicians switch users by tapping their badge.\n';
    const without = suggest(text, 114).find((suggestion) => suggestion.control.id === '9.4.2');
    const withAlias = suggestClauses(parsePolicyDocument('/ws/doc.md', text), catalog, {
      elementsOf: (control) => (control.id === '9.4.2' ? [...control.elements, { id: 'badge-tap', title: 'Badge tap-and-go', aliases: [], prompt: '', evidence: [] }] : control.elements),
    }).find((suggestion) => suggestion.control.id === '9.4.2');
    expect(withAlias!.score).toBeGreaterThan(without?.score ?? 0);
    expect(withAlias!.reasons[0]!.text).toBe("heading 'Badge tap-and-go' matches element 9.4.2/badge-tap");
  });
});
