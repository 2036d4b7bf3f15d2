// The JupiterOne policy templates (../shared/corpus/jupiterone) as cases for the measurements: each
// policy as JupiterOne's builder assembles it and alone, with the ISO/IEC 27002:2013 controls
// (= ISO 27799 clause ids) that JupiterOne maps to its procedures. No label or evaluation of element
// verdicts uses them, so they are where evidence vocabulary is checked (scripts/evidence-unlabelled.ts).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Catalog } from '../server/src/catalog/catalog';
import { packageRoot } from '../server/src/packageRoot';
import { editDistance } from '../server/src/text/similar';

export interface Case {
  id: string;
  /** The policy as `psp build` assembles it: policy, then "## Controls and Procedures" and each procedure. */
  assembled: string;
  /** The policy template alone. */
  policy: string;
  /** The ids exactly as the standards file maps them (the definition the baseline was measured with). */
  truth: Set<string>;
  /** The same without the ids that are not 27002:2013 controls at all (6.1.6): no clause id can match them. */
  valid: Set<string>;
  /** The same, keeping only ids whose title in the file is our control's title, moved to it when only the id differs. */
  checked: Set<string>;
}

export const templates = resolve(packageRoot(), '..', 'shared', 'corpus', 'jupiterone', 'templates');

export function loadCases(catalog: Catalog): Case[] {
  const config = JSON.parse(readFileSync(join(templates, 'config.json'), 'utf8')) as {
    policies: { id: string; procedures?: string[] }[];
    procedures: { id: string; file: string; adopted?: boolean }[];
    references?: { id: string; file: string; adopted?: boolean }[];
  };
  const standard = JSON.parse(readFileSync(join(templates, 'standards', 'iso-iec-27002-2013.json'), 'utf8')) as {
    sections: { requirements: { ref: string; title: string; mappedControls?: string[] }[] }[];
  };
  const strict = new Map<string, Set<string>>();
  const checked = new Map<string, Set<string>>();
  const record = (map: Map<string, Set<string>>, procedure: string, id: string | undefined) => {
    if (id === undefined) return;
    if (!map.has(procedure)) map.set(procedure, new Set());
    map.get(procedure)!.add(id);
  };
  for (const requirement of standard.sections.flatMap((section) => section.requirements)) {
    // A few entries carry 27002:2005 titles under 2013 ids (15.2.1 "Compliance with security policies and standards").
    const byTitle = catalog.controls.find((control) => sameTitle(control.title, requirement.title))?.id;
    for (const procedure of requirement.mappedControls ?? []) {
      record(strict, procedure, requirement.ref);
      record(checked, procedure, byTitle);
    }
  }
  const truthOf = (map: Map<string, Set<string>>, procedures: string[] = []) => new Set(procedures.flatMap((procedure) => [...(map.get(procedure) ?? [])]));
  const read = (file: string) => readFileSync(join(templates, `${file}.tmpl`), 'utf8');
  /**
   * What JupiterOne/security-policy-builder's renderPSPDocs writes for a policy (src/render.ts): the
   * adopted procedures it lists (or reference documents, looked up the same way) after the policy.
   */
  const assemble = (policy: { id: string; procedures?: string[] }, text: string) => {
    const procedures = (policy.procedures ?? [])
      .map((id) => config.procedures.find((procedure) => procedure.id === id) ?? config.references?.find((reference) => reference.id === id))
      .filter((part) => part?.adopted === true);
    const heading = procedures.length ? '\n\n## Controls and Procedures\n\n' : '';
    return `${text}\n${heading}${procedures.map((procedure) => `\n${read(procedure!.file)}\n`).join('')}`;
  };
  return config.policies
    .map((policy) => {
      const text = read(`policies/${policy.id}.md`);
      const truth = truthOf(strict, policy.procedures);
      const valid = new Set([...truth].filter((id) => catalog.control(id) !== undefined));
      return { id: policy.id, policy: text, assembled: assemble(policy, text), truth, valid, checked: truthOf(checked, policy.procedures) };
    })
    .filter((entry) => entry.truth.size > 0)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Titles equal but for case, spelling and typos ("Priviledged", "Synchronization"). */
function sameTitle(a: string, b: string): boolean {
  const plain = (title: string) => title.toLowerCase().replace(/[^a-z]+/g, '');
  return editDistance(plain(a), plain(b), 2) <= 2;
}
