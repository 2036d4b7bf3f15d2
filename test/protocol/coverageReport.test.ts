import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoverageReportRequest, type RenderedCoverageReport } from '../../server/src/protocol/customMessages';
import { copySamples, startServer, uriOf, type TestServer } from './helpers/languageClient';

let server: TestServer;
let root: string;

beforeAll(async () => {
  root = copySamples();
  server = startServer();
  await server.initialize(root, { initializationOptions: { clausewise: { debounce: 0 } } });
});
afterAll(() => server.stop());

describe('clausewise/coverageReport (the VS Code report panel\'s export)', () => {
  it('renders the Statement of Applicability as Markdown, like clausewise coverage --format markdown', async () => {
    const report = await server.request<RenderedCoverageReport>(CoverageReportRequest.method, { format: 'markdown' });
    expect(report.fileName).toBe('statement-of-applicability.md');
    expect(report.content).toMatch(/^# Statement of Applicability — ISO 27799:2016\n/);
    expect(report.content).toContain('| 9.4.2 Secure log-on procedures | Yes | ✅ covered | STD-AU-001 (approved) |');
  });

  it('renders CSV with one row per control', async () => {
    const report = await server.request<RenderedCoverageReport>(CoverageReportRequest.method, { uri: uriOf(root), format: 'csv' });
    const rows = report.content.trim().split('\r\n');
    expect(rows).toHaveLength(115);
    expect(rows).toContain('9.4.2,Secure log-on procedures,9,9.4,no,yes,covered,STD-AU-001,');
  });

  it('renders self-contained HTML whose document links are relative to the folder it is saved in', async () => {
    const report = await server.request<RenderedCoverageReport>(CoverageReportRequest.method, { format: 'html', outputUri: uriOf(join(root, 'reports')) });
    expect(report.content).toContain('Content-Security-Policy');
    expect(report.content).toContain('href="../authentication-standard.md"');
  });

  it('renders the Statement of Applicability as the CLI soa-md does, and the workbook as base64', async () => {
    const markdown = await server.request<RenderedCoverageReport>(CoverageReportRequest.method, { format: 'soa-md' });
    expect(markdown.fileName).toBe('statement-of-applicability.md');
    expect(markdown.content).toContain('| Version | 3.0.0 |');
    expect(markdown.content).toContain("| 9.2.5 | Review of user access rights | Yes | risk: R-005 inappropriate access to patient records<br>contract: Regional shared care record agreement, clause 7 |");
    const workbook = await server.request<RenderedCoverageReport>(CoverageReportRequest.method, { format: 'soa-xlsx' });
    expect(workbook).toMatchObject({ fileName: 'statement-of-applicability.xlsx', encoding: 'base64' });
    // An .xlsx file is a zip archive: it starts with the local file header "PK\x03\x04".
    expect(Buffer.from(workbook.content, 'base64').subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  });

  it('refuses a format it does not render', async () => {
    await expect(server.request(CoverageReportRequest.method, { format: 'pdf' })).rejects.toThrow(/renders html, markdown, csv, soa-html, soa-md, soa-csv, soa-xlsx, not pdf/);
  });

  it('says what to do with a folder that is not on this machine\'s disk', async () => {
    await expect(server.request(CoverageReportRequest.method, { format: 'html', outputUri: 'vscode-vfs://github/acme/policies' })).rejects.toThrow(/not vscode-vfs:\/\/github\/acme\/policies; save the report to a local folder/);
    await expect(server.request(CoverageReportRequest.method, { format: 'csv', uri: 'vscode-vfs://github/acme/policies' })).rejects.toThrow(/not vscode-vfs:\/\/github\/acme\/policies; open the folder from a local disk/);
  });
});
