import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoverageReport } from '../../server/src/protocol/customMessages';
import type { AdoptFolderResult, ControlPlacesResult, ExcludeControlResult } from '../../server/src/protocol/gapMessages';
import { loadCatalog } from '../../server/src/catalog/load';
import { parsePolicyDocument } from '../../server/src/document/parse';
import { suggestClauses } from '../../server/src/suggest/rank';
import { repoRoot } from '../helpers/paths';
import { policyText, tempWorkspace } from '../helpers/tempWorkspace';
import { checkFolder } from '../helpers/checkFolder';
import { appliedEdits, copySamples, startServer, uriOf, type TestServer } from './helpers/languageClient';

const backup = `# Backup Procedure

How the clinic backs up patient records and restores them.

## Backup schedule

A full backup of the records server runs every night at 01:00; the backups are kept for 90 days.

## Backup storage and protection

Backup copies are encrypted and a second copy is kept off site.

## Restore testing

Each quarter the IT lead restores a sample of records from backup and records the result.
`;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function serve(root: string): Promise<TestServer> {
  server = startServer();
  await server.initialize(root);
  return server;
}

describe('clausewise/adoptFolder', () => {
  it('proposes a draft block for each untagged policy of a folder with no config, and says why it leaves the others alone', async () => {
    const root = tempWorkspace({ 'backup-procedure.md': backup, 'README.md': '# About this folder\n', 'lunch.md': '# Lunch\n\nSandwiches on Fridays.\n', 'old-backup.md': backup });
    const lsp = await serve(root);
    // Deleted after indexing, before any watcher event says so: it is not proposed.
    rmSync(join(root, 'old-backup.md'));
    const result = await lsp.request<AdoptFolderResult>('clausewise/adoptFolder', { uri: uriOf(root) });
    const uri = uriOf(join(root, 'backup-procedure.md'));
    expect(result.adopted).toEqual([{ uri, id: 'BACKUP-PROCEDURE', type: 'procedure', clauses: expect.arrayContaining(['12.3.1']) }]);
    const adopted = appliedEdits(backup, uri, result);
    expect(adopted.startsWith('---\nid: BACKUP-PROCEDURE\ntitle: Backup Procedure\ntype: procedure\nowner: TODO\nstatus: draft\nversion: 0.1.0\nclauses:\n  - ')).toBe(true);
    expect(adopted.endsWith(`---\n${backup}`)).toBe(true);
    expect(Object.keys(result.changes)).toEqual([uri]);
    const reasons = Object.fromEntries(result.skipped.map((entry) => [entry.uri.slice(entry.uri.lastIndexOf('/') + 1), entry.reason]));
    expect(reasons['README.md']).toBe('a README or project file, not a policy');
    expect(reasons['lunch.md']).toMatch(/^no control scored 0.45 or more .*; run "Suggest Clauses…" on it/);
    // The server wrote nothing: the client previews and applies the edits.
    expect(readFileSync(join(root, 'backup-procedure.md'), 'utf8')).toBe(backup);
  });
});

