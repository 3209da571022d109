/** Runs shorter than this show no progress at all (cli.md). */
const DELAY_MS = 1000;
const REFRESH_MS = 100;

/**
 * A one-line progress counter on standard error, for terminals only. The lint loop is synchronous, so it is driven
 * by calls from the loop rather than by a timer.
 */
export class Progress {
  private readonly started = Date.now();
  private lastDrawn = 0;
  private shown = false;

  constructor(private readonly enabled: boolean, private readonly write: (text: string) => void) {}

  update(label: string, done: number, total: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < DELAY_MS || now - this.lastDrawn < REFRESH_MS) return;
    this.lastDrawn = now;
    this.shown = true;
    this.write(`\r\x1b[K${label} ${done}/${total}`);
  }

  clear(): void {
    if (this.shown) this.write('\r\x1b[K');
    this.shown = false;
  }
}
