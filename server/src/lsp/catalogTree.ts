import { RequestType } from 'vscode-languageserver';
import { elementsFor, isEssential } from '../config/elements';
import { CatalogRequest, type CatalogTree, type ScopeParams } from '../protocol/customMessages';
import type { ServerContext } from './context';
import { requestScope } from './scope';

/** The typed clausewise/catalog request, from its declaration in protocol/customMessages.ts. */
export const catalogRequestType = new RequestType<ScopeParams | null, CatalogTree, void>(CatalogRequest.method);

/** clausewise/catalog: categories › objectives › controls of the catalog in scope, with the elements its config expects. */
export function catalogTree(context: ServerContext, params: ScopeParams | null): CatalogTree {
  const { set } = requestScope(context, params);
  const { catalog, config } = set;
  return {
    catalog: { id: catalog.info.id, name: catalog.info.name, short: catalog.info.short, title: catalog.info.title },
    categories: catalog.categories.map((category) => ({
      id: category.id,
      title: category.title,
      objectives: category.objectives.map((objective) => ({
        id: objective.id,
        title: objective.title,
        ...(objective.implicit ? { implicit: true } : {}),
        controls: objective.controls.map((control) => ({
          id: control.id,
          title: control.title,
          essential: isEssential(control, config),
          elements: elementsFor(control, config).map((element) => ({ id: element.id, title: element.title })),
        })),
      })),
    })),
  };
}
