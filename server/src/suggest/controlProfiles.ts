import type { Catalog } from '../catalog/catalog';
import type { Control } from '../catalog/types';
import { headingKey } from '../document/normalize';
import { termsOf } from './terms';

/** What the catalog says about one control, as weighted terms. */
export interface ControlProfile {
  control: Control;
  /** Term key → weight (field weight times occurrences, damped). */
  weights: Map<string, number>;
}

/** The profiles of every control of a catalog, their terms weighted by how rare each is among them (idf). */
export interface ProfileIndex {
  profiles: ControlProfile[];
  /** Term key → its position among every profile term, for counting a document's terms in an array. */
  vocabulary: Map<string, number>;
  /** Per profile (same order), its terms ready to score: positions and idf × weight in the order of `weights`. */
  scoring: ProfileScoring[];
}

/** A profile's terms as the ranking reads them for every document: arrays, not map look-ups. */
export interface ProfileScoring {
  keys: string[];
  /** Each term's position in the index's vocabulary. */
  ids: Int32Array;
  /** Each term's idf × weight. */
  coefficients: Float64Array;
  /** Square root of the sum of the coefficients: long profiles would win on volume alone. */
  norm: number;
  /** The heading key of the control's title. */
  titleKey: string;
}

/** How much each part of a catalog entry says about what a document claiming it is about. */
const FIELD_WEIGHTS = {
  title: 3,
  element: 2,
  objective: 1,
  summary: 1,
  prompt: 0.3,
  health: 0.5,
} as const;

/**
 * Words every policy document uses whatever its topic (the structure headings of the Datica,
 * comply and JupiterOne sets: policy statements, objectives, principles, references; and the
 * regulations health policies cite throughout): they count for a little only, so "Policy
 * Statements" does not suggest 5.1.1 everywhere. The factor was tuned on half of the JupiterOne set.
 */
const GENERIC_WORDS = 'policy policies procedure procedures standard standards statement statements objective objectives principle principles reference references guideline guidelines program information security hipaa hitrust'.split(' ');
const GENERIC_FACTOR = 0.3;
const generic = new Set(GENERIC_WORDS.flatMap((word) => termsOf(word).map((term) => term.key)));

const cache = new WeakMap<Catalog, ProfileIndex>();

/** The profile index of a catalog, built once per catalog object. */
export function profileIndex(catalog: Catalog): ProfileIndex {
  let index = cache.get(catalog);
  if (!index) cache.set(catalog, (index = buildIndex(catalog)));
  return index;
}

function buildIndex(catalog: Catalog): ProfileIndex {
  const profiles = catalog.controls.map((control) => profileOf(catalog, control));
  const documentFrequency = new Map<string, number>();
  for (const profile of profiles) for (const key of profile.weights.keys()) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
  const total = profiles.length;
  const idf = new Map<string, number>();
  for (const [key, count] of documentFrequency) {
    const factor = key.split(' ').every((word) => generic.has(word)) ? GENERIC_FACTOR : 1;
    idf.set(key, factor * Math.log(1 + (total - count + 0.5) / (count + 0.5)));
  }
  const vocabulary = new Map([...documentFrequency.keys()].map((key, position) => [key, position]));
  return { profiles, vocabulary, scoring: profiles.map((profile) => scoringOf(profile, idf, vocabulary)) };
}

function scoringOf(profile: ControlProfile, idf: Map<string, number>, vocabulary: Map<string, number>): ProfileScoring {
  const keys = [...profile.weights.keys()];
  const coefficients = Float64Array.from(keys, (key) => (idf.get(key) ?? 0) * profile.weights.get(key)!);
  let total = 0;
  for (const coefficient of coefficients) total += coefficient;
  return { keys, ids: Int32Array.from(keys, (key) => vocabulary.get(key)!), coefficients, norm: Math.sqrt(total), titleKey: headingKey(profile.control.title) };
}

function profileOf(catalog: Catalog, control: Control): ControlProfile {
  const raw = new Map<string, number>();
  const add = (text: string | undefined, weight: number) => {
    if (!text) return;
    for (const term of termsOf(text)) raw.set(term.key, (raw.get(term.key) ?? 0) + weight);
  };
  add(control.title, FIELD_WEIGHTS.title);
  // Policies written against a later edition use its titles ("Secure coding", "Logging"): the words
  // such a title adds weigh as title words; the words it shares with ours are not counted twice.
  const own = new Set(termsOf(control.title).map((term) => term.key));
  for (const title of catalog.otherTitles(control)) {
    for (const term of termsOf(title)) if (!own.has(term.key)) raw.set(term.key, (raw.get(term.key) ?? 0) + FIELD_WEIGHTS.title);
  }
  const objective = catalog.objectiveOf(control);
  // A theme's implicit objective (27002:2022) says nothing about one control: its title is not counted.
  if (!objective.implicit) add(objective.title, FIELD_WEIGHTS.objective);
  add(control.summary, FIELD_WEIGHTS.summary);
  add(control.health, FIELD_WEIGHTS.health);
  for (const element of control.elements) {
    add(element.title, FIELD_WEIGHTS.element);
    for (const alias of element.aliases) add(alias, FIELD_WEIGHTS.element);
    add(element.prompt, FIELD_WEIGHTS.prompt);
  }
  // A word repeated across many aliases should not outweigh the title: damp repeats.
  const weights = new Map<string, number>();
  for (const [key, weight] of raw) weights.set(key, Math.sqrt(weight));
  return { control, weights };
}
