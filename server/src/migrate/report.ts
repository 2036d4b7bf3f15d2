import type { Catalog } from '../catalog/catalog';
import type { MigrationPlan } from './plan';

/** A document of the set as the report names it. */
export interface MigratedDocument {
  path: string;
  id?: string;
}

/** Every control of the target catalog with the documents that claim it after migration. */
export interface ControlClaims {
  id: string;
  title: string;
  documents: MigratedDocument[];
}

/** A control new in the target catalog that no document claims: what a document about it should address. */
export interface UnclaimedControl {
  id: string;
  title: string;
  elements: { id: string; title: string; prompt: string }[];
}

/** A document's claim on a control merged from several earlier controls, made through only some of them. */
export interface PartialMerge {
  id: string;
  title: string;
  document: MigratedDocument;
  claimedThrough: string[];
  notClaimed: string[];
}

/** An exclusion that conflicts with a claim made in another document. */
export interface CrossConflict {
  id: string;
  excludedBy: MigratedDocument;
  claimedBy: MigratedDocument[];
}

export interface MigrationReport {
  catalog: { id: string; name: string };
  controls: ControlClaims[];
  unclaimedNew: UnclaimedControl[];
  partialMerges: PartialMerge[];
  conflicts: CrossConflict[];
}

/** The set-wide view of a migration: who claims what, what nobody claims, and where a claim may cover only part. */
export function migrationReport(plans: (MigrationPlan & { id?: string })[], catalog: Catalog): MigrationReport {
  const name = (plan: MigrationPlan & { id?: string }): MigratedDocument => ({ path: plan.path, ...(plan.id ? { id: plan.id } : {}) });
  const claimedBy = (id: string) => plans.filter((plan) => plan.after.includes(id));
  const controls = catalog.controls.map((control) => ({ id: control.id, title: control.title, documents: claimedBy(control.id).map(name) }));
  const unclaimedNew = catalog.controls
    .filter((control) => !control.maps.iso27002_2013 && claimedBy(control.id).length === 0)
    .map((control) => ({ id: control.id, title: control.title, elements: control.elements.map(({ id, title, prompt }) => ({ id, title, prompt })) }));
  // A document that names the control itself claims all of it; only claims made through some predecessors are partial.
  const partialMerges = catalog.controls.flatMap((control) => {
    const predecessors = control.maps.iso27002_2013 ?? [];
    if (predecessors.length < 2) return [];
    return claimedBy(control.id).flatMap((plan): PartialMerge[] => {
      const through = predecessors.filter((id) => plan.before.includes(id));
      if (plan.before.includes(control.id) || through.length === predecessors.length) return [];
      return [{ id: control.id, title: control.title, document: name(plan), claimedThrough: through, notClaimed: predecessors.filter((id) => !through.includes(id)) }];
    });
  });
  const conflicts = plans.flatMap((plan) =>
    plan.exclusions.flatMap((exclusion) =>
      exclusion.to.flatMap((id): CrossConflict[] => {
        const others = claimedBy(id).filter((other) => other !== plan);
        return others.length > 0 ? [{ id, excludedBy: name(plan), claimedBy: others.map(name) }] : [];
      }),
    ),
  );
  return { catalog: { id: catalog.info.id, name: catalog.info.name }, controls, unclaimedNew, partialMerges, conflicts };
}
