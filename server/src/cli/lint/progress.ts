import type { Locale } from '../../engine';
import { bilingual } from '../../engine';

/** Runs shorter than this show no progress at all (cli.md). */
const DELAY_MS = 1000;
const REFRESH_MS = 100;
/** A phase must have run this long before its pace says anything about the time left. */
const ESTIMATE_AFTER_MS = 3000;

/** The phases the pipeline names, in the language of the run. */
const PHASES: Record<Locale, Record<string, string>> = bilingual(
  { reading: '读取', indexing: '索引', linting: '检查' },
  { reading: 'reading', indexing: 'indexing', linting: 'linting' },
);

export interface ProgressOptions {
  locale?: Locale;
  /** Told of every update, shown or not (`--debug` times the phases with it). */
  observe?: (label: string) => void;
  /** The clock; tests pass their own. */
  now?: () => number;
}

/** `75` → `1:15`, `3725` → `1:02:05`. */
function clock(seconds: number): string {
  const s = Math.round(seconds);
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}

/**
 * A one-line progress counter on standard error, for terminals only: the phase, files done of all, the time taken
 * and, once a phase has run a while, an estimate of the time it has left. The lint loop is synchronous, so it is
 * driven by calls from the loop rather than by a timer.
 */
export class Progress {
  private readonly now: () => number;
  private readonly started: number;
  private readonly locale: Locale;
  private lastDrawn = 0;
  private shown = false;
  private phase = '';
  private phaseStarted = 0;

  constructor(private readonly enabled: boolean, private readonly write: (text: string) => void, private readonly options: ProgressOptions = {}) {
    this.now = options.now ?? Date.now;
    this.started = this.now();
    this.locale = options.locale ?? 'en';
  }

  update(label: string, done: number, total: number): void {
    this.options.observe?.(label);
    if (!this.enabled) return;
    const now = this.now();
    if (label !== this.phase) {
      this.phase = label;
      this.phaseStarted = now;
    }
    if (now - this.started < DELAY_MS || now - this.lastDrawn < REFRESH_MS) return;
    this.lastDrawn = now;
    this.shown = true;
    this.write(`\r\x1b[K${this.line(label, done, total, now)}`);
  }

  /** `linting 120/900 · 0:14 · about 1:31 left` (or in Chinese: `检查 120/900 · 已用 0:14 · 约剩 1:31`). */
  line(label: string, done: number, total: number, now: number): string {
    const zh = this.locale === 'zh-CN';
    const name = PHASES[this.locale][label] ?? label;
    const elapsed = (now - this.started) / 1000;
    const parts = [`${name} ${done}/${total}`, zh ? `已用 ${clock(elapsed)}` : clock(elapsed)];
    const inPhase = now - this.phaseStarted;
    if (inPhase >= ESTIMATE_AFTER_MS && done > 0 && done < total) {
      const left = (inPhase / done) * (total - done) / 1000;
      parts.push(zh ? `约剩 ${clock(left)}` : `about ${clock(left)} left`);
    }
    return parts.join(' · ');
  }

  clear(): void {
    if (this.shown) this.write('\r\x1b[K');
    this.shown = false;
  }
}
