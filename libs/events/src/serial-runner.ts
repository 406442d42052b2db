/**
 * Runs `work` one pass at a time: a wake-up during a pass schedules exactly one more pass, so
 * bursts of notifications neither overlap nor get lost. `idle()` resolves when nothing is pending.
 */
export class SerialRunner {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly work: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  wake(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.work();
        } catch (error) {
          this.onError(error);
          // Retry on the next wake-up or poll rather than spinning on a failing database.
          this.again = false;
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Runs a full pass now (after any running one) and rethrows its failure to the caller. */
  async runNow(): Promise<void> {
    while (this.running) await this.running;
    const pass = this.work();
    this.running = pass
      .catch(() => undefined)
      .finally(() => {
        this.running = null;
      });
    await pass;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    while (this.running) await this.running;
  }
}
