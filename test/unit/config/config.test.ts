import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../server/src/catalog/load';
import { elementsFor, isEssential } from '../../../server/src/config/elements';
import { findConfigFile, loadConfig } from '../../../server/src/config/load';
import { ConfigResolver } from '../../../server/src/config/resolve';
import { DataFileError } from '../../../server/src/yaml/problem';
import { fixturesDir } from '../../helpers/paths';
import { checkFiles } from '../../../server/src/engine/batch';
import { checkFolder } from '../../helpers/checkFolder';
import { policyText, tempWorkspace } from '../../helpers/tempWorkspace';

function problems(file: string) {
  try {
    loadConfig(file);
  } catch (error) {
    if (error instanceof DataFileError) return error.problems;
    throw error;
  }
  throw new Error('config accepted');
}

describe('finding the configuration', () => {
  it('walks up from the document to the nearest .clausewise.yaml, .yml or .json', () => {
    const root = tempWorkspace({ '.clausewise.yaml': 'rules: {}\n', 'a/b/doc.md': '', 'a/c/.clausewise.json': '{"rules": {}}', 'a/c/d/doc.md': '' });
    expect(findConfigFile(join(root, 'a', 'b'))).toBe(join(root, '.clausewise.yaml'));
    expect(findConfigFile(join(root, 'a', 'c', 'd'))).toBe(join(root, 'a', 'c', '.clausewise.json'));
    expect(new ConfigResolver(root).forDocument(join(root, 'a', 'c', 'd', 'doc.md')).config.file).toBe(join(root, 'a', 'c', '.clausewise.json'));
  });

  it('uses the defaults and the bundled catalog when there is no config', () => {
    const root = tempWorkspace({ 'doc.md': '' });
    // A config above the temporary folder would make this test meaningless: say so rather than pass.
    expect(findConfigFile(root), 'a .clausewise.yaml above the temporary folder').toBeUndefined();
    const { config, catalog } = new ConfigResolver(root).forDocument(join(root, 'doc.md'));
    expect(config.file).toBeUndefined();
    expect(config.requiredFields).toContain('clauses');
    expect(catalog.controls).toHaveLength(114);
  });

  it('reads an empty .clausewise.yaml (blank, or only comments) as every default, not as an error', () => {
    for (const text of ['', '\n', '# Clausewise: defaults for now\n']) {
      const root = tempWorkspace({ '.clausewise.yaml': text, 'doc.md': '' });
      const config = loadConfig(join(root, '.clausewise.yaml')).config;
      expect(config.file).toBe(join(root, '.clausewise.yaml'));
      expect(config.requiredFields).toContain('clauses');
    }
  });
});

