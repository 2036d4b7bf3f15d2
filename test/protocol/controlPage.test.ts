import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ControlPage, ExclusionRegister } from '../../server/src/protocol/controlMessages';
import { CoverageReportRequest, type RenderedCoverageReport } from '../../server/src/protocol/customMessages';
import { tempWorkspace } from '../helpers/tempWorkspace';
import { positionOf, startServer, uriOf, type TestServer } from './helpers/languageClient';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const frontmatter = (id: string, rest: string) =>
  `---\nid: ${id}\ntitle: ${id} title\ntype: standard\nowner: Head of IT\nstatus: approved\nversion: 2.1.0\napproved-by: IG Committee\neffective: 2026-01-10\nlast-reviewed: 2026-06-01\nreview-every: 12 months\n${rest}---\n`;

const backup = `${frontmatter('STD-BK-009', 'clauses: [12.3.1]\n')}# Backup Standard

## Backup scope

The EHR database, the imaging archive and the laboratory system are backed up.

Database backups are taken every night as full copies.

## Backup retention

TBD
`;

const exclusions = `${frontmatter('SOA-EX-001', 'clauses: []\nexcludes:\n  - clause: 11.1.6\n    justification: The clinic has no delivery or loading area of its own at all.\n  - clause: 6.2.2\n    justification: Nobody in this clinic works away from its premises.\n    until: 2026-03-31\n  - clause: 11.2.5\n    justification: N/A\n  - clause: 6.1.9\n    justification: Written with an id the catalog does not have.\n  - clause: 8.3.3\n    justification: No removable media leave this clinic at any time.\n    until: 2025-01-31\n')}# Exclusions\n`;

async function workspace(clientCommands: string[] = []): Promise<string> {
  const root = tempWorkspace({ '.clausewise.yaml': 'include: ["*.md"]\ntoday: 2026-12-05\n', 'backup.md': backup, 'soa.md': exclusions });
  server = startServer();
  await server.initialize(root, { initializationOptions: { clientCommands } });
  return root;
}

async function hoverOn12_3_1(root: string): Promise<string> {
  const uri = uriOf(join(root, 'backup.md'));
  await server!.open(uri, backup);
  const hover = await server!.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: positionOf(backup, '12.3.1', 1) });
  return hover.contents.value;
}

