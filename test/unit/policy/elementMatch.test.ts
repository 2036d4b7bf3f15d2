import { describe, expect, it } from 'vitest';
import type { Element } from '../../../server/src/catalog/types';
import { parsePolicyDocument } from '../../../server/src/document/parse';
import { matchElements, type ElementMatch } from '../../../server/src/policy/elementMatch';

const element = (evidence: string[][], extra: Partial<Element> = {}): Element => ({
  id: 'access-review-frequency',
  title: 'Access review frequency',
  aliases: ['Access review schedule'],
  prompt: 'Set how often access is reviewed.',
  evidence,
  ...extra,
});
const reviewFrequency = element([['review', 'recertif*'], ['access', 'account', 'permission'], ['$frequency']]);

function match(body: string, elements: Element[] = [reviewFrequency], mode: 'prose' | 'headings' = 'prose'): ElementMatch {
  const document = parsePolicyDocument('/p.md', `---\nid: P\nclauses: [9.2.5]\n---\n# Access control\n\n${body}`);
  return matchElements(document, elements, mode)[0]!;
}
const where = (body: string, elements?: Element[]) => {
  const found = match(body, elements);
  return found.state === 'prose' ? { kind: found.evidence!.block.kind, words: found.evidence!.words } : found.state;
};

describe('finding an element in prose', () => {
  it('in one paragraph, with stemming: "reviewed" and "accounts" meet "review" and "account"', () => {
    expect(where('All user accounts are reviewed quarterly by the system owner.')).toEqual({ kind: 'paragraph', words: ['accounts', 'reviewed', 'quarterly'] });
  });

  it('in one list item of a numbered list, not in its neighbours', () => {
    const body = '## 7.2 Establishment\n\n1. Access is requested through a ticket.\n2. Each request is approved by the owner.\n3. Review of user access is monitored on a quarterly basis.\n';
    expect(where(body)).toEqual({ kind: 'list-item', words: ['review', 'access', 'quarterly'] });
  });

  it('in a table row, with its header row as framing text', () => {
    const body = '| Access | Review cadence |\n| --- | --- |\n| Production accounts | every 90 days |\n';
    expect(where(body)).toEqual({ kind: 'table-row', words: ['review', 'accounts', 'every 90 days'] });
  });

  it('in a grid table row (pandoc)', () => {
    const body = '+----------+--------------+\n| System   | Review       |\n+==========+==============+\n| Accounts | quarterly    |\n+----------+--------------+\n';
    expect(match(body).state).toBe('prose');
  });

  it('in a grid table whose cells wrap over lines: each cell reads as one phrase, in the row and in the header', () => {
    const recovery = element([['recovery time objective*', 'rto'], ['$duration']]);
    const body = [
      '+-----------+-----------------+',
      '| Tier      | **Recovery**    |',
      '| of        | **Time**        |',
      '| care      | **Objective**   |',
      '+===========+=================+',
      '| Clinical  | 4               |',
      '| systems   | hours           |',
      '+-----------+-----------------+',
      '',
    ].join('\n');
    expect(where(body, [recovery])).toEqual({ kind: 'table-row', words: ['recovery time objective', '4 hours'] });
    const access = element([['access review'], ['$frequency']]);
    const wrapped = ['+--------+------------+', '| Access | every 90   |', '| review | days       |', '+--------+------------+', ''].join('\n');
    expect(where(wrapped, [access])).toEqual({ kind: 'table-row', words: ['access review', 'every 90 days'] });
  });

  it('a phrase matches within a sentence, not across a sentence end', () => {
    const passwords = element([['password policy'], ['$frequency']]);
    expect(where('The password policy is reviewed every year.', [passwords])).toEqual({ kind: 'paragraph', words: ['password policy', 'every year'] });
    expect(where('Staff must read the password. Policy reviews happen every year.', [passwords])).toBe('missing');
    // The head-first variant ("policy the password") matches within a sentence, and not across a sentence
    // end either, though there its words are in a row.
    expect(where('Staff must follow the policy the password owner sets every year.', [passwords])).toEqual({ kind: 'paragraph', words: ['policy the password', 'every year'] });
    expect(where('Staff must follow the policy. The password is changed every year.', [passwords])).toBe('missing');
    expect(where('Staff must follow the policy! "The password" is changed every year.', [passwords])).toBe('missing');
  });

  it('in a short section: the words may sit in different sentences under one heading', () => {
    const body = '## Reviews\n\nWe look at every account.\n\nThis happens monthly.\n';
    expect(where(body)).toEqual({ kind: 'section', words: ['reviews', 'account', 'monthly'] });
  });

  it('a phrase never runs from one paragraph, list item, heading or table cell into the next', () => {
    const phrase = [element([['delta echo foxtrot']])];
    // In a short section, with or without a full stop before the paragraph break.
    expect(where('## Notes\n\nWe name alpha bravo charlie delta.\n\nEcho foxtrot golf hotel india here.\n', phrase)).toBe('missing');
    expect(where('## Notes\n\nWe name alpha bravo charlie delta\n\necho foxtrot golf hotel india here.\n', phrase)).toBe('missing');
    // Two list items, two paragraphs of one list item, a heading and the text under it.
    expect(where('- We name delta\n- echo foxtrot here.\n', phrase)).toBe('missing');
    expect(where('- We name delta\n\n  echo foxtrot here.\n- Other.\n', phrase)).toBe('missing');
    expect(where('## Alpha delta\n\nEcho foxtrot here.\n', phrase)).toBe('missing');
    // Two cells of a table row.
    expect(where('| Name | Value |\n| --- | --- |\n| delta | echo foxtrot |\n', phrase)).toBe('missing');
    // Within one paragraph a line break is no boundary, and in the short section the phrase is found.
    expect(where('## Notes\n\nWe name delta\necho foxtrot here.\n\nMore text.\n', phrase)).toEqual({ kind: 'paragraph', words: ['delta echo foxtrot'] });
    const long = element([['alpha bravo charlie delta echo foxtrot golf hotel india']]);
    expect(where('## Notes\n\nWe name alpha bravo charlie delta\n\necho foxtrot golf hotel india here.\n', [long])).toBe('missing');
    expect(where('## Notes\n\nWe name alpha bravo charlie delta! Echo foxtrot golf hotel india here.\n', [long])).toBe('missing');
  });

  it('under a bold-only pseudo-heading, whose title frames the items that follow', () => {
    const body = '**3.3 Access Reviews**\n\n- Done monthly by the Security Officer.\n- Results go to the board.\n\n## Other\n\nText.\n';
    const found = match(body, [element([['review'], ['$frequency']])]);
    expect(found.state).toBe('prose');
    expect(found.evidence!.words).toEqual(['reviews', 'monthly']);
  });

  it('in prose written as indented pandoc-style items ("i." lines under "a." paragraphs)', () => {
    const body = 'a. *Information Access*\n\n    i. All accounts are reviewed each quarter.\n\n    i. Something else entirely.\n';
    expect(where(body)).toEqual({ kind: 'list-item', words: ['accounts', 'reviewed', 'each quarter'] });
  });

  it('with a word start: "recertif*" finds "recertification"', () => {
    expect(where('Account recertification runs annually.')).toEqual({ kind: 'paragraph', words: ['account', 'recertification', 'annually'] });
  });

  it('says words that met two groups once ("review" inside "review accounts")', () => {
    const overlapping = element([['review'], ['review account*', 'access'], ['$frequency']]);
    expect(where('Each month, IT will review accounts for accuracy.', [overlapping])).toEqual({ kind: 'paragraph', words: ['Each month', 'review accounts'] });
  });

  it('with a phrase: the words in a row, not scattered', () => {
    const leastPrivilege = element([['least privilege']]);
    expect(match('Access follows the principle of least privilege.', [leastPrivilege]).state).toBe('prose');
    expect(match('Grant the least access and a privilege only when needed.', [leastPrivilege]).state).toBe('missing');
  });

  it('with a typed duration and role', () => {
    const leaverDeadline = element([['leaver', 'terminat*', 'departure'], ['$duration'], ['$role']]);
    expect(where('On termination, HR notifies IT and access is removed within 24 hours.', [leaverDeadline])).toEqual({
      kind: 'paragraph',
      words: ['termination', 'HR', '24 hours'],
    });
  });

  it('with the organisation’s own phrase from the config, alone enough', () => {
    const withPhrase = element(reviewFrequency.evidence, { phrases: ['ARC attestation'] });
    expect(match('The ARC attestation closes each cycle.', [withPhrase]).state).toBe('prose');
    expect(match('The ARC attestation closes each cycle.').state).toBe('missing');
  });
});

