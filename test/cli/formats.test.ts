import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { readReference } from '../helpers/paths';
import { runCli } from '../helpers/run';
import { policyText, tempWorkspace } from '../helpers/tempWorkspace';

const problems = ['check', 'samples/with-problems', '--today', '2026-12-01'];

describe('machine-readable output', () => {
  it('SARIF output is valid against the SARIF 2.1.0 schema and carries rules, regions and fixes', () => {
    const { stdout } = runCli([...problems, '--format', 'sarif']);
    const sarif = JSON.parse(stdout);
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(readReference('sarif-2.1.0-rtm.5.json') as object);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toContain('missing-element');
    expect(run.tool.driver.rules.every((rule: { helpUri: string }) => rule.helpUri.includes('docs/rules.md#'))).toBe(true);
    const typo = run.results.find((result: { ruleId: string }) => result.ruleId === 'unknown-clause');
    expect(typo.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'samples/with-problems/teleworking-standard.md', uriBaseId: 'SRCROOT' },
      region: { startLine: 12, startColumn: 11, endLine: 12, endColumn: 15 },
    });
    expect(typo.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe('6.2.2');
    expect(run.tool.driver.rules[typo.ruleIndex].id).toBe('unknown-clause');
    const gap = run.results.find((result: { ruleId: string }) => result.ruleId === 'missing-element');
    expect(gap.properties).toEqual({ clause: '12.3.1', elements: [{ id: 'restore-testing', title: 'Restore testing' }] });
    expect(gap.relatedLocations).toEqual([expect.objectContaining({ message: { text: expect.stringMatching(/^"Restore testing" is not addressed/) } })]);
  });

  it('SARIF with no findings is still a valid log with an empty result list', () => {
    const sarif = JSON.parse(runCli(['check', 'samples', '--today', '2026-12-01', '--format', 'sarif']).stdout);
    expect(sarif.runs[0].results).toEqual([]);
  });

  it('names a file outside the working folder by its absolute path, in the listing and in SARIF', async () => {
    const outside = join(mkdtempSync(join(tmpdir(), 'clausewise-outside-')), 'policies');
    cpSync('samples/with-problems', outside, { recursive: true });
    const file = join(outside, 'teleworking-standard.md');
    const listing = runCli(['check', outside, '--today', '2026-12-01']).stdout;
    expect(listing).toContain(`${file.split('\\').join('/')}:12:11`);
    expect(listing).not.toContain('../');
    const sarif = JSON.parse(runCli(['check', outside, '--today', '2026-12-01', '--format', 'sarif']).stdout);
    const typo = sarif.runs[0].results.find((result: { ruleId: string }) => result.ruleId === 'unknown-clause');
    expect(typo.locations[0].physicalLocation.artifactLocation).toEqual({ uri: pathToFileURL(file).href });
  });

  it('JUnit output parses back as XML: one suite per file, one failure per finding', () => {
    const { stdout } = runCli([...problems, '--format', 'junit']);
    expect(XMLValidator.validate(stdout)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(stdout);
    const suites = [xml.testsuites.testsuite].flat();
    expect(suites).toHaveLength(5);
    expect(xml.testsuites.failures).toBe('5');
    const backup = suites.find((suite: { name: string }) => suite.name.endsWith('backup-standard.md'));
    expect(backup.testcase.failure.type).toBe('missing-element');
    expect(backup.testcase.failure.message).toContain('1 of 5 elements not found — Restore testing');
  });

  it('JSON output has the documented shape', () => {
    const json = JSON.parse(runCli([...problems, '--format', 'json']).stdout);
    expect(json.version).toBe(1);
    expect(json.summary).toEqual({ files: 5, errors: 4, warnings: 1, infos: 0 });
    const file = json.files.find((entry: { path: string }) => entry.path.endsWith('teleworking-standard.md'));
    expect(file.findings[0]).toMatchObject({ ruleId: 'unknown-clause', severity: 'error', line: 12, column: 11, endLine: 12, endColumn: 15, clause: '6.22' });
    expect(file.findings[0].fixes[0]).toMatchObject({ automatic: true, edits: [{ newText: '6.2.2' }] });
    const backup = json.files.find((entry: { path: string }) => entry.path.endsWith('backup-standard.md'));
    expect(backup.findings[0]).toMatchObject({ ruleId: 'missing-element', clause: '12.3.1', elements: [{ id: 'restore-testing', title: 'Restore testing' }], related: [{ line: 12, column: 11 }] });
    expect(backup.findings[0].element).toBeUndefined();
  });

  it('JSON and SARIF carry a control\'s empty sections as one finding with its elements and a related place per section', () => {
    const root = tempWorkspace({ 'log-on.md': policyText('POL-LO', '', '# Log-on\n\n## Failed log-on attempts\n\nTODO\n\n## Log-on banner\n\nTBD\n').replace('clauses: []', 'clauses: [9.4.2]') });
    const args = ['check', '.', '--today', '2026-12-01', '--format'];
    const json = JSON.parse(runCli([...args, 'json'], { cwd: root }).stdout);
    const empty = json.files[0].findings.filter((finding: { ruleId: string }) => finding.ruleId === 'empty-element');
    const elements = [{ id: 'failed-log-on-attempts', title: 'Failed log-on attempts' }, { id: 'log-on-banner', title: 'Log-on banner' }];
    expect(empty).toEqual([expect.objectContaining({ clause: '9.4.2', elements, line: 12, related: [expect.objectContaining({ line: 12 }), expect.objectContaining({ line: 16 })] })]);
    expect(empty[0].element).toBeUndefined();
    const sarif = JSON.parse(runCli([...args, 'sarif'], { cwd: root }).stdout);
    const result = sarif.runs[0].results.find((candidate: { ruleId: string }) => candidate.ruleId === 'empty-element');
    expect(result.properties).toEqual({ clause: '9.4.2', elements });
    expect(result.relatedLocations.map((place: { physicalLocation: { region: { startLine: number } } }) => place.physicalLocation.region.startLine)).toEqual([12, 16]);
    const stylish = runCli(['check', '.', '--today', '2026-12-01'], { cwd: root }).stdout;
    // The listing names each section below the finding, with its line when it is another line's.
    expect(stylish).toContain('log-on.md:12:1  error    9.4.2 Secure log-on procedures: 2 elements have no text yet — Failed log-on attempts, Log-on banner  empty-element\n    · "Failed log-on attempts" holds only placeholder text');
    expect(stylish).toContain('\n    · 16:1  "Log-on banner" holds only placeholder text');
  });

  it('--output writes the report to a file and nothing to standard output', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'clausewise-out-')), 'report.sarif');
    const result = runCli([...problems, '--format', 'sarif', '--output', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe('2.1.0');
  });
});
