import type { Control, Element } from '../catalog/types';
import type { ResolvedConfig } from './types';

const cache = new WeakMap<ResolvedConfig, Map<string, Element[]>>();

/** The elements expected for a control in this organisation: the baseline with the config's add/replace/waive/aliases. */
export function elementsFor(control: Control, config: ResolvedConfig): Element[] {
  let perConfig = cache.get(config);
  if (!perConfig) cache.set(config, (perConfig = new Map()));
  const cached = perConfig.get(control.id);
  if (cached) return cached;
  const override = config.elements[control.id];
  let elements = control.elements.filter((element) => isExpectedOf(element, config));
  if (override) {
    const fill = (element: Element): Element => ({ ...element, aliases: element.aliases ?? [], prompt: element.prompt ?? `Describe ${element.title.toLowerCase()}.`, evidence: element.evidence ?? [] });
    elements = override.replace ? override.replace.map(fill) : [...elements, ...(override.add ?? []).map(fill)];
    const waived = new Set(override.waive ?? []);
    elements = elements
      .filter((element) => !waived.has(element.id))
      .map((element) => {
        const phrases = override.evidence?.[element.id];
        return { ...element, aliases: [...element.aliases, ...(override.aliases?.[element.id] ?? [])], ...(phrases ? { phrases: [...(element.phrases ?? []), ...phrases] } : {}) };
      });
  }
  perConfig.set(control.id, elements);
  return elements;
}

/** Whether the organisation is expected to address a baseline element: its `applies-to` lists the config's organisation-type. */
export function isExpectedOf(element: Element, config: Pick<ResolvedConfig, 'organisationType'>): boolean {
  return !element.appliesTo || element.appliesTo.includes(config.organisationType);
}

/** Whether a control may never be excluded, after the config's `essential` overrides. */
export function isEssential(control: Control, config: ResolvedConfig): boolean {
  return config.essential[control.id] ?? control.essential;
}
