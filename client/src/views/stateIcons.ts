import { ThemeColor, ThemeIcon } from 'vscode';
import type { CoverageState } from '../../../server/src/protocol/customMessages';

/** The icon of each coverage state: the same four everywhere (trees, report legend). */
export const STATE_ICONS: Record<CoverageState | 'unknown', ThemeIcon> = {
  covered: new ThemeIcon('pass-filled', new ThemeColor('testing.iconPassed')),
  partial: new ThemeIcon('warning', new ThemeColor('list.warningForeground')),
  excluded: new ThemeIcon('circle-slash', new ThemeColor('disabledForeground')),
  gap: new ThemeIcon('error', new ThemeColor('list.errorForeground')),
  unknown: new ThemeIcon('question', new ThemeColor('list.errorForeground')),
};
