import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run';
import { tempWorkspace } from '../helpers/tempWorkspace';

describe('clausewise explain', () => {
  it('prints a control readably: title, path, summary, health note, elements and mappings', () => {
    const { code, stdout, stderr } = runCli(['explain', '12.4.1']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('12.4.1  Event logging  [essential]');
    expect(lines[1]).toBe('ISO 27799:2016 › 12 Operations security › 12.4 Logging and monitoring');
    expect(stdout).toMatch(/\nSummary\n {2}\S/);
    expect(stdout).toMatch(/\nIn a health organisation\n {2}\S/);
    expect(stdout).toContain("Elements (Clausewise's baseline, not the standard's text)");
    expect(stdout).toMatch(/ISO\/IEC 27002:2022\n {4}8\.15 +Logging/);
    expect(stdout).toContain('HIPAA Security Rule');
    expect(stdout).not.toMatch(/\u001b\[/);
  });

  it('accepts the ways people write ids', () => {
    expect(runCli(['explain', 'ISO', '27799', '§9.4.2']).stdout).toMatch(/^9\.4\.2 {2}Secure log-on procedures/);
    expect(runCli(['explain', 'A.9.4.2']).stdout).toMatch(/^9\.4\.2 /);
  });

  it('prints an objective with its controls', () => {
    const { code, stdout } = runCli(['explain', '9.4']);
    expect(code).toBe(0);
    expect(stdout).toContain('9.4.5    Access control to program source code');
  });

  it('prints JSON with --json', () => {
    const { code, stdout } = runCli(['explain', '9.4.2', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ id: '9.4.2', kind: 'control', title: 'Secure log-on procedures', essential: false });
    expect(json.path.map((step: { id: string }) => step.id)).toEqual(['9', '9.4', '9.4.2']);
    expect(json.maps.iso27002_2022).toEqual([{ id: '8.5', title: 'Secure authentication', origin: 'derived' }]);
    expect(json.elements.length).toBeGreaterThanOrEqual(2);
  });

  it('shows the evidence that finds each element in prose: a few words per group in the text, every word in JSON', () => {
    const text = runCli(['explain', '9.2.5']).stdout;
    expect(text).toMatch(/in prose: \[review\* \| [^\]]*… \d+ more\] \+ \[access \| [^\]]*\] \+ \[\$frequency\]/);
    expect(text).toContain('a word of each [group]; $frequency, $duration and $role stand for any frequency, duration or role;');
    const json = JSON.parse(runCli(['explain', '9.2.5', '--json']).stdout);
    const frequency = json.elements.find((element: { id: string }) => element.id === 'access-review-frequency');
    expect(frequency.evidence.at(-1)).toEqual(['$frequency']);
    expect(frequency.evidence[0].length).toBeGreaterThan(8);
  });

  it('shows the curated HIPAA links, marks those added in review and counts what review kept, added and removed', async () => {
    const { code, stdout } = runCli(['explain', '17.1.2']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n {4}164\.312\(a\)\(2\)\(ii\) +Emergency access procedure {2}\[added in review\]\n/);
    expect(stdout).not.toContain('164.310(a)(1) ');
    expect(stdout).toContain('    reviewed: 5 derived kept, 1 added, 2 removed (--json gives the reasons)');
    await expect(stdout).toMatchFileSnapshot('__snapshots__/explain-17.1.2.txt');
    const emptied = runCli(['explain', '18.1.5']).stdout;
    expect(emptied).toContain('  HIPAA Security Rule (45 CFR 164 Subpart C)\n    (no link left after review)\n    reviewed: 0 derived kept, 0 added, 17 removed');
  });

  it('marks the elements meant for care providers only, and says when the organisation-type of the config does not expect them', () => {
    const provider = runCli(['explain', '13.1.3']).stdout;
    expect(provider).toContain('  • Medical device network (medical-device-network)  [care providers only]\n      also:');
    expect(provider).not.toContain('not expected here');
    const vendor = tempWorkspace({ '.clausewise.yaml': 'organisation-type: health-technology\n' });
    const text = runCli(['explain', '13.1.3'], { cwd: vendor }).stdout;
    expect(text).toMatch(/• Medical device network \(medical-device-network\) {2}\[care providers only\]\n {6}not expected here\s+\(organisation-type:\s+health-technology\s+in\s+\S*\.clausewise\.yaml\):\s+missing-element\s+does\s+not\s+report\s+it/);
    expect(text).toMatch(/• Network segmentation \(network-segmentation\)\n {6}also:/);
    const json = JSON.parse(runCli(['explain', '13.1.3', '--json'], { cwd: vendor }).stdout);
    expect(json.organisationType).toBe('health-technology');
    expect(json.elements.map((element: { id: string; expected: boolean }) => [element.id, element.expected])).toEqual([
      ['network-segmentation', true], ['medical-device-network', false], ['guest-network', false], ['wireless-networks', true],
    ]);
    expect(JSON.parse(runCli(['explain', '13.1.3', '--json']).stdout).elements[1]).toMatchObject({ appliesTo: ['care-provider'], expected: true });
  });

  it('lists the element ids a control retired and what replaced them', () => {
    expect(runCli(['explain', '9.4.3']).stdout).toMatch(/\n {2}formerly single-sign-on: replaced by password-rule-exceptions\. Single sign-on/);
    expect(JSON.parse(runCli(['explain', '15.2.1', '--json']).stdout).retiredElements).toEqual([{ id: 'supplier-register', movedTo: '15.1.1', reason: expect.any(String) }]);
  });

  it('gives each link its origin and each removed link its reason in --json', () => {
    const json = JSON.parse(runCli(['explain', '17.1.2', '--json']).stdout);
    expect(json.maps.hipaa).toContainEqual({ id: '164.308(a)(7)', title: 'Contingency plan', origin: 'confirmed' });
    expect(json.maps.hipaa).toContainEqual({
      id: '164.312(a)(2)(ii)',
      title: 'Emergency access procedure',
      origin: 'added',
      reason: expect.stringMatching(/emergency access procedure/),
    });
    expect(json.mapsRemoved.hipaa.map((link: { id: string }) => link.id)).toEqual(['164.308(a)(7)(ii)(D)', '164.310(a)(1)']);
    for (const link of json.mapsRemoved.hipaa) expect(link.reason).toMatch(/^\S.*\.$/);
    expect(json.mapsRemoved.iso27002_2022).toBeUndefined();
    const essential = JSON.parse(runCli(['explain', '15.1.2', '--json']).stdout);
    expect(essential).toMatchObject({ essential: true, reason: expect.stringMatching(/business associate/) });
    expect(essential.maps.hipaa.map((link: { id: string }) => link.id)).toContain('164.308(b)(3)');
  });

  it('exits 2 with suggestions for an unknown id', () => {
    const { code, stdout, stderr } = runCli(['explain', '9.4.7']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^clausewise: "9\.4\.7" is not a clause of ISO 27799:2016\n {2}did you mean: 9\.4\.5 Access control to program source code; 9\.4\.4/);
  });

  it('exits 2 with a usage message when the id is missing or an option is unknown', () => {
    expect(runCli(['explain'])).toMatchObject({ code: 2, stderr: expect.stringContaining('explain needs a clause id') });
    expect(runCli(['explain', '9.4.2', '--jsn'])).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--jsn'") });
    expect(runCli(['nonsense'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "nonsense"') });
  });

  it('exits 2 naming a missing custom catalog, as check does, and the built-in names it could have meant', () => {
    const { code, stderr } = runCli(['explain', '1.1.1', '--catalog', 'test/fixtures/catalogs/missing.yaml']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/no such catalog file: test\/fixtures\/catalogs\/missing\.yaml\n {2}name a catalog file, or a built-in catalog: iso27799-2016 or iso27002-2022/);
  });

  it('explains a control of a custom catalog', () => {
    const { code, stdout } = runCli(['explain', '1.1.1', '--catalog', 'test/fixtures/catalogs/small.yaml']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^1\.1\.1 {2}Named accounts {2}\[essential\]\nACME controls › 1 Access › 1\.1 Accounts/);
  });
});
