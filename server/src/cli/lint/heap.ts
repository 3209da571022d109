import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what the last full collection kept: 1.5× instead of its own choice, which, while
 * a run allocates fast and collects cheaply, is 3–4×. A national lint with one thread peaked at 2.2 GB of RSS with
 * V8's choice; with this one 1.2 GB (1.6 GB at 2×), for 3–4 % more time than at 2×.
 */
const HEAP_GROWING_PERCENT = 50;

/**
 * Workspaces past this many bytes of YAML hold an index big enough for V8's own growth to cost gigabytes; below it
 * the cap only costs time (the medium corpus, 66 MB: 4 % more time to save 40–100 MB).
 */
const LARGE_WORKSPACE_BYTES = 200 * 1024 * 1024;

/**
 * Caps the heap's growth for the rest of the process when the files add up to a large workspace. V8 reads the flag
 * at every full collection, worker threads included, so setting it before phase 1 covers the run.
 */
export function capHeapGrowthFor(files: readonly string[]): void {
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += statSync(file).size;
    } catch {
      // A file that cannot be read is reported by phase 1; it holds nothing for the index.
    }
    if (bytes > LARGE_WORKSPACE_BYTES) {
      setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
      return;
    }
  }
}
