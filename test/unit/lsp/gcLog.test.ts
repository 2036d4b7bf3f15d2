import { constants } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { gcLine } from '../../../server/src/lsp/gcLog';

describe('the garbage collection log (CLAUSEWISE_GC_LOG)', () => {
  it('writes when a pause began on the wall clock, how long it lasted and its kind', () => {
    const origin = 1_780_000_000_000;
    expect(gcLine({ startTime: 1234.56, duration: 18.234, detail: { kind: constants.NODE_PERFORMANCE_GC_MAJOR } }, origin)).toBe('1780000001234.6 18.23 mark-compact');
    expect(gcLine({ startTime: 10, duration: 1, detail: { kind: constants.NODE_PERFORMANCE_GC_MINOR } }, origin)).toBe('1780000000010.0 1.00 scavenge');
  });

  it('names a kind it does not know by its number', () => {
    expect(gcLine({ startTime: 0, duration: 0, detail: { kind: 64 } }, 0)).toBe('0.0 0.00 kind-64');
  });
});