describe('clausewise/controlPage', () => {
  it('shows a claimed control with each element\'s state, the words that address it and its line, the document\'s approval facts and the mappings', async () => {
    const root = await workspace();
    const page = await server!.request<ControlPage>('clausewise/controlPage', { id: 'ISO 27799 12.3.1' });
    expect(page).toMatchObject({ id: '12.3.1', title: 'Information backup', essential: true, state: 'partial', place: ['12 Operations security', '12.3 Backup'] });
    expect(page.summary).toMatch(/restore/i);
    expect(page.elements.map((element) => element.title)).toContain('Restore testing');
    expect(page.claims).toHaveLength(1);
    const claim = page.claims[0]!;
    expect(claim).toMatchObject({
      uri: uriOf(join(root, 'backup.md')), path: 'backup.md', documentId: 'STD-BK-009', owner: 'Head of IT', status: 'approved', version: '2.1.0',
      approvedBy: 'IG Committee', effective: '2026-01-10', lastReviewed: '2026-06-01', reviewDue: '2027-06-01', overdue: false, complete: false, line: 11,
    });
    const byId = Object.fromEntries(claim.elements.map((element) => [element.id, element]));
    // Under its heading: the heading and the text under it, the heading's words marked; the line is the heading's (zero-based).
    expect(byId['backup-scope']).toMatchObject({ state: 'heading', line: 15, quote: 'Backup scope The EHR database, the imaging archive and the laboratory system are backed up.' });
    expect(byId['backup-scope']!.marks).toEqual([{ start: 0, end: 12 }]);
    // In prose: the block's words, each matched word marked.
    const schedule = byId['backup-schedule']!;
    expect(schedule).toMatchObject({ state: 'prose', line: 19, quote: 'Database backups are taken every night as full copies.' });
    expect(schedule.marks.length).toBeGreaterThanOrEqual(2);
    expect(schedule.marks.map((mark) => schedule.quote!.slice(mark.start, mark.end).toLowerCase())).toContain('backup');
    // A heading left empty, and an element not found: each with the hint of what to write.
    expect(byId['backup-retention']).toMatchObject({ state: 'empty', line: 21, quote: 'Backup retention' });
    expect(byId['backup-retention']!.hint).toBeTruthy();
    expect(byId['restore-testing']).toMatchObject({ state: 'missing', marks: [] });
    expect(byId['restore-testing']!.quote).toBeUndefined();
    expect(byId['restore-testing']!.hint).toMatch(/\w+/);
    expect(page.reasons.join(' ')).toMatch(/STD-BK-009 misses .*Restore testing/);
    const frameworks = page.mappings.map((mapping) => mapping.framework);
    expect(frameworks).toEqual(expect.arrayContaining(['iso27002_2022', 'hipaa']));
    expect(page.mappings.find((mapping) => mapping.framework === 'iso27002_2022')!.links.map((link) => link.id)).toContain('8.13');
    expect(page.mappings.find((mapping) => mapping.framework === 'hipaa')!.notes).toContain('derived, not official');
  });

  it('shows an excluded control with its justification and the line of the exclusion', async () => {
    const root = await workspace();
    const page = await server!.request<ControlPage>('clausewise/controlPage', { id: '11.1.6', uri: uriOf(root) });
    expect(page).toMatchObject({ state: 'excluded', claims: [] });
    expect(page.exclusions).toEqual([
      expect.objectContaining({ path: 'soa.md', documentId: 'SOA-EX-001', owner: 'Head of IT', justification: 'The clinic has no delivery or loading area of its own at all.', expired: false, valid: true, problems: [], line: 13 }),
    ]);
  });

  it('for a folder lists only the exclusions written under it, as its state counts them', async () => {
    const root = tempWorkspace({ '.clausewise.yaml': 'include: ["**/*.md"]\ntoday: 2026-12-05\n', 'it/backup.md': backup, 'soa/soa.md': exclusions });
    server = startServer();
    await server.initialize(root);
    const inIt = await server.request<ControlPage>('clausewise/controlPage', { id: '11.1.6', uri: uriOf(join(root, 'it')) });
    expect(inIt.state).not.toBe('excluded');
    expect(inIt.exclusions).toEqual([]);
    const inSoa = await server.request<ControlPage>('clausewise/controlPage', { id: '11.1.6', uri: uriOf(join(root, 'soa')) });
    expect(inSoa.state).toBe('excluded');
    expect(inSoa.exclusions).toEqual([expect.objectContaining({ path: join('soa', 'soa.md'), documentId: 'SOA-EX-001', valid: true })]);
  });

  it('answers an id the catalog does not have with the nearest controls', async () => {
    await workspace();
    await expect(server!.request('clausewise/controlPage', { id: '12.3.9' })).rejects.toThrow(/"12\.3\.9" is not a control of ISO 27799:2016; did you mean 12\.3\.1 Information backup/);
    await expect(server!.request('clausewise/controlPage', {})).rejects.toThrow(/needs the id of a control/);
  });
});

describe('the clause hover', () => {
  it('links to the control page when the client runs clausewise.showControl, and not otherwise', async () => {
    const root = await workspace(['clausewise.showControl']);
    expect(await hoverOn12_3_1(root)).toContain(`[Open the control page](command:clausewise.showControl?${encodeURIComponent('["12.3.1"]')} `);
    await server!.stop();
    const plain = await workspace();
    expect(await hoverOn12_3_1(plain)).not.toContain('command:');
  });
});

