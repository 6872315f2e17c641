import { describe, expect, it } from 'vitest';
import { dropFirst, inBatches } from '../batches.js';
import { columnsOf } from '../mapped-columns.js';
import { collect } from '../readers/__tests__/helpers.js';

async function* count(n: number) {
  for (let i = 0; i < n; i++) yield i;
}

describe('batches of a pass', () => {
  it('hands out full batches and a last short one, numbered from where the pass starts', async () => {
    expect(await collect(inBatches(count(5), 0, 2))).toEqual([{ first: 0, rows: [0, 1] }, { first: 2, rows: [2, 3] }, { first: 4, rows: [4] }]);
    expect(await collect(inBatches(count(0), 0, 2))).toEqual([]);
  });

  it('a resumed pass reads every row but batches only those after where it stopped', async () => {
    expect(await collect(inBatches(dropFirst(count(7), 3), 3, 2))).toEqual([{ first: 3, rows: [3, 4] }, { first: 5, rows: [5, 6] }]);
    expect(await collect(dropFirst(count(2), 5))).toEqual([]);
  });
});

describe('mapped columns', () => {
  it('keeps the column indexes mapped to a field, not the columns left out or the settings kept beside them', () => {
    expect(columnsOf({ 0: 'code', 1: '', 3: 'name', defaultKind: 'legal' })).toEqual([[0, 'code'], [3, 'name']]);
  });
});
