/** A report that cannot be made from this policy set as it is (two SoA documents): one clear line and what to do, no stack trace. */
export class ReportError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
    this.name = 'ReportError';
  }
}