describe('words compared as people mean them', () => {
  const found = (term: string, text: string) => match(text, [element([[term]])]).state === 'prose';

  it('a word finds its inflections and derived forms that start with it', () => {
    expect(found('encrypt', 'Laptops use full-disk encryption.')).toBe(true);
    expect(found('policy', 'All policies apply.')).toBe(true);
    expect(found('terminate', 'On termination of employment.')).toBe(true);
    expect(found('authorisation', 'Access needs prior authorization.')).toBe(true);
  });

  it('but not an unrelated word that Porter gives the same stem', () => {
    expect(found('provider', 'We provide training.')).toBe(false);
    expect(found('integrity', 'Integration tests run nightly.')).toBe(false);
    expect(found('response', 'The owner is responsible.')).toBe(false);
    expect(found('account', 'Accounting closes the books.')).toBe(false);
    expect(found('certificate', 'Certification is renewed.')).toBe(false);
  });

  it('a word written inflected finds only the forms of that word, not its derivations', () => {
    expect(found('managed', 'Keys are managing themselves.')).toBe(true);
    expect(found('managed', 'Key management is centralised.')).toBe(false);
    expect(found('manage', 'Key management is centralised.')).toBe(true);
  });

  it('a word start matches the word as written, in either spelling, also after a hyphen', () => {
    expect(found('authoriz*', 'Access is authorised by the owner.')).toBe(true);
    expect(found('re-assess*', 'Risks are re-assessed after changes.')).toBe(true);
  });

  it('a two-word term in the other word order: "access review" as "review of (the) access" and "review the access"', () => {
    const access = element([['access review'], ['$frequency']]);
    expect(where('Reviews of the access granted to contractors happen quarterly.', [access])).toEqual({ kind: 'paragraph', words: ['reviews of the access', 'quarterly'] });
    expect(where('Owners review the access of their teams every 90 days.', [access])).toEqual({ kind: 'paragraph', words: ['review the access', 'every 90 days'] });
    const reviewOf = element([['review of access'], ['$frequency']]);
    expect(where('An access review runs monthly.', [reviewOf])).toEqual({ kind: 'paragraph', words: ['access review', 'monthly'] });
  });

  it('a term as written with one other word between two of its words, shown as written', () => {
    const access = element([['access review'], ['$frequency']]);
    expect(where('An access rights review runs every quarter.', [access])).toEqual({ kind: 'paragraph', words: ['access rights review', 'every quarter'] });
    const reviewOf = element([['review of access'], ['$frequency']]);
    expect(where('A review of user access runs monthly.', [reviewOf])).toEqual({ kind: 'paragraph', words: ['review of user access', 'monthly'] });
    expect(found('are prohibited', 'Shared accounts are explicitly prohibited.')).toBe(true);
    expect(found('retention period', 'Logs follow the retention policy period.')).toBe(true);
  });

  it('but not two words between, nor a negation, "and", "or" or an article, nor a word before a small word', () => {
    expect(found('access review', 'The access rights audit review happens.')).toBe(false);
    expect(found('is permitted', 'Personal use is not permitted.')).toBe(false);
    expect(found('is permitted', "Personal use isn't permitted.")).toBe(false);
    expect(found('access review', 'Access and review are separate steps.')).toBe(false);
    expect(found('policies procedures', 'Staff read policies or procedures.')).toBe(false);
    expect(found('compromised password', 'Whoever compromised the password is reported.')).toBe(false);
    expect(found('record in', 'Records involved in litigation are kept.')).toBe(false);
    // Across a sentence end neither: "… access rights. Review …".
    expect(found('access review', 'Staff request access rights. Review happens later.')).toBe(false);
  });

  it('a word-order variant keeps its words together: "officer activates the security" is no "security officer"', () => {
    const officer = element([['security officer'], ['$frequency']]);
    expect(match('The duty officer activates the security plan monthly.', [officer]).state).toBe('missing');
    expect(match('The officer of security checks the plan monthly.', [officer]).state).toBe('prose');
  });

  it('but a noun that cannot be a verb is not read across a sentence ("… the officer. The security …")', () => {
    const officer = element([['security officer'], ['$frequency']]);
    expect(match('Backups are checked by the officer. The security of the site is audited monthly.', [officer]).state).toBe('missing');
    expect(match('The security officer audits the site monthly.', [officer]).state).toBe('prose');
  });

  it('one way of forbidding something stands for every other ("must not" finds "should never")', () => {
    const sharing = element([['must not', 'prohibit*'], ['share', 'sharing'], ['password*']]);
    expect(where('Staff should never share passwords with colleagues.', [sharing])).toEqual({ kind: 'paragraph', words: ['should never', 'share', 'passwords'] });
    expect(match('Staff share passwords with colleagues.', [sharing]).state).toBe('missing');
  });

  it('"third party" and "3rd party" alike', () => {
    expect(found('third part*', 'Contracts with 3rd parties name a contact.')).toBe(true);
    expect(found('3rd party', 'Contracts with third parties name a contact.')).toBe(true);
  });

  it('the organisation’s own phrases in the other word order too', () => {
    const withPhrase = element([], { phrases: ['ARC attestation'] });
    expect(match('Attestation of ARC closes each cycle.', [withPhrase]).state).toBe('prose');
  });

  it('joined spellings: "sign in" is a login, but an approval "sign-off" is not a logoff', () => {
    expect(found('login', 'Users sign in with a badge.')).toBe(true);
    expect(found('logoff', 'The owner gives the sign-off.')).toBe(false);
    expect(found('backup', 'Servers are backed up nightly.')).toBe(true);
  });
});

