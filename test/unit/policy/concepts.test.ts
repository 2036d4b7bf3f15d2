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

describe('typed concepts', () => {
  it('a frequency: period words, "every N units", "once a year", cycles', () => {
    expect(found('frequency', 'Access is reviewed quarterly by the owner.')).toBe('quarterly');
    expect(found('frequency', 'reviewed on a bi-annual basis')).toBe('bi-annual');
    expect(found('frequency', 'Accounts are reviewed every 90 days.')).toBe('every 90 days');
    expect(found('frequency', 'at least once a year')).toBe('once a year');
    expect(found('frequency', 'Restores are tested every six months.')).toBe('every six months');
    expect(found('frequency', 'keys rotate on a 30-day cycle')).toBe('30-day cycle');
    expect(found('frequency', 'tested every [number] months')).toBe('every [number] months');
    expect(found('frequency', 'Semi-annually, the board meets.')).toBe('Semi-annually');
  });

  it('not a frequency: vague words and durations', () => {
    expect(found('frequency', 'Access is reviewed regularly and periodically, in a timely manner.')).toBeUndefined();
    expect(found('frequency', 'Logs are kept for six years.')).toBeUndefined();
  });

  it('a duration: amounts of time, deadlines and "immediately"', () => {
    expect(found('duration', 'Access is removed within 24 hours of leaving.')).toBe('24 hours');
    expect(found('duration', 'Records are kept for six years.')).toBe('six years');
    expect(found('duration', 'a 90-day password expiration')).toBe('90-day');
    expect(found('duration', 'Sessions lock after 15 minutes of inactivity.')).toBe('15 minutes');
    expect(found('duration', 'The account is disabled immediately.')).toBe('immediately');
    expect(found('duration', 'within [X] business days')).toBe('[X] business days');
    expect(found('duration', 'Incidents are reported without undue delay.')).toBeUndefined();
    expect(found('duration', 'Remote access needs a second factor.')).toBeUndefined();
    expect(found('duration', 'Access is removed promptly.')).toBeUndefined();
  });

  it('a role: titles, owners, managers, teams, acronyms in capitals, template roles', () => {
    expect(found('role', 'reviewed by the Security Officer')).toBe('Security Officer');
    expect(found('role', 'the system owner signs off')).toBe('system owner');
    expect(found('role', 'approved by their line manager')).toBe('line manager');
    expect(found('role', 'The IT department disables it.')).toBe('IT department');
    expect(found('role', 'HR notifies IT.')).toBe('HR');
    expect(found('role', 'approved by the CISO')).toBe('CISO');
    expect(found('role', 'the {{securityOfficer}} decides')).toBe('{{securityOfficer}}');
  });

  it('not a role: tools, generic staff, the word "it"', () => {
    expect(found('role', 'Passwords are kept in a password manager.')).toBeUndefined();
    expect(found('role', 'All staff must lock it when they leave.')).toBeUndefined();
    expect(found('role', 'it is reviewed')).toBeUndefined();
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
