// A first-come, first-served lock for one process: the SQLite store's single connection may only
// be used by one transaction at a time, and its statements and transactions await in between.

export class AsyncLock {
  private tail: Promise<void> = Promise.resolve();

  /** Runs `work` once every earlier caller is done; the next one waits for `work` to settle. */
  async run<T>(work: () => T | Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }
}
