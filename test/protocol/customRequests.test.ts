import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogTree, CoverageChangedParams, CoverageReport, DocumentsResult } from '../../server/src/protocol/customMessages';
import { CatalogRequest, CoverageChangedNotification, CoverageRequest, DocumentsRequest } from '../../server/src/protocol/customMessages';
import { runCli } from '../helpers/run';
import { copySamples, rangeOf, startServer, uriOf, type TestServer } from './helpers/languageClient';

let server: TestServer;
let root: string;

beforeAll(async () => {
  root = copySamples();
  server = startServer();
  await server.initialize(root, { initializationOptions: { clausewise: { debounce: 0 } } });
});
afterAll(() => server.stop());

describe('custom requests', () => {
  it('clausewise/coverage returns the coverage report of the workspace, or of one folder', async () => {
    const report = await server.request<CoverageReport>(CoverageRequest.method, {});
    expect(report.catalog).toEqual({ id: 'iso27799-2016', name: 'ISO 27799:2016', short: '27799' });
    expect(report.totals).toMatchObject({ total: 114, covered: 113, excluded: 1, gap: 0, coveredPercent: 100 });
    expect(report.controls.find((control) => control.id === '9.4.2')?.claims.map((claim) => claim.documentId)).toEqual(['STD-AU-001']);
    const problems = await server.request<CoverageReport>(CoverageRequest.method, { uri: uriOf(join(root, 'with-problems')) });
    expect(problems.totals.covered).toBe(0);
  });

  it('clausewise/coverage gives each claim its elements with state and line (the Coverage view\'s element nodes)', async () => {
    const folder = copySamples('with-problems');
    const own = startServer();
    try {
      await own.initialize(folder);
      const report = await own.request<CoverageReport>(CoverageRequest.method, {});
      const claim = report.controls.find((control) => control.id === '12.3.1')?.claims.find((entry) => entry.path.endsWith('backup-standard.md'));
      const lines = readFileSync(join(folder, 'backup-standard.md'), 'utf8').split('\n');
      expect(claim?.elements.find((element) => element.id === 'restore-testing')).toEqual({ id: 'restore-testing', state: 'missing' });
      const headed = claim!.elements.filter((element) => element.state === 'heading');
      expect(headed.length).toBeGreaterThan(0);
      for (const element of headed) expect(lines[element.line! - 1]).toContain(element.heading!);
    } finally {
      await own.stop();
    }
  });

  it('clausewise/coverage agrees with `clausewise coverage --format json` for the same workspace', async () => {
    const problems = startServer();
    await problems.initialize(join(root, 'with-problems'), { initializationOptions: { clausewise: { debounce: 0 } } });
    try {
      for (const [folder, client] of [[root, server], [join(root, 'with-problems'), problems]] as const) {
        const cli = runCli(['coverage', folder, '--format', 'json']); // both use today's date
        expect(cli.stderr).toBe('');
        const fromCli = JSON.parse(cli.stdout) as CoverageReport;
        const fromServer = await client.request<CoverageReport>(CoverageRequest.method, {});
        expect(fromServer.totals).toEqual(fromCli.totals);
        expect(fromServer.controls.map((control) => `${control.id} ${control.state} ${control.reasons.join('; ')}`)).toEqual(
          fromCli.controls.map((control) => `${control.id} ${control.state} ${control.reasons.join('; ')}`),
        );
      }
    } finally {
      problems.stop();
    }
  });

  it('clausewise/catalog returns categories › objectives › controls with titles, essential and elements', async () => {
    const tree = await server.request<CatalogTree>(CatalogRequest.method, null);
    expect(tree.categories).toHaveLength(14);
    expect(tree.categories.flatMap((category) => category.objectives)).toHaveLength(35);
    const controls = tree.categories.flatMap((category) => category.objectives.flatMap((objective) => objective.controls));
    expect(controls).toHaveLength(114);
    expect(controls.find((control) => control.id === '12.3.1')).toMatchObject({ title: 'Information backup', essential: true, elements: expect.arrayContaining([{ id: 'restore-testing', title: 'Restore testing' }]) });
  });

  it('clausewise/documents lists each policy document with its review state and clauses’ coverage', async () => {
    const { documents } = await server.request<DocumentsResult>(DocumentsRequest.method, {});
    const authentication = documents.find((document) => document.id === 'STD-AU-001');
    expect(authentication).toMatchObject({
      uri: uriOf(join(root, 'authentication-standard.md')), title: 'Authentication and Password Standard', type: 'standard', status: 'approved',
      owner: 'Chief Information Security Officer', reviewDue: '2027-07-20', overdue: false,
    });
    expect(authentication!.clauses).toEqual([
      { id: '9.3.1', title: 'Use of secret authentication information', state: 'covered', missing: [], empty: [] },
      { id: '9.4.2', title: 'Secure log-on procedures', state: 'covered', missing: [], empty: [] },
      { id: '9.4.3', title: 'Password management system', state: 'covered', missing: [], empty: [] },
    ]);
  });

  it('clausewise/coverageChanged tells the client when the totals move', async () => {
    const path = join(root, 'authentication-standard.md');
    const text = readFileSync(path, 'utf8');
    await server.open(uriOf(path), text);
    const changed = server.waitFor<CoverageChangedParams>(CoverageChangedNotification.method, (params) => params.totals.partial === 3);
    await server.edit(uriOf(path), 2, rangeOf(text, 'status: approved'), 'status: draft');
    expect(await changed).toMatchObject({ uri: uriOf(root), catalog: { short: '27799' }, totals: { covered: 110, partial: 3 } });
  });

  it('clausewise/coverageChanged carries a generation that grows with each change, matching what clausewise/coverage then returns', async () => {
    const path = join(root, 'backup-procedure.md');
    const text = readFileSync(path, 'utf8');
    const { covered } = (await server.request<CoverageReport>(CoverageRequest.method, {})).totals;
    await server.open(uriOf(path), text);
    const drafted = server.waitFor<CoverageChangedParams>(CoverageChangedNotification.method, (params) => params.totals.covered === covered - 1);
    await server.edit(uriOf(path), 2, rangeOf(text, 'status: approved'), 'status: draft');
    const first = await drafted;
    expect((await server.request<CoverageReport>(CoverageRequest.method, {})).totals).toEqual(first.totals);
    const draftText = text.replace('status: approved', 'status: draft');
    const restored = server.waitFor<CoverageChangedParams>(CoverageChangedNotification.method, (params) => params.totals.covered === covered);
    await server.edit(uriOf(path), 3, rangeOf(draftText, 'status: draft'), 'status: approved');
    const second = await restored;
    expect(first.generation).toBeGreaterThan(0);
    expect(second.generation).toBeGreaterThan(first.generation);
  });

  it('an edit of only a listed field (type) is a new coverageChanged generation, and clausewise/documents then lists it', async () => {
    const path = join(root, 'continuity-plan.md');
    const text = readFileSync(path, 'utf8');
    await server.open(uriOf(path), text);
    // A coverage change first, for a generation to compare with.
    const { covered } = (await server.request<CoverageReport>(CoverageRequest.method, {})).totals;
    const drafted = server.waitFor<CoverageChangedParams>(CoverageChangedNotification.method, (params) => params.totals.covered < covered);
    await server.edit(uriOf(path), 2, rangeOf(text, 'status: approved'), 'status: draft');
    const before = await drafted;
    const draftText = text.replace('status: approved', 'status: draft');
    const retyped = server.waitFor<CoverageChangedParams>(CoverageChangedNotification.method, (params) => params.generation > before.generation);
    await server.edit(uriOf(path), 3, rangeOf(draftText, 'type: plan'), 'type: procedure');
    const after = await retyped;
    expect(after.totals).toEqual(before.totals);
    const { documents } = await server.request<DocumentsResult>(DocumentsRequest.method, {});
    expect(documents.find((document) => document.id === 'PLN-BC-001')?.type).toBe('procedure');
  });
});