describe('clausewise/excludeControlEdit', () => {
  it('adds the exclusion to the set\'s exclusions record, and the control then counts as excluded', async () => {
    const root = copySamples('with-problems');
    const lsp = await serve(root);
    const result = await lsp.request<ExcludeControlResult>('clausewise/excludeControlEdit', { uri: uriOf(root), id: '11.1.5', justification: 'The clinic has no secure areas of its own.' });
    const uri = uriOf(join(root, 'loading-dock-exclusion.md'));
    expect(result).toMatchObject({ uri, create: false });
    const before = readFileSync(join(root, 'loading-dock-exclusion.md'), 'utf8');
    const after = appliedEdits(before, uri, result);
    expect(after).toContain('  - clause: 11.1.6\n    justification: N/A\n  - clause: 11.1.5\n    justification: "The clinic has no secure areas of its own."\n---');
    // The line the editor selects: the new entry's, found by the server (not by searching the text for the id).
    expect(after.split(/\r?\n/)[result.line]).toBe('  - clause: 11.1.5');
    const changed = lsp.waitFor<{ totals: { excluded: number } }>('clausewise/coverageChanged', (params) => params.totals.excluded === 1);
    await lsp.open(uri, after);
    await changed;
    const report = await lsp.request<CoverageReport>('clausewise/coverage', { uri: uriOf(root) });
    expect(report.controls.find((control) => control.id === '11.1.5')?.state).toBe('excluded');
  });

  it('refuses a claimed control, an essential one and an empty justification, saying why', async () => {
    const root = copySamples('with-problems');
    const lsp = await serve(root);
    const ask = (id: string, justification = 'Not applicable here.') => lsp.request('clausewise/excludeControlEdit', { uri: uriOf(root), id, justification });
    await expect(ask('12.3.1')).rejects.toThrow(/12.3.1 is claimed by STD-BK-\d+; remove it from their clauses before excluding it/);
    await expect(ask('5.1.1')).rejects.toThrow(/5.1.1 .* is essential: a health organisation may not exclude it/);
    await expect(ask('11.1.5', '  ')).rejects.toThrow(/needs a justification an auditor can follow \(no justification\)/);
    await expect(ask('11.1.5', 'Cloud only.')).rejects.toThrow(/\(justification too short\)/);
    await expect(ask('99.9.9')).rejects.toThrow(/"99\.9\.9" is not a control of ISO 27799:2016/);
    await expect(ask('12.3.9')).rejects.toThrow(/"12\.3\.9" is not a control of ISO 27799:2016; did you mean 12\.3\.1 Information backup/);
  });

  it('gives the new entry\'s line, not that of an entry whose id the new one begins', async () => {
    const root = tempWorkspace({
      'policies/access.md': '---\nid: POL-1\ntitle: Access\ntype: policy\nowner: CISO\nstatus: draft\nversion: 1.0.0\nclauses: [9.1.1]\n---\n# Access\n',
      'policies/exclusions.md': '---\nid: EXC-1\ntitle: Exclusions\ntype: record\nowner: CISO\nstatus: draft\nversion: 1.0.0\nclauses: []\nexcludes:\n  - clause: 11.1.50\n    justification: Not a control, but its id begins with 11.1.5.\n---\n# Exclusions\n',
    });
    const lsp = await serve(root);
    const result = await lsp.request<ExcludeControlResult>('clausewise/excludeControlEdit', { uri: uriOf(root), id: '11.1.5', justification: 'The practice runs no premises of its own.' });
    const path = join(root, 'policies', 'exclusions.md');
    expect(result).toMatchObject({ uri: uriOf(path), create: false, line: 11 });
    expect(appliedEdits(readFileSync(path, 'utf8'), result.uri, result).split('\n')[11]).toBe('  - clause: 11.1.5');
  });

  it('writes the exclusion into the Statement of Applicability when the set has one, before any record of exclusions', async () => {
    const root = tempWorkspace({
      'policies/access.md': '---\nid: POL-1\ntitle: Access\ntype: policy\nowner: CISO\nstatus: draft\nversion: 1.0.0\nclauses: [9.1.1]\n---\n# Access\n',
      'policies/exclusions.md': '---\nid: EXC-1\ntitle: Exclusions\ntype: record\nowner: CISO\nstatus: draft\nversion: 1.0.0\nclauses: []\nexcludes:\n  - clause: 11.1.6\n    justification: No delivery or loading areas.\n---\n# Exclusions\n',
      'policies/statement.md': '---\nid: SOA-1\ntitle: Statement of Applicability\ntype: soa\nowner: CISO\nstatus: draft\nversion: 1.0.0\nexcludes: []\n---\n# Statement of Applicability\n',
    });
    const lsp = await serve(root);
    const result = await lsp.request<ExcludeControlResult>('clausewise/excludeControlEdit', { uri: uriOf(root), id: '11.1.5', justification: 'The practice runs no premises of its own.' });
    const path = join(root, 'policies', 'statement.md');
    expect(result).toMatchObject({ uri: uriOf(path), create: false });
    expect(appliedEdits(readFileSync(path, 'utf8'), result.uri, result).split('\n')[result.line]).toBe('  - clause: 11.1.5');
  });

  it('proposes a new exclusions record beside the policies when the set has none', async () => {
    const root = tempWorkspace({ 'policies/access.md': '---\nid: POL-1\ntitle: Access\ntype: policy\nowner: CISO\nstatus: draft\nversion: 1.0.0\nclauses: [9.1.1]\n---\n# Access\n' });
    const lsp = await serve(root);
    const result = await lsp.request<ExcludeControlResult>('clausewise/excludeControlEdit', { uri: uriOf(root), id: '11.1.5', justification: 'The practice runs no premises of its own.' });
    expect(result.create).toBe(true);
    expect(result.uri).toBe(uriOf(join(root, 'policies', 'exclusions.md')));
    expect(result.text).toContain('id: EXCLUSIONS\n');
    expect(result.text).toContain('excludes:\n  - clause: 11.1.5\n    justification: "The practice runs no premises of its own."\n---\n');
    expect(result.text!.split('\n')[result.line]).toBe('  - clause: 11.1.5');
    // The record it proposes is a clean policy document: written as it is, it has no error.
    writeFileSync(join(root, 'policies', 'exclusions.md'), result.text!);
    const record = (await checkFolder(join(root, 'policies'))).find((file) => file.path.endsWith('exclusions.md'));
    expect(record?.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.message)).toEqual([]);
  });
});