describe('a broken config stops with one clear error naming its file and line', () => {
  it.each([
    ['an unknown rule id, with a suggestion', 'rules:\n  missing-elements: off\n', 2, /unknown key "missing-elements" \(did you mean "missing-element"\?\)/],
    ['a wrong severity', 'rules:\n  missing-element: loud\n', 2, /must be one of off, info, warning, error/],
    ['a misspelt top-level key', 'includes: ["*.md"]\n', 1, /unknown key "includes" \(did you mean "include"\?\)/],
    ['a YAML syntax error, placed at the list never closed', 'include: ["*.md"\nrules: {}\n', 1, /^YAML syntax: this list is never closed: add \]/],
    ['an unknown control in elements', 'elements:\n  9.4.9:\n    waive: [x]\n', 2, /"9\.4\.9" is not a control of ISO 27799:2016/],
    ['an unknown element to waive', 'elements:\n  9.4.2:\n    waive: [session-time-out]\n', 3, /control 9\.4\.2 has no element "session-time-out" \(did you mean "session-timeout"\?\)/],
    ['a catalog that does not exist', 'catalog: ./mine.yaml\n', 1, /catalog file "\.\/mine\.yaml" does not exist/],
    ['a bad review cycle', 'review-every: every year\n', 1, /"review-every" has the wrong form/],
    ['an unknown way of matching elements', 'elements:\n  match: loose\n', 2, /must be one of prose, headings/],
    ['evidence for an unknown element', 'elements:\n  9.4.2:\n    evidence:\n      session-time-out: [auto lock]\n', 4, /control 9\.4\.2 has no element "session-time-out" \(did you mean "session-timeout"\?\)/],
    ['a malformed evidence phrase', 'elements:\n  9.4.2:\n    evidence:\n      session-timeout: ["lo*"]\n', 4, /a \* may only end a word of at least 3 letters/],
    ['an unknown organisation type', 'organisation-type: hospital\n', 1, /"organisation-type" must be one of care-provider, health-technology, other/],
    ['the American spelling of organisation-type', 'organization-type: other\n', 1, /unknown key "organization-type" \(did you mean "organisation-type"\?\)/],
    ['a waived element the baseline replaced, naming its replacement', 'elements:\n  9.4.3:\n    waive: [single-sign-on]\n', 3, /control 9\.4\.3 no longer has element "single-sign-on": Clausewise's baseline changed and it was replaced by "password-rule-exceptions" \(Single sign-on is authentication architecture, not password management\); name "password-rule-exceptions" if it should apply to that element, or remove this entry/],
    ['evidence for an element that moved to another control', 'elements:\n  15.2.1:\n    evidence:\n      supplier-register: [vendor list]\n', 4, /control 15\.2\.1 no longer has element "supplier-register": Clausewise's baseline changed and it moved to control 15\.1\.1 under the same id; put this entry under elements\.15\.1\.1/],
    ['an unknown typed concept in an added element', 'elements:\n  9.4.2:\n    add:\n      - id: x\n        title: X\n        evidence: [[$colour]]\n', 6, /has the wrong form \(A word, a phrase, a word start ending in \* \(recertif\*\), or \$frequency, \$duration or \$role/],
  ])('%s', (_name, text, line, message) => {
    const root = tempWorkspace({ '.clausewise.yaml': text });
    const [problem, ...rest] = problems(join(root, '.clausewise.yaml'));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: join(root, '.clausewise.yaml'), line });
    expect(problem!.message).toMatch(message);
  });
});

describe('a config read for the editor (dropInvalid) leaves out its wrong parts and uses the rest', () => {
  it('ignores a misspelt rule, a wrong severity and an unknown control, each reported with its line', () => {
    const text = 'include: ["*.md"]\nrules:\n  missing-elements: off\n  review-overdue: loud\n  empty-element: warning\nelements:\n  9.4.9:\n    waive: [x]\n  9.4.2:\n    waive: [log-on-banner]\n';
    const root = tempWorkspace({ '.clausewise.yaml': text });
    const { config, ignored } = loadConfig(join(root, '.clausewise.yaml'), { dropInvalid: true });
    expect(config.include).toEqual(['*.md']);
    expect(config.rules).toEqual({ 'empty-element': 'warning' });
    expect(Object.keys(config.elements)).toEqual(['9.4.2']);
    expect(elementsFor(loadCatalog().control('9.4.2')!, config).map((element) => element.id)).not.toContain('log-on-banner');
    expect(ignored.map((problem) => [problem.line, problem.message])).toEqual([
      [3, expect.stringMatching(/unknown key "missing-elements" \(did you mean "missing-element"\?\)/)],
      [4, expect.stringMatching(/must be one of off, info, warning, error/)],
      [7, expect.stringMatching(/"9\.4\.9" is not a control/)],
    ]);
    // The CLI reads it strictly: the same config is refused.
    expect(() => loadConfig(join(root, '.clausewise.yaml'))).toThrow(DataFileError);
  });

  it('still refuses a config that does not parse', () => {
    const root = tempWorkspace({ '.clausewise.yaml': 'include: ["*.md"\n' });
    expect(() => loadConfig(join(root, '.clausewise.yaml'), { dropInvalid: true })).toThrow(/this list is never closed/);
  });
});

