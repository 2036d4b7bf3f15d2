import type { Element, OrganisationType } from '../catalog/types';
import type { SeveritySetting } from '../findings/types';

export interface ElementOverride {
  add?: Element[];
  replace?: Element[];
  waive?: string[];
  aliases?: Record<string, string[]>;
  /** Element id → phrases of the organisation's own that address it wherever they are written. */
  evidence?: Record<string, string[]>;
}

/** How elements are found: headings and lead-ins only, or also evidence in prose (the default). */
export type ElementMatchMode = 'prose' | 'headings';

/** A period such as "12 months": amount and unit. */
export interface Duration {
  amount: number;
  unit: 'day' | 'week' | 'month' | 'year';
}

/**
 * How much Markdown Clausewise agrees to parse (`limits` in .clausewise.yaml). Some Markdown costs
 * remark time that grows faster than its size; a document over a limit is reported as
 * document-too-complex instead of being parsed.
 */
export interface ParseLimits {
  /** Seconds one document's parse and own checks may take before they are stopped. */
  parseSeconds: number;
  /** Deepest nesting of list items and block quotes the pre-scan lets through. */
  nestingDepth: number;
  /** Most emphasis markers (`*`, `_`) the pre-scan lets through in one paragraph. */
  emphasisMarkers: number;
}

export const DEFAULT_LIMITS: ParseLimits = { parseSeconds: 5, nestingDepth: 50, emphasisMarkers: 2000 };

/** A .clausewise.yaml after validation, with defaults filled in and paths made absolute. */
export interface ResolvedConfig {
  /** Absolute path of the config file, or undefined when none was found (defaults). */
  file?: string;
  /** Folder globs and relative paths are resolved against. */
  root: string;
  catalogPath: string;
  include: string[];
  exclude: string[];
  rules: Record<string, SeveritySetting>;
  requiredFields: string[];
  reviewEvery: Duration;
  elements: Record<string, ElementOverride>;
  elementMatch: ElementMatchMode;
  /** Which baseline elements with `applies-to` are expected: those that list this type (default care-provider). */
  organisationType: OrganisationType;
  essential: Record<string, boolean>;
  limits: ParseLimits;
  today?: string;
}

export const DEFAULT_REQUIRED_FIELDS = ['id', 'title', 'type', 'owner', 'status', 'version', 'clauses'];
export const DEFAULT_ORGANISATION_TYPE: OrganisationType = 'care-provider';
export const DEFAULT_REVIEW_EVERY: Duration = { amount: 12, unit: 'month' };
export const CONFIG_FILE_NAMES = ['.clausewise.yaml', '.clausewise.yml', '.clausewise.json'];
