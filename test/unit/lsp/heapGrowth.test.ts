import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, heapGrowthFlags } from '../../../server/src/lsp/heapGrowth';

describe('the language server\'s heap growth', () => {
  it('is limited when the node command line says nothing of it', () => {
    expect(heapGrowthFlags([])).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    expect(heapGrowthFlags(['--max-semi-space-size=4', '--inspect'])).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
  });

  it('is left to the user who starts node with a growing factor of their own, however spelt', () => {
    expect(heapGrowthFlags(['--heap-growing-percent=50'])).toEqual([]);
    expect(heapGrowthFlags(['--max-semi-space-size=4', '--heap_growing_percent=25'])).toEqual([]);
  });
});