describe('near misses that must not count', () => {
  it('the words in two different sections', () => {
    const body = '## Reviews\n\n' + 'Review of user access happens. '.repeat(30) + '\n\n## Backups\n\nBackups run quarterly.\n';
    expect(match(body).state).toBe('missing');
  });

  it('the words in two paragraphs of a long section', () => {
    const body = '## Access\n\n' + 'Accounts are reviewed by the owner. ' + 'Filler words about other things. '.repeat(30) + '\n\nBackups run quarterly.\n';
    expect(match(body).state).toBe('missing');
  });

  it('a vague word where a value is asked for', () => {
    expect(match('All user accounts are reviewed periodically.').state).toBe('missing');
  });

  it('a sentence saying the topic does not apply', () => {
    expect(match('Account reviews are not applicable here; there are quarterly board meetings.').state).toBe('missing');
  });

  it('a sentence announcing what the document covers, while a rule in the same paragraph still counts', () => {
    const devices = element([['device*'], ['lost', 'loss', 'stolen'], ['report*', 'wipe']]);
    expect(match('The purpose of this policy is to describe how devices are reported and wiped after loss.', [devices]).state).toBe('missing');
    expect(match('a. This document also provides procedures for reporting lost devices.', [devices]).state).toBe('missing');
    expect(match('This policy defines how devices are handled. A lost device is reported to the help desk.', [devices]).state).toBe('prose');
    // Only a sentence opening that way: one naming "this policy" further on states a rule.
    expect(match('Staff report lost devices as this policy defines.', [devices]).state).toBe('prose');
  });

  it('the framing text alone: the heading names the topic but the block says nothing of it', () => {
    expect(match('## Quarterly access review\n\nSee the procedure that applies.\n\n' + 'More words. '.repeat(90)).state).toBe('missing');
  });

  it('a TODO that repeats the element’s prompt', () => {
    expect(match('TODO: Set how often accounts are reviewed, quarterly or annually.\n').state).toBe('missing');
  });

  it('with elements.match: headings, prose does not count', () => {
    expect(match('All user accounts are reviewed quarterly.', [reviewFrequency], 'headings').state).toBe('missing');
  });
});

