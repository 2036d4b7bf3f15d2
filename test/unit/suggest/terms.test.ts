import { describe, expect, it } from 'vitest';
import { stemWord } from '../../../server/src/text/stem';
import { termsOf } from '../../../server/src/suggest/terms';
import { normalizeWord } from '../../../server/src/text/words';

describe('terms of a text', () => {
  it('stems words so their forms meet', () => {
    expect(['encrypt', 'encrypted', 'encryption', 'encrypts'].map(stemWord)).toEqual(['encrypt', 'encrypt', 'encrypt', 'encrypt']);
    expect(['password', 'passwords'].map(stemWord)).toEqual(['password', 'password']);
    expect(['rotation', 'rotating', 'rotated'].map(stemWord)).toEqual(['rotat', 'rotat', 'rotat']);
    expect(stemWord('is')).toBe('is');
  });

  it('reads British and American spellings alike', () => {
    expect(normalizeWord('authorisation')).toBe(normalizeWord('authorization'));
    expect(normalizeWord('behaviour')).toBe(normalizeWord('behavior'));
    expect(normalizeWord('licence')).toBe(normalizeWord('license'));
  });

  it('drops stop words, template tags and links, and pairs neighbouring words within a phrase', () => {
    const keys = termsOf('{{companyShortName}} must rotate the encryption keys. See https://example.com/keys; mail ciso@example.com').map((term) => term.key);
    expect(keys).toEqual(['rotat', 'rotat encrypt', 'encrypt', 'encrypt kei', 'kei', 'see', 'mail']);
  });

  it('joins acronyms and split spellings of the same thing', () => {
    const key = (text: string) => termsOf(text).map((term) => term.key);
    expect(key('MFA')).toEqual(key('multi-factor'));
    expect(key('e-mail')).toEqual(key('email'));
    expect(key('Back-ups')).toEqual(key('backup'));
  });

  it('keeps how words were written, for reasons', () => {
    expect(termsOf('Key rotation')).toEqual([
      { key: 'kei', surface: 'key' },
      { key: 'kei rotat', surface: 'key rotation' },
      { key: 'rotat', surface: 'rotation' },
    ]);
  });
});
