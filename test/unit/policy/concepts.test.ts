import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONCEPTS, findConcept, type Concept } from '../../../server/src/policy/concepts';
import { parsePolicyDocument } from '../../../server/src/document/parse';
import { repoRoot } from '../../helpers/paths';

const found = (concept: Concept, text: string) => {
  const span = findConcept(concept, text);
  return span && text.slice(span.start, span.end);
};

/** Each text and the part of it the concept must find (undefined: nothing). */
const cases: [Concept, string, string | undefined][] = [
  // A frequency: period words, "every N units", "once a year", cycles, template blanks.
  ['frequency', 'Access is reviewed quarterly by the owner.', 'quarterly'],
  ['frequency', 'reviewed on a bi-annual basis', 'bi-annual'],
  ['frequency', 'Accounts are reviewed every 90 days.', 'every 90 days'],
  ['frequency', 'at least once a year', 'once a year'],
  ['frequency', 'Restores are tested every six months.', 'every six months'],
  ['frequency', 'keys rotate on a 30-day cycle', '30-day cycle'],
  ['frequency', 'tested every [number] months', 'every [number] months'],
  ['frequency', 'Semi-annually, the board meets.', 'Semi-annually'],
  ['frequency', 'The plan is tested biennially.', 'biennially'],
  ['frequency', 'a biennial review of the charter', 'biennial'],
  ['frequency', 'at least once per calendar year', 'once per calendar year'],
  ['frequency', 'The plan is reviewed once per annum.', 'per annum'],
  ['frequency', 'Keys are checked every half-year.', 'every half-year'],
  ['frequency', 'Logs are sampled every 30-days.', 'every 30-days'],
  // Not a frequency: vague words, a duration.
  ['frequency', 'Access is reviewed regularly and periodically, in a timely manner.', undefined],
  ['frequency', 'Logs are kept for six years.', undefined],
  // A duration: amounts of time, deadlines, "immediately"; not vague words, not "a second factor".
  ['duration', 'Access is removed within 24 hours of leaving.', '24 hours'],
  ['duration', 'Records are kept for six years.', 'six years'],
  ['duration', 'a 90-day password expiration', '90-day'],
  ['duration', 'Sessions lock after 15 minutes of inactivity.', '15 minutes'],
  ['duration', 'The account is disabled immediately.', 'immediately'],
  ['duration', 'within [X] business days', '[X] business days'],
  ['duration', 'Incidents are reported without undue delay.', undefined],
  ['duration', 'Remote access needs a second factor.', undefined],
  ['duration', 'Access is removed promptly.', undefined],
  // A role: titles, owners, managers, teams, acronyms in capitals, template roles.
  ['role', 'reviewed by the Security Officer', 'Security Officer'],
  ['role', 'the system owner signs off', 'system owner'],
  ['role', 'approved by their line manager', 'line manager'],
  ['role', 'The IT department disables it.', 'IT department'],
  ['role', 'HR notifies IT.', 'HR'],
  ['role', 'approved by the CISO', 'CISO'],
  ['role', 'the {{securityOfficer}} decides', '{{securityOfficer}}'],
  ['role', 'approved by the HIPAA Security Official', 'Security Official'],
  ['role', 'reviewed with legal counsel', 'legal counsel'],
  ['role', 'the ward is checked by the charge nurse', 'charge nurse'],
  ['role', 'approved by the VP of Engineering', 'VP of Engineering'],
  ['role', 'the Vice President signs the plan', 'Vice President'],
  ['role', 'reported to senior leadership', 'senior leadership'],
  ['role', 'the Director approves it', 'Director'],
  ['role', 'call the helpdesk', 'helpdesk'],
  ['role', 'the incident commander decides', 'incident commander'],
  // Not a role: a tool, generic staff, the word "it".
  ['role', 'Passwords are kept in a password manager.', undefined],
  ['role', 'All staff must lock it when they leave.', undefined],
  ['role', 'it is reviewed', undefined],
  ['role', 'an official copy is kept', undefined],
];

describe('typed concepts', () => {
  it.each(cases)('%s in "%s" is %j', (concept, text, expected) => {
    expect(found(concept, text)).toBe(expected);
  });

  it('the cheap pre-test never hides a match the full pattern finds, on every block of the samples and the test corpus', () => {
    const folders = ['samples', 'samples/with-problems', 'test/corpus/datica', 'test/corpus/comply'].map((folder) => join(repoRoot, folder));
    let blocks = 0;
    for (const folder of folders) {
      for (const name of readdirSync(folder).filter((file) => file.endsWith('.md'))) {
        const document = parsePolicyDocument(name, readFileSync(join(folder, name), 'utf8'));
        for (const block of document.blocks) {
          const text = document.text.slice(block.range.start, block.range.end);
          blocks++;
          for (const concept of CONCEPTS) expect(findConcept(concept, text), `${concept} in ${name}`).toEqual(findConcept(concept, text, false));
        }
      }
    }
    expect(blocks).toBeGreaterThan(1000);
  });
});