describe('headings as people write them', () => {
  it('a bold-only paragraph followed by text is a heading with that text', () => {
    const found = match('**3.3 Access Review Schedule**\n\nSee the procedure.\n');
    expect([found.state, found.sections[0]!.kind]).toEqual(['heading', 'pseudo-heading']);
  });

  it('a bold-only paragraph followed only by TODO is empty', () => {
    expect(match('**Access review schedule**\n\nTODO\n\n## Next\n\nOther text.\n').state).toBe('empty');
  });

  it('a numbered list item opening with a short label is a lead-in', () => {
    expect(match('1. Access review schedule: owners look at it with IT.\n').state).toBe('heading');
  });

  it('a table row whose first cell is a label is a lead-in', () => {
    expect(match('| Topic | Rule |\n| --- | --- |\n| Access review schedule | set by IT |\n').state).toBe('heading');
  });

  it('tolerates plurals, "&", a trailing "policy" and the order of two words', () => {
    const twoWords = element([], { title: 'Access reviews', aliases: [] });
    expect(match('## Review of Access\n\nText.\n', [twoWords]).state).toBe('heading');
    expect(match('## Access Review Policy\n\nText.\n', [twoWords]).state).toBe('heading');
    const backup = element([], { title: 'Backup and restore', aliases: [] });
    expect(match('## Restore & Backups\n\nText.\n', [backup]).state).toBe('heading');
  });

  it('does not match an unrelated heading that shares a word', () => {
    const twoWords = element([], { title: 'Access reviews', aliases: [] });
    expect(match('## Access Requests\n\nText.\n', [twoWords]).state).toBe('missing');
    expect(match('## Review of Remote Access Logs\n\nText.\n', [twoWords]).state).toBe('missing');
    expect(match('## Access Reviewers\n\nText.\n', [twoWords]).state).toBe('missing');
  });
});
