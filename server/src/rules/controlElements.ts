import type { Control, Element } from '../catalog/types';
import type { FindingInput } from './types';

/**
 * The parts of a finding about some elements of one control (missing-element, empty-element: one
 * finding per claimed control): "9.4.2 Secure log-on procedures: <what> — A, B", the control, and
 * the elements by id and title (`elements` in JSON and SARIF, matched one by one by diff).
 */
export function controlElementsFinding(control: Control, what: string, elements: Element[]): Pick<FindingInput, 'message' | 'clause' | 'elements'> {
  return {
    message: `${control.id} ${control.title}: ${what} — ${elements.map((element) => element.title).join(', ')}`,
    clause: control.id,
    elements: elements.map(({ id, title }) => ({ id, title })),
  };
}
