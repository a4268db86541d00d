// `Array.prototype.map` for async work, one item after another: statements of one transaction run
// in turn (a PostgreSQL connection queues them anyway), and the order of what they read stays the
// order of the list.
export async function mapInOrder<T, R>(items: Iterable<T>, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let index = 0;
  for (const item of items) results.push(await work(item, index++));
  return results;
}
