// Splitting an import pass's rows into the batches each written in one transaction. A resumed pass
// still reads (and screens) the rows before where it stopped, so it drops them here, not at the source.

/** `items` after the first `n`. */
export async function* dropFirst<T>(items: AsyncIterable<T>, n: number): AsyncGenerator<T> {
  let index = 0;
  for await (const item of items) if (index++ >= n) yield item;
}

/** Batches of `size`; `first` is the index (0-based, data rows only) of the batch's first row. */
export async function* inBatches<T>(items: AsyncIterable<T>, first: number, size: number): AsyncGenerator<{ first: number; rows: T[] }> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield { first, rows: batch };
      first += batch.length;
      batch = [];
    }
  }
  if (batch.length) yield { first, rows: batch };
}