describe('what the config changes', () => {
  const catalog = loadCatalog();
  const control = catalog.control('9.4.2')!;

  it('adds, waives and extends the aliases of elements per control', () => {
    const root = tempWorkspace({
      '.clausewise.yaml': 'elements:\n  9.4.2:\n    waive: [log-on-banner]\n    add:\n      - id: badge-tap\n        title: Badge tap\n    aliases:\n      session-timeout: [Auto lock]\n',
    });
    const { config } = loadConfig(join(root, '.clausewise.yaml'));
    const elements = elementsFor(control, config);
    expect(elements.map((element) => element.id)).toEqual(['multi-factor-authentication', 'failed-log-on-attempts', 'session-timeout', 'badge-tap']);
    expect(elements.find((element) => element.id === 'session-timeout')!.aliases).toContain('Auto lock');
    expect(elements.at(-1)!.prompt).toBe('Describe badge tap.');
  });

  it('adds phrases of the organisation’s own that find an element in prose, and can require headings', async () => {
    const body = '# Log-on\n\nSign-in uses a Badge Tap Plus card at every workstation.\n';
    const policy = (id: string) => `---\nid: ${id}\ntitle: T\ntype: standard\nowner: CISO\nstatus: draft\nversion: 1.0.0\nclauses: [9.4.2]\n---\n${body}`;
    const missingIds = async (config: string) =>
      (await checkFolder(tempWorkspace({ '.clausewise.yaml': config, 'a.md': policy('POL-1') })))[0]!
        .findings.filter((finding) => finding.ruleId === 'missing-element')
        .flatMap((finding) => finding.elements?.map((element) => element.id) ?? []);
    expect(await missingIds('rules: {}\n')).toContain('multi-factor-authentication');
    const withPhrase = 'elements:\n  9.4.2:\n    evidence:\n      multi-factor-authentication: [badge tap plus]\n';
    expect(await missingIds(withPhrase)).not.toContain('multi-factor-authentication');
    expect(await missingIds(`${withPhrase.replace('elements:\n', 'elements:\n  match: headings\n')}`)).toContain('multi-factor-authentication');
    const { config } = loadConfig(join(tempWorkspace({ '.clausewise.yaml': withPhrase }), '.clausewise.yaml'));
    expect(config.elementMatch).toBe('prose');
    expect(elementsFor(control, config).find((element) => element.id === 'multi-factor-authentication')!.phrases).toEqual(['badge tap plus']);
  });

  it('replaces the elements of a control', () => {
    const root = tempWorkspace({ '.clausewise.yaml': 'elements:\n  9.4.2:\n    replace:\n      - id: sign-in\n        title: Sign-in\n        prompt: Say how people sign in.\n' });
    const { config } = loadConfig(join(root, '.clausewise.yaml'));
    expect(elementsFor(control, config).map((element) => element.title)).toEqual(['Sign-in']);
  });

  it('expects the elements meant for care providers only of a care provider, by default and when set; not of other organisations', async () => {
    const policy = `---\nid: POL-NET\ntitle: Network\ntype: standard\nowner: CISO\nstatus: draft\nversion: 1.0.0\nclauses: [13.1.3]\n---\n# Network\n\n## Network segmentation\n\nZones: office, server, management; traffic between zones passes the firewall.\n\n## Wireless networks\n\nStaff Wi-Fi admits managed laptops with certificates; rogue access points are scanned for weekly.\n`;
    const missing = async (config: string) =>
      (await checkFolder(tempWorkspace({ '.clausewise.yaml': config, 'a.md': policy })))[0]!
        .findings.filter((finding) => finding.ruleId === 'missing-element')
        .flatMap((finding) => finding.elements?.map((element) => element.id) ?? []);
    expect(await missing('rules: {}\n')).toEqual(['medical-device-network', 'guest-network']);
    expect(await missing('organisation-type: care-provider\n')).toEqual(['medical-device-network', 'guest-network']);
    expect(await missing('organisation-type: health-technology\n')).toEqual([]);
    expect(await missing('organisation-type: other\n')).toEqual([]);
    const { config } = loadConfig(join(tempWorkspace({ '.clausewise.yaml': 'organisation-type: health-technology\n' }), '.clausewise.yaml'));
    expect(config.organisationType).toBe('health-technology');
    expect(elementsFor(catalog.control('17.1.2')!, config).map((element) => element.id)).not.toContain('downtime-procedures');
    // A config may still add an element of its own to a control whose baseline element it is not expected to address.
    const added = loadConfig(join(tempWorkspace({ '.clausewise.yaml': 'organisation-type: other\nelements:\n  13.1.3:\n    add:\n      - id: lab-network\n        title: Laboratory network\n' }), '.clausewise.yaml')).config;
    expect(elementsFor(catalog.control('13.1.3')!, added).map((element) => element.id)).toEqual(['network-segmentation', 'wireless-networks', 'lab-network']);
  });

  it('overrides whether a control is essential', () => {
    const root = tempWorkspace({ '.clausewise.yaml': 'essential:\n  12.4.1: false\n  11.1.6: true\n' });
    const { config } = loadConfig(join(root, '.clausewise.yaml'));
    expect(isEssential(catalog.control('12.4.1')!, config)).toBe(false);
    expect(isEssential(catalog.control('11.1.6')!, config)).toBe(true);
  });

  it('sets rule severities and turns rules off', async () => {
    const text = policyText('POL-1', 'last-reviewed: 2020-01-01\n');
    const on = await checkFolder(tempWorkspace({ '.clausewise.yaml': 'rules:\n  review-overdue: error\n', 'a.md': text }), {}, '2026-01-01');
    expect(on[0]!.findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([['review-overdue', 'error']]);
    const off = await checkFolder(tempWorkspace({ '.clausewise.yaml': 'rules:\n  review-overdue: off\n', 'a.md': text }), {}, '2026-01-01');
    expect(off[0]!.findings).toEqual([]);
  });

  it('changes the required fields', async () => {
    const root = tempWorkspace({ '.clausewise.yaml': 'required-fields: [id, classification]\n', 'a.md': policyText('POL-1') });
    expect((await checkFolder(root))[0]!.findings.map((finding) => finding.message)).toEqual(['frontmatter has no "classification"; every policy document needs one (required-fields)']);
  });

  it('decides which files are policies: include globs, else Clausewise frontmatter; a README is never flagged', async () => {
    const root = tempWorkspace({ 'README.md': '# Project\n\nSee ISO 27799 9.4.2.\n', 'notes.md': '---\ntitle: Notes\n---\n# Notes\n', 'a.md': policyText('POL-1') });
    const { results } = await checkFiles(['README.md', 'notes.md', 'a.md'].map((name) => join(root, name)), { cwd: root });
    expect(results.map((result) => [result.summary.isPolicy, result.findings.length])).toEqual([[false, 0], [false, 0], [true, 0]]);
    const broken = tempWorkspace({ 'b.md': '---\nid: [POL-B\nclauses: [9.4.2]\n---\n# B\n' });
    const { results: brokenResults } = await checkFiles([join(broken, 'b.md')], { cwd: broken });
    expect(brokenResults[0]!.findings.map((finding) => finding.ruleId)).toEqual(['frontmatter-syntax']);
    const included = await checkFolder(tempWorkspace({ '.clausewise.yaml': 'include: ["policies/**"]\n', 'policies/x.md': '# X\n' }).concat('/policies'));
    expect(included.map((file) => file.findings.map((finding) => finding.ruleId))).toEqual([['frontmatter-missing']]);
  });

  it('reads a custom catalog named by the config, relative to the config file', () => {
    const root = tempWorkspace({ '.clausewise.yaml': `catalog: ${join(fixturesDir, 'catalogs', 'small.yaml')}\n` });
    expect(loadConfig(join(root, '.clausewise.yaml')).catalog.info.name).toBe('ACME controls');
  });
});
