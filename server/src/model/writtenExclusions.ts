import type { Catalog } from '../catalog/catalog';
import { normalizeClauseId } from '../catalog/clauseId';
import type { Control } from '../catalog/types';
import type { ResolvedConfig } from '../config/types';
import type { Exclusion } from '../document/types';
import { exclusionProblems, isExpired } from './exclusionProblems';
import type { DocumentSummary, ExclusionAt } from './summary';

/** One `excludes` entry as a document writes it, read under the policy set's catalog on a date. */
export interface ExclusionAsRead {
  exclusion: ExclusionAt;
  /** The id as written ('' when the entry names none). */
  written: string;
  /** The catalog's control with that id. */
  own?: Control;
  /** Under ISO/IEC 27002:2022, an earlier-edition id (11.1.6): the controls it became, as coverage reads it. */
  readAs: Control[];
  /** The control the entry is judged against: its own, else the first it became. */
  control?: Control;
  /** Why the entry itself is not valid: no or too short a justification, expired, essential, no control (none when it is valid). */
  problems: string[];
  /** Controls it is read as but leaves in scope, and why: "7.2 stays in scope until 11.1.2 is also excluded". */
  leaves: LeftInScope[];
  /** The controls it takes out of scope (an earlier-edition id read as two controls may take one and not the other). */
  excludes: Control[];
  expired: boolean;
  /** It takes every control it names or is read as out of scope: no problems and none left in scope. */
  valid: boolean;
  /** What it does to coverage, in a register's words: "excludes 7.2", "11.1.6 (2013) — partial: …", "unknown control, no effect". */
  effect: string;
}

/** A control an earlier-edition exclusion is read as but does not take out of scope. */
export interface LeftInScope {
  control: Control;
  /** missing: other predecessors the document does not exclude; invalid: their exclusions are not valid; claimed: the document claims the control through a predecessor. */
  kind: 'missing' | 'invalid' | 'claimed';
  /** The predecessors that keep it in scope. */
  ids: string[];
  /** "7.2 stays in scope until 11.1.2 is also excluded". */
  text: string;
}

/** A document's exclusions of an id (normalised as the catalog writes it). */
export function excludedAs(summary: DocumentSummary, id: string): Exclusion[] {
  return summary.exclusions.filter((exclusion) => exclusion.clause && normalizeClauseId(exclusion.clause.source) === id);
}

/** One earlier-edition predecessor of a control, with the document's first exclusion of it (none when not excluded). */
export interface PredecessorExclusion {
  id: string;
  exclusion?: Exclusion;
}

/**
 * Under ISO/IEC 27002:2022, a control read through a document's exclusions of its earlier-edition
 * predecessors: each predecessor with the document's first exclusion of it (none when not excluded).
 * Undefined when coverage does not read the control so: it has no predecessor, or the document
 * excludes it under its own id or claims it through a predecessor.
 */
export function predecessorExclusions(summary: DocumentSummary, control: Control): PredecessorExclusion[] | undefined {
  const predecessors = control.maps.iso27002_2013 ?? [];
  if (predecessors.length === 0 || summary.projected?.[control.id] || excludedAs(summary, control.id).length > 0) return undefined;
  return predecessors.map((id) => ({ id, exclusion: excludedAs(summary, id)[0] }));
}

/** "until 11.1.2 is also excluded": what a control read through a partial exclusion waits for. */
export function untilAlsoExcluded(missing: string[]): string {
  return `until ${joinIds(missing)} ${missing.length === 1 ? 'is' : 'are'} also excluded`;
}

/** "11.1.2", "11.1.2 and 11.1.6", "a, b and c". */
export const joinIds = (ids: string[]): string => (ids.length > 2 ? `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}` : ids.join(' and '));

/** How an earlier-edition exclusion stands for each control it became (see readThrough). */
export interface ReadThrough {
  /** Out of scope: the document excludes every predecessor validly (the others listed in `with`). */
  excludes: { control: Control; with: string[] }[];
  leaves: LeftInScope[];
  /** Controls the exclusion itself is not valid for (an essential one), with why. */
  invalid: { control: Control; problems: string[] }[];
}

/**
 * How an exclusion of an earlier-edition id (11.1.6) in a document stands for each control it
 * became, as coverage reads it. A control the document also excludes under its own id is in no list.
 */
