import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../server/src/catalog/load';
import { sharedHeadings } from '../../../server/src/catalog/sharedHeadings';
import { ORGANISATION_TYPES } from '../../../server/src/catalog/types';
import { elementsFor } from '../../../server/src/config/elements';
import { defaultConfig } from '../../../server/src/config/load';

const catalog = loadCatalog();
const element = (controlId: string, elementId: string) => catalog.control(controlId)?.elements.find((candidate) => candidate.id === elementId);

/**
 * Headings that may stay shared by two controls, because one section truly serves both. Everything
 * else a heading names belongs to one control's element (issue #16: at most 10).
 */
const ALLOWED_SHARED_HEADINGS: Record<string, string> = {
  'certificate destruction':
    "8.3.2 and 11.2.7: the disposal contractor's certificate covers media and equipment alike, and one section on it serves both.",
};

describe('the baseline elements (issue #16)', () => {
  it('lets at most 10 headings count for elements of two controls, each one listed here with its reason', () => {
    const shared = sharedHeadings(catalog);
    expect(Object.keys(ALLOWED_SHARED_HEADINGS).length).toBeLessThanOrEqual(10);
    expect(shared.length).toBeLessThanOrEqual(10);
    expect(shared.map((heading) => `${heading.key}: ${heading.names.join('; ')}`).filter((line) => !(line.split(':')[0]! in ALLOWED_SHARED_HEADINGS))).toEqual([]);
    for (const heading of shared) expect(heading.controls, heading.key).toHaveLength(2);
  });

  it('no longer gives clashing meanings one heading', () => {
    const owners = (name: string) => new Set(sharedHeadings(catalog).filter((heading) => heading.names.some((entry) => entry.endsWith(`: ${name}`))).flatMap((heading) => heading.controls));
    for (const name of ['Version control', 'Impact analysis', 'Security principles', 'Chain of custody', 'Leavers', 'Penetration testing', 'Remote access', 'Privacy impact assessment']) {
      expect([...owners(name)], name).toEqual([]);
    }
  });

  it('replaces the weak elements the issue names, and says in retiredElements what replaced each', () => {
    const replaced: [string, string, string][] = [
      ['9.4.3', 'single-sign-on', 'password-rule-exceptions'],
      ['6.1.4', 'threat-intelligence', 'specialist-advice'],
      ['5.1.2', 'version-control', 'review-inputs'],
      ['7.2.1', 'security-induction', 'temporary-and-external-staff'],
      ['7.3.1', 'role-change', 'work-handover'],
      ['9.1.2', 'wireless-access', 'network-authentication'],
      ['14.1.1', 'privacy-impact-assessment', 'baseline-system-requirements'],
      ['14.2.1', 'development-scope', 'secure-development-lifecycle'],
      ['14.2.5', 'hardening-standards', 'reference-architecture'],
      ['14.2.6', 'source-code-protection', 'development-backups'],
      ['13.2.4', 'confidentiality-agreement-review', 'agreement-breach'],
      ['12.1.3', 'capacity-reporting', 'capacity-shortfalls'],
      ['11.2.5', 'spot-checks', 'removal-time-limits'],
      ['12.4.1', 'log-retention', 'access-log-retention'],
      // the same idea in two controls: the other control keeps it, this one asks what is its own
      ['7.3.1', 'access-removal', 'leaver-notification'],
      ['14.2.8', 'penetration-testing', 'release-security-testing'],
      ['6.2.2', 'remote-access', 'teleworking-networks'],
      ['7.2.1', 'compliance-monitoring', 'security-in-appraisals'],
    ];
    for (const [controlId, old, replacement] of replaced) {
      const control = catalog.control(controlId)!;
      expect(element(controlId, old), `${controlId}/${old}`).toBeUndefined();
      expect(control.retiredElements.find((retired) => retired.id === old), `${controlId}/${old}`).toMatchObject({ replacedBy: replacement });
      expect(element(controlId, replacement)?.evidence.length, `${controlId}/${replacement}`).toBeGreaterThan(0);
    }
    // The supplier register belongs to the supplier policy: moved under the same id.
    expect(element('15.2.1', 'supplier-register')).toBeUndefined();
    expect(element('15.1.1', 'supplier-register')).toBeDefined();
    expect(catalog.control('15.2.1')!.retiredElements).toContainEqual(expect.objectContaining({ id: 'supplier-register', movedTo: '15.1.1' }));
    expect(element('15.2.1', 'supplier-issue-follow-up')?.evidence.length).toBeGreaterThan(0);
  });

  it('keeps one home for an idea two controls shared: leavers, penetration testing, the privacy impact assessment', () => {
    expect(element('9.2.6', 'access-termination')?.aliases).not.toContain('Leavers');
    expect(element('18.2.3', 'penetration-testing')).toBeDefined();
    expect(element('18.1.4', 'privacy-impact-assessment')?.aliases).toEqual(expect.arrayContaining(['DPIA', 'PIA']));
    expect(element('6.1.5', 'privacy-impact-assessment')?.prompt).toMatch(/project stage/);
  });

  it('asks one thing in each prompt the issue found bundled', () => {
    for (const [controlId, elementId] of [['8.3.2', 'disposal-process'], ['9.2.5', 'access-review-process'], ['16.1.2', 'reporting-channels'], ['9.4.2', 'log-on-banner']] as const) {
      const prompt = element(controlId, elementId)!.prompt;
      expect(prompt.split(/[.;] /), `${controlId}/${elementId}`).toHaveLength(1);
      expect(prompt, `${controlId}/${elementId}`).not.toMatch(/, and | and (?:how|who|what|where|when|say|describe) /);
    }
  });

  it('marks the elements that assume care premises or a patient record system as applying to care providers only', () => {
    const marked = catalog.controls.flatMap((control) => control.elements.filter((candidate) => candidate.appliesTo).map((candidate) => `${control.id}/${candidate.id}: ${candidate.appliesTo!.join(', ')}`));
    expect(marked.sort()).toEqual([
      '11.1.1/emergency-exits: care-provider',
      '11.1.4/water-protection: care-provider',
      '11.2.6/equipment-in-patient-homes: care-provider',
      '11.2.9/whiteboards-and-displays: care-provider',
      '12.4.1/patient-record-access-audit: care-provider',
      '13.1.3/guest-network: care-provider',
      '13.1.3/medical-device-network: care-provider',
      '17.1.2/downtime-procedures: care-provider',
    ]);
  });

  it('waives those elements for health-technology and other organisations, keeps them by default, and leaves every control at least two elements', () => {
    for (const type of ORGANISATION_TYPES) {
      const config = { ...defaultConfig('/org'), organisationType: type };
      for (const control of catalog.controls) {
        const expected = elementsFor(control, config);
        expect(expected.length, `${type} ${control.id}`).toBeGreaterThanOrEqual(2);
        const waived = control.elements.filter((candidate) => !expected.includes(candidate)).map((candidate) => candidate.id);
        expect(waived, `${type} ${control.id}`).toEqual(control.elements.filter((candidate) => candidate.appliesTo && !candidate.appliesTo.includes(type)).map((candidate) => candidate.id));
      }
    }
    expect(defaultConfig('/org').organisationType).toBe('care-provider');
    expect(elementsFor(catalog.control('13.1.3')!, { ...defaultConfig('/org'), organisationType: 'health-technology' }).map((candidate) => candidate.id)).toEqual(['network-segmentation', 'wireless-networks']);
  });
});
