import { JOINED_SPELLINGS, normalizeWord } from '../text/words';

/** A term found in text: a stemmed word or a pair of neighbouring words, with how it was written. */
export interface Term {
  /** "password" or, for a pair, "key rotat". */
  key: string;
  /** The words as written, for reasons ("key rotation"). */
  surface: string;
}

/**
 * Words that say nothing about which control a text addresses: English function words and the
 * boilerplate every policy shares ("the company must ensure that all staff …").
 */
const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both
  but by can could did do does doing done during each either etc even ever every few for from further had has have
  having he her here hers him his how however i if in into is it its itself just least less like made make makes many
  may me might more most much must my no nor not now of off on once only or other others otherwise our ours out over
  own per same shall she should since so some such than that the their theirs them then there these they this those
  through thus to too under until up upon us use used uses using very via was we well were what when where whether which
  while who whom whose why will with within without would yes yet you your yours
  company companys organization organizations organisation organisations ensure ensures ensuring include includes
  appropriate appropriately applicable accordance relevant required requires requirement requirements following
  follows example eg ie defined define defines outlined described describe describes section sections purpose scope
  overview introduction background name inc llc ltd say says said state states explain long last down set sets keep
  kept need needs often new way ways get gets give gives given take takes taken one two three first second`.split(/\s+/),
);

/** Template syntax and links carry no topic: `{{companyName}}`, `{{#needHIPAA}}`, URLs, e-mail addresses. */
const NOISE = /\{\{\{?[^{}]*\}?\}\}|<!--[\s\S]*?-->|https?:\/\/\S+|\b[\w.+-]+@[\w-]+\.[\w.]+/g;

/** The words of a text in phrases (a sentence, a list item, a heading), stop words and noise removed. */
function phrasesOf(text: string): Term[][] {
  // A removed tag or link ends the phrase: the words either side were not written as a pair.
  let clean = text.replace(NOISE, '\n');
  for (const [pattern, replacement] of JOINED_SPELLINGS) clean = clean.replace(pattern, replacement);
  const phrases: Term[][] = [];
  for (const part of clean.toLowerCase().split(/[.;:!?()[\]{}|\r\n]+|,\s|\s[-–—]\s/)) {
    const words: Term[] = [];
    for (const word of part.split(/[^\p{L}\p{N}']+/u)) {
      const plain = word.replace(/'s?$|^'/g, '');
      if (plain.length < 2 || !/\p{L}/u.test(plain) || STOP_WORDS.has(plain)) continue;
      words.push({ key: normalizeWord(plain), surface: plain });
    }
    if (words.length) phrases.push(words);
  }
  return phrases;
}

/** Every single-word term and every pair of neighbouring words in each phrase. */
export function termsOf(text: string): Term[] {
  const terms: Term[] = [];
  for (const words of phrasesOf(text)) {
    words.forEach((word, index) => {
      terms.push(word);
      const next = words[index + 1];
      if (next) terms.push({ key: `${word.key} ${next.key}`, surface: `${word.surface} ${next.surface}` });
    });
  }
  return terms;
}
