import { window } from 'vscode';
import { GROUPINGS, type DocumentGrouping } from '../views/documentGroups';
import type { DocumentsTree } from '../views/documentsTree';

/** "Group Documents By…": owner, status, type or none (given as an argument, or picked); the Documents view regroups. */
export function groupDocuments(tree: DocumentsTree) {
  return async (by?: unknown): Promise<void> => {
    const given = GROUPINGS.find((grouping) => grouping.value === by);
    const current = tree.grouping();
    const picked =
      given ??
      (await window.showQuickPick(
        GROUPINGS.map((grouping) => ({ ...grouping, description: grouping.value === current ? 'current' : undefined })),
        { title: 'Group the Documents view by', placeHolder: 'Overdue reviews come first in every grouping' },
      ));
    if (picked) await tree.groupBy(picked.value as DocumentGrouping);
  };
}