export function readThrough(summary: DocumentSummary, self: Exclusion, successors: Control[], config: ResolvedConfig, today: string): ReadThrough {
  const id = normalizeClauseId(self.clause?.source ?? '');
  const result: ReadThrough = { excludes: [], leaves: [], invalid: [] };
  const problemsFor = (exclusion: Exclusion, control: Control) => exclusionProblems(exclusion, control, config, today).map((problem) => problem.text);
  const leave = (control: Control, kind: LeftInScope['kind'], ids: string[], why: string) => result.leaves.push({ control, kind, ids, text: `${control.id} stays in scope ${why}` });
  for (const control of successors) {
    const projected = summary.projected?.[control.id];
    const parts = projected ? undefined : predecessorExclusions(summary, control);
    const problems = problemsFor(self, control);
    const others = parts?.filter((part) => part.id !== id) ?? [];
    const missing = others.filter((part) => !part.exclusion).map((part) => part.id);
    const invalid = others.filter((part) => part.exclusion && problemsFor(part.exclusion, control).length > 0).map((part) => part.id);
    if (projected) leave(control, 'claimed', projected.from, `: this document claims it through ${projected.from.join(' + ')}`);
    else if (!parts) continue;
    else if (missing.length) leave(control, 'missing', missing, untilAlsoExcluded(missing));
    else if (problems.length) result.invalid.push({ control, problems });
    else if (invalid.length) leave(control, 'invalid', invalid, `until the exclusion of ${joinIds(invalid)} is valid too`);
    else result.excludes.push({ control, with: others.map((part) => part.id) });
  }
  return result;
}

/**
 * A document's exclusions as written, each read under the catalog: an id of the catalog as that
 * control, an earlier-edition id as the controls it became (as coverage reads them), any other id as
 * no control. The exclusion registers (the editor's and the HTML report's), the control page and the
 * code lens all read them so.
 */
export function writtenExclusions(summary: DocumentSummary, catalog: Catalog, config: ResolvedConfig, today: string): ExclusionAsRead[] {
  return summary.exclusions.map((exclusion) => {
    const written = exclusion.clause?.source ?? '';
    const own = written ? catalog.control(written) : undefined;
    const readAs = own || !written ? [] : catalog.successors(written);
    const control = own ?? readAs[0];
    const through = readAs.length ? readThrough(summary, exclusion, readAs, config, today) : { excludes: [], leaves: [], invalid: [] };
    // An earlier-edition id is judged against each control it became (one may be essential).
    const judged = own ? [own] : readAs;
    const problems = control
      ? [...new Set(judged.flatMap((target) => exclusionProblems(exclusion, target, config, today).map((problem) => problem.text)))]
      : [written ? `${written} is not a control of ${catalog.info.name}` : 'names no control (add clause: <id>)'];
    const expired = isExpired(exclusion.until?.value, today);
    const valid = problems.length === 0 && through.leaves.length === 0;
    const excludes = own ? (problems.length ? [] : [own]) : through.excludes.map((entry) => entry.control);
    const read = { exclusion, written, own, readAs, control, problems, leaves: through.leaves, excludes, expired, valid };
    return { ...read, effect: effectOf(read, through) };
  });
}

/** A register's words for what an exclusion does to coverage. */
function effectOf(read: Omit<ExclusionAsRead, 'effect'>, through: ReadThrough): string {
  const { written, own, readAs, problems, leaves, exclusion } = read;
  if (!own && !readAs.length) return written ? 'unknown control, no effect' : 'names no control, no effect';
  const targets = own ? own.id : joinIds(readAs.map((control) => control.id));
  const earlier = own ? '' : `${written} (2013) — `;
  const one = own || readAs.length === 1;
  if (read.expired) return `${earlier}expired on ${exclusion.until!.value}: ${targets} ${one ? 'is' : 'are'} back in scope`;
  if (problems.length && !through.excludes.length && !leaves.length) return `${earlier}not valid: ${targets} ${one ? 'stays' : 'stay'} in scope`;
  if (own) return `excludes ${own.id}`;
  const parts = [
    ...through.excludes.map(({ control, with: others }) => `excludes ${control.id}${others.length ? ` with ${others.join(' + ')}` : ''}`),
    ...leaves.map((left) => `partial: ${left.text}`),
    ...through.invalid.map(({ control, problems: why }) => `not valid for ${control.id}: ${why.join(', ')}`),
  ];
  return `${earlier}${parts.join('; ') || `no effect: ${targets} ${one ? 'is' : 'are'} excluded under the 2022 id here`}`;
}