/** The places Suggest Clauses gives `id` in these documents (path → text under root): best first, ties in path order. */
function suggestedPlaces(root: string, files: Record<string, string>, id: string) {
  const catalog = loadCatalog();
  return Object.keys(files)
    .sort()
    .flatMap((name) => {
      const suggestion = suggestClauses(parsePolicyDocument(join(root, name), files[name]!), catalog).find((candidate) => candidate.control.id === id);
      return suggestion ? [{ uri: uriOf(join(root, name)), score: suggestion.score, reasons: suggestion.reasons.map((reason) => reason.text) }] : [];
    })
    .sort((a, b) => b.score - a.score);
}

describe('clausewise/controlPlaces', () => {
  it('ranks the set\'s documents by how well their text addresses one control, best first', async () => {
    const root = copySamples();
    const lsp = await serve(root);
    const result = await lsp.request<ControlPlacesResult>('clausewise/controlPlaces', { uri: uriOf(root), id: '12.3.1', limit: 3 });
    expect(result).toMatchObject({ id: '12.3.1', title: 'Information backup' });
    expect(result.places).toHaveLength(3);
    expect(result.places[0]).toMatchObject({ uri: uriOf(join(root, 'backup-procedure.md')), documentId: 'PRC-BK-001', claimed: true });
    expect(result.places[0]!.reasons.length).toBeGreaterThan(0);
    const scores = result.places.map((place) => place.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[2]).toBeLessThan(scores[0]!);
  });

  it('ranks exactly as Suggest Clauses does on each document parsed in full, open and closed, ties in path order', async () => {
    // Real policies (frontmatter replaced by ours), one twice: its two copies tie on every control.
    const bodies = ['datica/07-systems_access_policy.md', 'datica/08-auditing_policy.md', 'datica/18-data_retention_policy.md', 'comply/password.md', 'comply/remote.md', 'comply/incident.md', 'comply/office.md']
      .map((name) => readFileSync(join(repoRoot, 'test', 'corpus', name), 'utf8').replace(/^[\s\S]*?\n---\r?\n/, ''));
    const files: Record<string, string> = {};
    bodies.forEach((body, position) => (files[`policies/doc-${position}.md`] = policyText(`POL-${position}`, '', body)));
    files['policies/doc-7.md'] = files['policies/doc-1.md']!.replace('POL-1', 'POL-7');
    const root = tempWorkspace(files);
    const lsp = await serve(root);
    // An open document with unsaved text: ranked as the editor has it.
    const openPath = join(root, 'policies', 'doc-3.md');
    files['policies/doc-3.md'] += '\n## Backup schedule\n\nBackups of the password vault run nightly and are restored each quarter.\n';
    await lsp.open(uriOf(openPath), files['policies/doc-3.md']!);
    for (const id of ['12.3.1', '9.4.3', '12.4.1', '11.2.9', '16.1.1', '18.1.3', '5.1.1']) {
      const expected = suggestedPlaces(root, files, id);
      const result = await lsp.request<ControlPlacesResult>('clausewise/controlPlaces', { uri: uriOf(root), id, limit: 20 });
      expect(result.places.map(({ uri, score, reasons }) => ({ uri, score, reasons })), id).toEqual(expected);
      const top = await lsp.request<ControlPlacesResult>('clausewise/controlPlaces', { uri: uriOf(root), id, limit: 3 });
      expect(top.places, id).toEqual(result.places.slice(0, 3));
    }
  });

  it('ranks a closed document changed on disk after the first request by its new text', async () => {
    const corpus = (name: string) => readFileSync(join(repoRoot, 'test', 'corpus', name), 'utf8').replace(/^[\s\S]*?\n---\r?\n/, '');
    const files: Record<string, string> = {
      'policies/backup.md': policyText('POL-1', '', backup),
      'policies/password.md': policyText('POL-2', '', corpus('comply/password.md')),
      'policies/remote.md': policyText('POL-3', '', corpus('comply/remote.md')),
    };
    const root = tempWorkspace(files);
    const lsp = await serve(root);
    const ranked = async () => (await lsp.request<ControlPlacesResult>('clausewise/controlPlaces', { uri: uriOf(root), id: '12.3.1', limit: 20 })).places.map(({ uri, score }) => ({ uri, score }));
    const expected = () => suggestedPlaces(root, files, '12.3.1').map(({ uri, score }) => ({ uri, score }));
    const first = await ranked();
    expect(first[0]!.uri).toBe(uriOf(join(root, 'policies', 'backup.md')));
    expect(first).toEqual(expected());
    // The backup text moves from one closed document to another, on disk only.
    files['policies/remote.md'] = policyText('POL-3', '', backup.replace('# Backup Procedure', '# Remote Backups'));
    files['policies/backup.md'] = policyText('POL-1', '', corpus('comply/office.md'));
    for (const name of ['policies/remote.md', 'policies/backup.md']) writeFileSync(join(root, name), files[name]!);
    await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: ['policies/remote.md', 'policies/backup.md'].map((name) => ({ uri: uriOf(join(root, name)), type: 2 })) });
    const second = await ranked();
    expect(second[0]!.uri).toBe(uriOf(join(root, 'policies', 'remote.md')));
    expect(second).toEqual(expected());
    expect(second).not.toEqual(first);
  });

  it('counts the first request\'s scoring as "n/N documents scored" from the first documents back, N known from the start', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 300; index++) files[`policies/doc-${index}.md`] = policyText(`POL-${index}`, '', backup);
    const root = tempWorkspace(files);
    const lsp = await serve(root);
    const from = lsp.received.length;
    await lsp.request<ControlPlacesResult>('clausewise/controlPlaces', { uri: uriOf(root), id: '12.3.1', limit: 3 });
    const counts = lsp.received
      .slice(from)
      .filter((message) => message.method === '$/progress')
      .map((message) => /(\d+)\/(\d+) documents scored/.exec((message.params as { value: { message?: string } }).value.message ?? ''))
      .filter((match) => match !== null)
      .map((match) => [Number(match[1]), Number(match[2])]);
    expect(counts.at(-1)).toEqual([300, 300]);
    expect(counts.every(([, total]) => total === 300)).toBe(true);
    // The first count comes with the first documents scored: before, nothing was counted until every
    // document had been handed to the threads, whose queue holds some 120, so at least 180 were done by then.
    expect(counts[0]![0]).toBeLessThan(100);
  });

  it('refuses an id that is not a control, naming the nearest ids', async () => {
    const root = copySamples();
    const lsp = await serve(root);
    await expect(lsp.request('clausewise/controlPlaces', { uri: uriOf(root), id: '12.3.9' })).rejects.toThrow(/"12\.3\.9" is not a control of ISO 27799:2016; did you mean 12\.3\.1 Information backup/);
  });
});

describe('required-field on a comply header', () => {
  it('counts comply\'s name as the title: one diagnostic for the other missing keys', async () => {
    const root = tempWorkspace({});
    const lsp = await serve(root);
    const uri = uriOf(join(root, 'password.md'));
    await lsp.open(uri, 'name: Password Policy\nacronym: PP\nclauses: [9.4.3]\n---\n\n# Password Policy\n\nText.\n');
    const diagnostics = await lsp.waitForDiagnostics(uri, (list) => list.some((diagnostic) => diagnostic.code === 'required-field'));
    expect(diagnostics.filter((diagnostic) => diagnostic.code === 'required-field').map((diagnostic) => diagnostic.message)).toEqual([
      'frontmatter has no "id", "type", "owner", "status" or "version"; every policy document needs them (required-fields)',
    ]);
  });
});
