import { describe, expect, it } from 'vitest';
import type { ControlPage, ExclusionRegister } from '../../../server/src/protocol/controlMessages';
import { controlPageHtml } from '../../../client/src/report/controlPage';
import { exclusionRegisterHtml } from '../../../client/src/report/exclusionRegister';

const catalog = { id: 'iso27799-2016', name: 'ISO 27799:2016', short: '27799' };

const page: ControlPage = {
  catalog, today: '2026-12-05', id: '12.3.1', title: 'Information backup', place: ['12 Operations security', '12.3 Backup'],
  summary: 'Copies <that> restore.', essential: true, state: 'partial', reasons: ['STD-1 misses restore-testing'],
  elements: [{ id: 'backup-schedule', title: 'Backup schedule' }, { id: 'restore-testing', title: 'Restore testing' }],
  claims: [{
    uri: 'file:///ws/b.md', path: 'b.md', documentId: 'STD-1', title: 'Backups', owner: 'Head of IT', status: 'approved', version: '2.1.0', approvedBy: 'Board',
    effective: '2026-01-10', lastReviewed: '2026-06-01', reviewDue: '2027-06-01', overdue: false, complete: false, line: 11,
    elements: [
      { id: 'backup-schedule', title: 'Backup schedule', state: 'prose', line: 19, quote: 'Database backups are taken <nightly>.', marks: [{ start: 9, end: 15 }, { start: 21, end: 26 }] },
      { id: 'restore-testing', title: 'Restore testing', state: 'missing', marks: [], hint: 'Say how often restores are tried.' },
    ],
  }],
  exclusions: [],
  mappings: [{ framework: 'hipaa', title: 'HIPAA Security Rule', notes: ['derived, not official'], links: [{ id: '164.308(a)(7)(ii)(A)', title: 'Data backup plan', addedInReview: false }] }],
};

describe('the control page', () => {
  const html = controlPageHtml(page, 'NONCE1');

  it('marks the matched words of the quote and escapes the document\'s text', () => {
    expect(html).toContain('<blockquote>Database <mark>backup</mark>s are <mark>taken</mark> &lt;nightly&gt;.</blockquote>');
    expect(html).toContain('Copies &lt;that&gt; restore.');
    expect(html).not.toContain('<nightly>');
  });

  it('shows each element\'s state in words and a mark, with a link to its line (one-based for people) and the hint when missing', () => {
    expect(html).toMatch(/<tr data-element="backup-schedule" data-state="prose"><th scope="row">Backup schedule<\/th><td><span class="badge t-good"><span aria-hidden="true">✓<\/span> in the text<\/span>/);
    expect(html).toContain('data-uri="file:///ws/b.md" data-line="19"');
    expect(html).toContain('>line 20</a>');
    expect(html).toMatch(/data-state="missing">.*✗<\/span> not found.*To write: Say how often restores are tried\./);
  });

  it('lists the document\'s owner, version and approval, and the mappings', () => {
    for (const fact of ['<dt>Owner</dt><dd>Head of IT</dd>', '<dt>Version</dt><dd>2.1.0</dd>', '<dt>Approved by</dt><dd>Board</dd>', '<dt>Review due</dt><dd>2027-06-01</dd>']) expect(html).toContain(fact);
    expect(html).toContain('164.308(a)(7)(ii)(A) Data backup plan');
    expect(html).toContain("script-src 'nonce-NONCE1'");
  });
});

describe('the exclusion register page', () => {
  const register: ExclusionRegister = {
    catalog, today: '2026-12-05',
    entries: [
      { controlId: '8.3.3', controlTitle: 'Physical media transfer', uri: 'file:///ws/soa.md', path: 'soa.md', documentId: 'SOA-1', owner: 'CISO', justification: 'No media leave.', until: '2025-01-31', expired: true, valid: false, problems: ['expired on 2025-01-31'], effect: 'expired on 2025-01-31: 8.3.3 is back in scope', line: 22 },
      { controlId: '6.1.9', uri: 'file:///ws/soa.md', path: 'soa.md', justification: 'x', expired: false, valid: false, problems: ['6.1.9 is not a control of ISO 27799:2016'], effect: 'unknown control, no effect', line: 20 },
      { controlId: '11.1.6', readAs: [{ id: '7.2', title: 'Physical entry' }], uri: 'file:///ws/soa.md', path: 'soa.md', justification: 'No dock here at all.', expired: false, valid: false, problems: [], effect: '11.1.6 (2013) — partial: 7.2 stays in scope until 11.1.2 is also excluded', line: 13 },
    ],
  };
  const html = exclusionRegisterHtml(register, 'N');

  it('shows the entries in the server\'s order with their standing in words, a link to the control page and to the line', () => {
    expect(html.indexOf('8.3.3')).toBeLessThan(html.indexOf('6.1.9'));
    expect(html).toContain('3 exclusions · 1 expired · 2 not valid · 0 in force · as of 2026-12-05');
    expect(html).toContain('✗</span> expired 2025-01-31</span>');
    expect(html).toContain('data-control="8.3.3"');
    expect(html).not.toContain('data-control="6.1.9"');
    expect(html).toContain('data-uri="file:///ws/soa.md" data-line="22"');
    expect(html).toContain('SOA-1, line 23</a>');
    // A 2013 id under the 2022 catalog links to the page of the control it is read as.
    expect(html).toMatch(/<td>11\.1\.6 <span class="muted">read as<\/span> <a href="#" data-control="7\.2"[^>]*>7\.2<\/a> Physical entry<\/td>/);
    // What each entry does to coverage, and a partial one marked so, not as in force.
    expect(html).toContain('<td>unknown control, no effect</td>');
    expect(html).toMatch(/<td>11\.1\.6 \(2013\) — partial: 7\.2 stays in scope until 11\.1\.2 is also excluded<\/td>.*◐<\/span> partial<\/span><\/td><\/tr>/);
  });
});
