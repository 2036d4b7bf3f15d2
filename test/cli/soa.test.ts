/** `clausewise coverage --format soa-*`: the Statement of Applicability exports as real subprocesses. */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../helpers/paths';
import { runCli } from '../helpers/run';
import { policyText, tempWorkspace } from '../helpers/tempWorkspace';

const today = ['--today', '2026-12-01'];
const COLUMNS = ['Control', 'Title', 'Applicable', 'Inclusion reason', 'Exclusion justification', 'Status', 'Owner', 'Documents', 'Evidence', 'Last review'];
/** The five-control catalog's complete SoA: objective entries, one control entry, one excluded control. */
const complete = join(fixturesDir, 'rules', 'soa-complete');

/** Parses the CSV export into its header fields and its table (fields are quoted only when needed). */
function parseCsv(text: string): { header: Map<string, string>; table: string[][] } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') (field += '"'), index++;
      else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') row.push(field), (field = '');
    else if (character === '\r' && text[index + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), index++;
    else field += character;
  }
  const blank = rows.findIndex((candidate) => candidate.length === 1 && candidate[0] === '');
  return { header: new Map(rows.slice(0, blank).map(([label, value]) => [label!, value!])), table: rows.slice(blank + 1) };
}

describe('clausewise coverage --format soa-*', () => {
  it('soa-md of samples/ matches its snapshot', async () => {
    const result = runCli(['coverage', 'samples', '--format', 'soa-md', ...today]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    await expect(result.stdout).toMatchFileSnapshot('__snapshots__/soa-samples.md');
  });

  it('soa-csv has the SoA header and one row per control, the most specific entry winning', () => {
    const result = runCli(['coverage', '.', '--format', 'soa-csv', ...today], { cwd: complete });
    expect(result.code, result.stderr).toBe(0);
    const { header, table } = parseCsv(result.stdout);
    expect(Object.fromEntries(header)).toMatchObject({ Statement: 'Statement of Applicability (SOA-001)', Version: '2.0.0', Date: '2026-02-01', 'Approved by': 'Board', Catalog: 'SoA fixture controls' });
    expect(table[0]).toEqual(COLUMNS);
    expect(table.slice(1).map((row) => row[0])).toEqual(['1.1.1', '1.1.2', '2.1.1', '2.1.2', '2.2.1']);
    const byId = new Map(table.slice(1).map((row) => [row[0], Object.fromEntries(COLUMNS.map((column, index) => [column, row[index]]))]));
    expect(byId.get('2.1.1')).toMatchObject({ Applicable: 'Yes', 'Inclusion reason': 'risk: R-07 shared accounts hide who read a record', Status: 'implemented', Owner: 'IT Manager', Documents: 'STD-AC-001 (approved, v0.3.0)' });
    expect(byId.get('2.1.2')).toMatchObject({ 'Inclusion reason': 'contract: Regional health network agreement, schedule 4', Status: 'partial', Owner: 'Information Governance Lead', Evidence: 'records/access-review-2026-q1.md' });
    expect(byId.get('2.2.1')).toMatchObject({ Applicable: 'No', 'Inclusion reason': '', 'Exclusion justification': 'The service runs entirely from a rented cloud platform and has no premises of its own.', Status: '' });
    expect(byId.get('1.1.1')).toMatchObject({ 'Inclusion reason': 'risk: R-01 unclear security responsibilities; legal: Data Protection Act 2018', 'Last review': '2026-01-10' });
  });

  it('soa-html has the header, every control and a print stylesheet, and loads nothing remote', () => {
    const result = runCli(['coverage', 'samples', '--format', 'soa-html', ...today]);
    expect(result.code, result.stderr).toBe(0);
    const html = result.stdout;
    expect(html).toContain('<dt>Version</dt><dd>3.0.0</dd>');
    expect(html).toContain('<dt>Approved by</dt><dd>Information Governance Committee</dd>');
    expect(html).toContain('<dt>Date</dt><dd>2026-04-01</dd>');
    expect(html.match(/<tr(?: class="excluded")?><td/g)).toHaveLength(114);
    expect(html).toMatch(/@media print \{[^]*thead \{ display: table-header-group; \}[^]*break-inside: avoid/);
    expect(html).not.toMatch(/<script|src="http/);
  });

  it('soa-xlsx read back with exceljs has the header fields, one row per control, a frozen header, filters and widths', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'clausewise-soa-')), 'soa.xlsx');
    const result = runCli(['coverage', 'samples', '--format', 'soa-xlsx', '--output', out, ...today]);
    expect(result.code, result.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    const header = new Map<string, string>();
    let titleRow = 0;
    sheet.eachRow((row, number) => {
      const first = String(row.getCell(1).value ?? '');
      if (first === 'Control') titleRow = number;
      else if (titleRow === 0) header.set(first, String(row.getCell(2).value ?? ''));
    });
    expect(Object.fromEntries(header)).toMatchObject({ Statement: 'Statement of Applicability (SOA-001)', Version: '3.0.0', Date: '2026-04-01', 'Approved by': 'Information Governance Committee' });
    expect((sheet.getRow(titleRow).values as unknown[]).slice(1)).toEqual(COLUMNS);
    const ids: string[] = [];
    sheet.eachRow((row, number) => {
      if (number > titleRow) ids.push(String(row.getCell(1).value));
    });
    expect(ids).toHaveLength(114);
    expect(new Set(ids).size).toBe(114);
    const excluded = sheet.getRow(titleRow + 1 + ids.indexOf('14.2.7'));
    expect(excluded.getCell(3).value).toBe('No');
    expect(String(excluded.getCell(5).value)).toMatch(/does not outsource software development/);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: titleRow });
    // The filter spans the column titles and every control row (A to J).
    expect(sheet.autoFilter).toBe(`A${titleRow}:J${titleRow + 114}`);
    expect(sheet.getColumn(2).width).toBeGreaterThan(sheet.getColumn(1).width!);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: `${titleRow}:${titleRow}` });
  });

  it('soa-xlsx without --output is a usage error, not bytes on the terminal', () => {
    const result = runCli(['coverage', 'samples', '--format', 'soa-xlsx']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--output soa.xlsx');
  });

  it('refuses a policy set with two SoA documents, naming both', () => {
    const root = mkdtempSync(join(tmpdir(), 'clausewise-soa-'));
    cpSync(complete, root, { recursive: true });
    cpSync(join(root, 'statement-of-applicability.md'), join(root, 'second-soa.md'));
    const result = runCli(['coverage', '.', '--format', 'soa-csv'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/2 SoA documents \(type: soa\): second-soa\.md, statement-of-applicability\.md/);
  });

  it('without an SoA document still exports applicability and documents, and says what is missing', () => {
    const root = tempWorkspace({ 'a.md': policyText('POL-1', '', '# Policy\n\nText.\n').replace('clauses: []', 'clauses: [9.4.2]') });
    const result = runCli(['coverage', '.', '--format', 'soa-csv', ...today], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('no SoA document (type: soa)');
    const { header, table } = parseCsv(result.stdout);
    expect(header.get('Version')).toBe('not stated');
    expect(table.find((row) => row[0] === '9.4.2')?.[7]).toBe('POL-1 (draft, v1.0.0)');
  });
});
