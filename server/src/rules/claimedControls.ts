import type { Catalog } from '../catalog/catalog';
import type { Control } from '../catalog/types';
import type { Located } from '../document/types';
import type { DocumentSummary } from '../model/summary';

/** Each known control a document claims, once (`[9.4.2, A.9.4.2]` is one), with the first claim naming it. */
export function claimedControls(summary: DocumentSummary, catalog: Catalog): { control: Control; claim: Located }[] {
  const seen = new Set<string>();
  return summary.clauses.flatMap((claim) => {
    const control = catalog.control(claim.source);
    if (!control || seen.has(control.id)) return [];
    seen.add(control.id);
    return [{ control, claim }];
  });
}
