import { isDeepStrictEqual } from 'node:util';
import type { Catalog } from '../catalog/catalog';
import type { Control } from '../catalog/types';
import type { ResolvedConfig } from '../config/types';
import { computeControlCoverage, coverageOfControls, type ControlCoverage, type CoverageReport } from './coverage';
import type { SummaryIndex } from './summaryIndex';

/** Generations are numbered across every cache of the process, so a number is never given twice. */
let lastGeneration = 0;

/**
 * A policy set's coverage kept from one change to the next, for a long-lived process: a control's
 * coverage is computed again only after a document claiming or excluding it changed (or the date
 * moved), and the report at most once per change of the index. Each report that differs from the
 * one before gets a new generation, so a listener can tell "coverage changed" from "something was
 * edited"; so does a change to what the views list of each policy document (its id, title, type,
 * status, owner, version, approval and review dates), which a client refreshing on the generation alone
 * would otherwise miss. Equal to computeCoverage over the same index.
 */
export class CoverageCache {
  private readonly controls = new Map<string, { revision: number; coverage: ControlCoverage }>();
  private last?: { revision: number; report: CoverageReport; generation: number; listing: number };
  private today?: string;
  /** A control's coverage came out different since the last report was made. */
  private moved = false;

  constructor(
    private readonly index: SummaryIndex,
    private readonly catalog: Catalog,
    private readonly config: ResolvedConfig,
  ) {}

  /** One control's coverage on `today`. */
  control(control: Control, today: string): ControlCoverage {
    if (today !== this.today) {
      this.controls.clear();
      this.today = today;
      this.moved = true;
    }
    const revision = this.index.controlRevision(control.id);
    const cached = this.controls.get(control.id);
    if (cached?.revision === revision) return cached.coverage;
    const coverage = computeControlCoverage(this.index, control, this.config, today);
    if (!cached || !isDeepStrictEqual(cached.coverage, coverage)) this.moved = true;
    this.controls.set(control.id, { revision, coverage });
    return coverage;
  }

  /** The whole report on `today`, with its generation. */
  report(today: string): { report: CoverageReport; generation: number } {
    if (this.last?.revision === this.index.revision && this.last.report.today === today) return { report: this.last.report, generation: this.last.generation };
    const controls = this.catalog.controls.map((control) => this.control(control, today));
    const report = coverageOfControls(this.catalog, today, controls);
    const listing = this.index.listingRevision;
    const generation = this.moved || !this.last || listing !== this.last.listing ? ++lastGeneration : this.last.generation;
    this.moved = false;
    this.last = { revision: this.index.revision, report, generation, listing };
    return { report, generation };
  }
}
