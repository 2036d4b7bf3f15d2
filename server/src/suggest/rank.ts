import { mentionsOf } from '../catalog/mentions';
import type { Catalog } from '../catalog/catalog';
import type { Control } from '../catalog/types';
import { listItems } from '../document/frontmatter';
import type { PolicyDocument } from '../document/types';
import { matchElements } from '../policy/elementMatch';
import { profileIndex, type ProfileScoring } from './controlProfiles';
import { documentTerms, type DocumentTerms } from './documentTerms';
import type { ClauseSuggestion, SuggestionReason, SuggestOptions } from './types';

/** Tunables of the ranking; scripts/eval-suggest.ts says which were tuned and on what. */
export const RANKING = {
  /** Term frequency saturation (BM25's k1): the tenth mention of a word adds little. */
  saturation: 3,
  /** Evidence for each element whose title or alias is a heading or lead-in with text (half when empty). */
  elementHeading: 3,
  /** Evidence when a heading is the control's own title. */
  titleHeading: 3,
  /** Evidence when the body cites the control ("ISO 27799 9.4.3"). */
  mention: 4,
  /**
   * Share of the mean evidence of the other controls of the same objective added to a control's own:
   * a document about equipment security is likely to address more than the one 11.2 control whose
   * words it happens to use.
   */
  objectiveShare: 0.5,
  /** The same for the controls of the rest of the category (11.2 beside 11.1). */
  categoryShare: 0.5,
  /** Raw evidence at which the 0–1 score reaches one half. */
  halfScore: 4,
};

interface Evidence {
  control: Control;
  raw: number;
  /** Absent when only the scores are wanted (no words are built). */
  reasons?: SuggestionReason[];
}

/**
 * Ranks the catalog's controls by how well a document addresses them: headings and lead-ins that
 * match an element, citations, the terms the document shares with each control's profile, and the
 * evidence for the other controls of the same objective. Deterministic: ties keep catalog order.
 */
export function suggestClauses(document: PolicyDocument, catalog: Catalog, options: SuggestOptions = {}): ClauseSuggestion[] {
  const claimed = new Set(listItems(document.frontmatter, 'clauses').map((item) => catalog.control(item.source)?.id));
  const suggestions = evidenceOf(document, catalog, options, true)
    .filter((entry) => entry.raw > 0)
    .map((entry) => ({ control: entry.control, score: scoreOf(entry.raw), claimed: claimed.has(entry.control.id), reasons: entry.reasons ?? [] }));
  // Array.prototype.sort is stable and the evidence is in catalog order, so ties keep that order.
  suggestions.sort((a, b) => b.score - a.score);
  return options.limit === undefined ? suggestions : suggestions.slice(0, options.limit);
}

/**
 * The score suggestClauses gives each control of the catalog, in catalog order (0 where it finds no
 * evidence), computed the same way but without the reasons' words: a few hundred bytes a document
 * holds so a question about one control across many documents needs no parse.
 */
export function suggestionScores(document: PolicyDocument, catalog: Catalog, options: Pick<SuggestOptions, 'elementsOf'> = {}): Float64Array {
  const evidence = evidenceOf(document, catalog, options, false);
  const scores = new Float64Array(evidence.length);
  evidence.forEach((entry, position) => (scores[position] = entry.raw > 0 ? scoreOf(entry.raw) : 0));
  return scores;
}

function scoreOf(raw: number): number {
  return raw / (raw + RANKING.halfScore);
}

/** Each control's evidence (of one category with `categoryId`), neighbours' share included, in catalog order; with the reasons when `explain`. */
function evidenceOf(document: PolicyDocument, catalog: Catalog, options: SuggestOptions, explain: boolean): Evidence[] {
  const index = profileIndex(catalog);
  const terms = documentTerms(document);
  const frequencies = new Float64Array(index.vocabulary.size);
  for (const [key, frequency] of terms.frequency) {
    const position = index.vocabulary.get(key);
    if (position !== undefined) frequencies[position] = frequency;
  }
  const mentioned = new Set(mentionsOf(document.mentions, catalog).map((mention) => mention.id));
  const headings = new Map(document.sections.filter((section) => section.kind === 'heading').map((section) => [section.key, section.title]));
  const evidence: Evidence[] = [];
  index.profiles.forEach((profile, position) => {
    if (options.categoryId !== undefined && profile.control.categoryId !== options.categoryId) return;
    const scoring = index.scoring[position]!;
    const found: Evidence = { control: profile.control, raw: 0, ...(explain ? { reasons: [] } : {}) };
    addSectionEvidence(document, options, found);
    const title = headings.get(scoring.titleKey);
    if (title !== undefined) add(found, RANKING.titleHeading, 'title-heading', () => `heading '${title}' is the control's title`);
    if (mentioned.has(profile.control.id)) add(found, RANKING.mention, 'mention', () => `the text cites ${profile.control.id}`);
    addTermEvidence(scoring, frequencies, terms, found);
    evidence.push(found);
  });
  return withNeighbourEvidence(evidence, catalog);
}

