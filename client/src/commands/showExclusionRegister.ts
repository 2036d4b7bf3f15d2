import { ExclusionRegisterRequest, type ExclusionRegister } from '../../../server/src/protocol/controlMessages';
import { exclusionRegisterHtml } from '../report/exclusionRegister';
import type { PagePanel } from '../report/pagePanel';

/** Shows every exclusion of the policy set in view, expired ones first; returns the register shown. */
export function showExclusionRegister(panel: PagePanel<ExclusionRegister>) {
  return (): Promise<ExclusionRegister> =>
    panel.show({
      fetch: (ctx) => ctx.request(ExclusionRegisterRequest, ctx.scope()),
      title: (register) => `Exclusion Register — ${register.catalog.name}`,
      html: exclusionRegisterHtml,
    });
}