describe('clausewise/exclusionRegister', () => {
  it('lists every exclusion with justification, expiry, owner and line: expired first (longest expired first), then not valid, then in force', async () => {
    const root = await workspace();
    const register = await server!.request<ExclusionRegister>('clausewise/exclusionRegister', { uri: uriOf(root) });
    expect(register.today).toBe('2026-12-05');
    expect(register.entries.map((entry) => [entry.controlId, entry.expired, entry.valid])).toEqual([
      ['8.3.3', true, false],
      ['6.2.2', true, false],
      ['11.2.5', false, false],
      ['6.1.9', false, false],
      ['11.1.6', false, true],
    ]);
    const [oldest, , short, unknown, inForce] = register.entries;
    expect(oldest).toMatchObject({ controlTitle: 'Physical media transfer', until: '2025-01-31', problems: ['expired on 2025-01-31'], owner: 'Head of IT', path: 'soa.md', documentId: 'SOA-EX-001', line: 22 });
    expect(oldest!.uri).toBe(uriOf(join(root, 'soa.md')));
    expect(short!.problems).toEqual(['justification too short']);
    expect(unknown).toMatchObject({ problems: ['6.1.9 is not a control of ISO 27799:2016'] });
    expect(unknown).not.toHaveProperty('controlTitle');
    expect(inForce).toMatchObject({ controlTitle: 'Delivery and loading areas', justification: 'The clinic has no delivery or loading area of its own at all.', line: 13 });
    // The report panel's register (the HTML report) links each row to the same line, the unknown id's too.
    const page = await server!.request<RenderedCoverageReport>(CoverageReportRequest.method, { uri: uriOf(root), format: 'html', outputUri: uriOf(root) });
    const rows = /<table id="register">[\s\S]*?<\/table>/.exec(page.content)![0].split('<tr>').slice(2);
    expect(rows.map((row) => /<a href="soa\.md" data-control="([^"]+)" data-excluded="true" data-line="(\d+)">/.exec(row)?.slice(1))).toEqual(register.entries.map((entry) => [entry.controlId, String(entry.line)]));
  });

  it('under ISO/IEC 27002:2022 gives each exclusion the verdict coverage acts on: the register, the code lens, the control page and the HTML report agree', async () => {
    const root = tempWorkspace({ '.clausewise.yaml': 'catalog: iso27002-2022\ninclude: ["*.md"]\ntoday: 2026-12-05\n', 'soa.md': exclusions });
    server = startServer();
    await server.initialize(root);
    const register = await server.request<ExclusionRegister>('clausewise/exclusionRegister', null);
    // 11.1.6 is one of the two predecessors of 7.2 (with 11.1.2, not excluded): 7.2 stays in scope.
    const dock = register.entries.find((entry) => entry.controlId === '11.1.6');
    expect(dock).toMatchObject({ readAs: [{ id: '7.2', title: expect.stringMatching(/\w/) }], valid: false, problems: [], effect: '11.1.6 (2013) — partial: 7.2 stays in scope until 11.1.2 is also excluded' });
    expect(dock).not.toHaveProperty('controlTitle');
    expect(register.entries.find((entry) => entry.controlId === '6.1.9')).toMatchObject({ valid: false, effect: 'unknown control, no effect' });
    const invalid = register.entries.filter((entry) => !entry.valid).length;
    const uri = uriOf(join(root, 'soa.md'));
    await server.open(uri, exclusions);
    const [lens] = await server.request<{ command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
    expect(lens!.command.title).toBe(`excludes 5 (${invalid} invalid)`);
    const page = await server.request<ControlPage>('clausewise/controlPage', { id: '7.2' });
    expect(page.state).toBe('gap');
    expect(page.exclusions).toEqual([expect.objectContaining({ path: 'soa.md', valid: false, effect: dock!.effect, line: dock!.line })]);
    const report = await server.request<{ content: string }>('clausewise/coverageReport', { format: 'html' });
    expect(report.content).toContain(`<td>${dock!.effect}</td>`);
    expect(report.content.match(/<table id="register">[\s\S]*?<\/table>/)![0].match(/<tr><td>/g)).toHaveLength(register.entries.length);
  });
});