function add(evidence: Evidence, amount: number, kind: SuggestionReason['kind'], text: () => string): void {
  evidence.raw += amount;
  evidence.reasons?.push({ kind, text: text() });
}

function addSectionEvidence(document: PolicyDocument, options: SuggestOptions, evidence: Evidence): void {
  const control = evidence.control;
  for (const match of matchElements(document, options.elementsOf?.(control) ?? control.elements, 'headings')) {
    const section = match.sections.find((candidate) => !candidate.empty) ?? match.sections[0];
    if (!section) continue;
    const where = section.kind === 'lead-in' ? 'lead-in' : 'heading';
    const text = () => `${where} '${section.title}' matches element ${control.id}/${match.element.id}${match.state === 'empty' ? ' (no text yet)' : ''}`;
    add(evidence, RANKING.elementHeading * (match.state === 'heading' ? 1 : 0.5), 'element-heading', text);
  }
}

/** The terms the document shares with the profile, each saturated (the tenth mention adds little), over the profile's norm. */
function addTermEvidence(scoring: ProfileScoring, frequencies: Float64Array, terms: DocumentTerms, evidence: Evidence): void {
  const k = RANKING.saturation;
  const contributions: { key: string; value: number }[] = [];
  let sum = 0;
  for (let term = 0; term < scoring.ids.length; term++) {
    const frequency = frequencies[scoring.ids[term]!]!;
    if (!frequency) continue;
    const value = scoring.coefficients[term]! * ((frequency * (k + 1)) / (frequency + k));
    if (evidence.reasons) contributions.push({ key: scoring.keys[term]!, value });
    sum += value;
  }
  if (sum <= 0) return;
  add(evidence, sum / scoring.norm, 'terms', () => `terms: ${shownTerms(contributions, terms).join(', ')}`);
}

/** The four terms that weigh most, leaving out those a longer one shown already says. */
function shownTerms(contributions: { key: string; value: number }[], terms: DocumentTerms): string[] {
  contributions.sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : 1));
  const shown: string[] = [];
  for (const { key } of contributions) {
    const surface = terms.surface.get(key) ?? key;
    // "storage" says nothing new after "password storage".
    if (!shown.some((words) => ` ${words} `.includes(` ${surface} `))) shown.push(surface);
    if (shown.length === 4) break;
  }
  return shown;
}

/**
 * Adds a share of the mean evidence of the other controls of each control's objective, and of
 * the rest of its category: policies are written per domain, so a document that
 * addresses several 11.1 controls likely addresses 11.2's too.
 */
function withNeighbourEvidence(evidence: Evidence[], catalog: Catalog): Evidence[] {
  const objectives = totalsBy(evidence, (control) => control.objectiveId);
  const categories = totalsBy(evidence, (control) => control.categoryId);
  return evidence.map((entry) => {
    const objective = objectives.get(entry.control.objectiveId)!;
    const category = categories.get(entry.control.categoryId)!;
    if (entry.raw <= 0) return entry;
    // A theme's implicit objective is its whole category: no closer neighbours than the cousins.
    const siblings = objective.count > 1 && !catalog.objectiveOf(entry.control).implicit ? (RANKING.objectiveShare * (objective.sum - entry.raw)) / (objective.count - 1) : 0;
    const cousins = category.count > objective.count ? (RANKING.categoryShare * (category.sum - objective.sum)) / (category.count - objective.count) : 0;
    const reasons = entry.reasons && [...entry.reasons];
    if (reasons && siblings > entry.raw / 2) {
      const { id, title } = catalog.objectiveOf(entry.control);
      reasons.push({ kind: 'objective', text: `other controls of ${id} ${title} match too` });
    }
    if (reasons && cousins > entry.raw / 2) {
      const { id, title } = catalog.categoryOf(entry.control);
      reasons.push({ kind: 'category', text: `controls elsewhere in ${id} ${title} match too` });
    }
    return { ...entry, raw: entry.raw + siblings + cousins, ...(reasons ? { reasons } : {}) };
  });
}

function totalsBy(evidence: Evidence[], key: (control: Control) => string): Map<string, { sum: number; count: number }> {
  const totals = new Map<string, { sum: number; count: number }>();
  for (const entry of evidence) {
    const total = totals.get(key(entry.control)) ?? { sum: 0, count: 0 };
    total.sum += entry.raw;
    total.count++;
    totals.set(key(entry.control), total);
  }
  return totals;
}
