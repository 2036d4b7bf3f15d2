import type { Catalog } from '../catalog/catalog';
import type { Control } from '../catalog/types';
import type { ResolvedConfig } from '../config/types';
import type { Exclusion } from '../document/types';
import { exclusionProblems, isExpired } from './exclusionProblems';
import type { DocumentSummary } from './summary';

/** One `excludes` entry as a document writes it, read under the policy set's catalog on a date. */
export interface ExclusionAsRead {
  exclusion: Exclusion;
  /** The id as written ('' when the entry names none). */
  written: string;
  /** The catalog's control with that id. */
  own?: Control;
  /** Under ISO/IEC 27002:2022, an earlier-edition id (11.1.6): the controls it became, as coverage reads it. */
  readAs: Control[];
  /** The control the entry is judged against: its own, else the first it became. */
  control?: Control;
  /** Why the entry is not valid (none when it is). */
  problems: string[];
  expired: boolean;
}

/**
 * A document's exclusions as written, each read under the catalog: an id of the catalog as that
 * control, an earlier-edition id as the controls it became, any other id as no control. The editor's
 * exclusion register and the code lens both read them so.
 */
export function writtenExclusions(summary: DocumentSummary, catalog: Catalog, config: ResolvedConfig, today: string): ExclusionAsRead[] {
  return summary.exclusions.map((exclusion) => {
    const written = exclusion.clause?.source ?? '';
    const own = written ? catalog.control(written) : undefined;
    const readAs = own || !written ? [] : catalog.successors(written);
    const control = own ?? readAs[0];
    const problems = control
      ? exclusionProblems(exclusion, control, config, today).map((problem) => problem.text)
      : [written ? `${written} is not a control of ${catalog.info.name}` : 'names no control (add clause: <id>)'];
    return { exclusion, written, own, readAs, control, problems, expired: isExpired(exclusion.until?.value, today) };
  });
}
