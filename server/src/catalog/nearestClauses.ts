import type { Catalog } from './catalog';
import { clauseParts, normalizeClauseId } from './clauseId';
import type { Clause, Control } from './types';
import { editDistance } from '../text/similar';

const STOP_WORDS = new Set(['and', 'the', 'for', 'of', 'with', 'from', 'policy', 'policies', 'information', 'security']);

/** Nearest clauses to a mistyped id (same parent first, then nearest number) or to title words. */
export function nearestClauses(catalog: Catalog, text: string, limit: number): Clause[] {
  const id = normalizeClauseId(text) ?? looseId(text);
  return id !== undefined ? byNumber(catalog, id, limit) : byWords(catalog, text, limit);
}

/** "9.42" or "9,4,2" still read as numbers, so they can be compared digit by digit. */
function looseId(text: string): string | undefined {
  const match = /^\s*(?:§|A\.)?\s*(\d+(?:[.,]\d+)+)\s*$/.exec(text);
  return match ? match[1]!.replace(/,/g, '.') : undefined;
}

function byNumber(catalog: Catalog, id: string, limit: number): Clause[] {
  const wanted = clauseParts(id);
  const digits = wanted.join('');
  const clauses: Clause[] = [...catalog.controls, ...catalog.namedObjectives, ...catalog.categories];
  // Clauses at the depth of the id asked for (9.4.2: controls of 27799; 5.15: controls of 27002:2022).
  const pool = new Set(clauses.filter((clause) => (wanted.length >= 3 ? clause.kind === 'control' : clauseParts(clause.id).length === wanted.length)));
  const scored = clauses.map((clause) => {
    const parts = clauseParts(clause.id);
    let prefix = 0;
    while (prefix < wanted.length && parts[prefix] === wanted[prefix]) prefix++;
    const gap = Math.abs((parts[prefix] ?? 0) - (wanted[prefix] ?? 0));
    let score = prefix * 10 - Math.min(gap, 9) * 0.5;
    if (parts.join('') === digits) score += 25;
    else if (editDistance(clause.id, id, 1) <= 1) score += 12;
    if (!pool.has(clause) && parts.join('') !== digits) score -= 100;
    return { clause, score };
  });
  return scored
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.clause.id.localeCompare(b.clause.id, 'en', { numeric: true }))
    .slice(0, limit)
    .map((entry) => entry.clause);
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 3 && !STOP_WORDS.has(word));
}

/**
 * Scores controls by the query's words: exact words in the title count most, then words of element
 * titles and aliases; a query that is a whole element title or alias wins outright. A word is also
 * found as the start of a longer one only when it has four letters or more ("screen" in "screens").
 */
function byWords(catalog: Catalog, text: string, limit: number): Clause[] {
  const query = words(text);
  if (query.length === 0) return [];
  const phrase = query.join(' ');
  const score = (vocabulary: string[], exact: number, partial: number) =>
    query.reduce((sum, word) => sum + (vocabulary.includes(word) ? exact : word.length >= 4 && vocabulary.some((known) => known.startsWith(word) && known.length - word.length <= 3) ? partial : 0), 0);
  return catalog.controls
    .map((control: Control) => {
      const names = control.elements.flatMap((element) => [element.title, ...element.aliases]).map((name) => words(name).join(' '));
      const total =
        score(words(control.title), 3, 1.5) +
        score(names.flatMap((name) => name.split(' ')), 1, 0.5) +
        (names.includes(phrase) || words(control.title).join(' ') === phrase ? 6 : 0);
      return { clause: control, score: total };
    })
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.clause.id.localeCompare(b.clause.id, 'en', { numeric: true }))
    .slice(0, limit)
    .map((entry) => entry.clause);
}
