import type { Catalog } from './catalog';
import type { Control } from './types';

/** A control's curated links into one framework, as the hover and the control page show them. */
export interface ControlMapping {
  framework: string;
  title: string;
  /** "derived, not official" (HIPAA), "reviewed". */
  notes: string[];
  links: { id: string; title?: string; addedInReview: boolean }[];
}

/** The control's curated links per framework, leaving out frameworks with no link left. */
export function controlMappings(catalog: Catalog, control: Control): ControlMapping[] {
  return Object.keys(control.maps).flatMap((framework) => {
    const links = catalog.mapLinks(control, framework);
    if (links.length === 0) return [];
    const notes = [framework === 'hipaa' ? 'derived, not official' : '', catalog.frameworks[framework]?.reviewed !== undefined ? 'reviewed' : ''].filter(Boolean);
    return [{
      framework,
      title: catalog.frameworks[framework]?.title ?? framework,
      notes,
      links: links.map((link) => ({ id: link.id, title: catalog.frameworkTitle(framework, link.id), addedInReview: link.origin === 'added' })),
    }];
  });
}
