/** Two rows of the distance table, reused by every call (a workspace-wide suggestion compares hundreds of thousands). */
let rows = [new Int32Array(64), new Int32Array(64)];

/**
 * Levenshtein distance, bounded: returns `limit + 1` as soon as the distance is known to exceed `limit`. Only the
 * band of cells within `limit` of the diagonal is computed, as any path through a cell outside it costs more.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const bound = Math.min(limit, Math.max(a.length, b.length));
  const over = bound + 1;
  const n = b.length;
  if (rows[0].length < n + 2) rows = [new Int32Array(n + 2), new Int32Array(n + 2)];
  let [previous, current] = rows;
  for (let j = 0; j <= n + 1; j++) previous[j] = j <= bound ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - bound);
    const hi = Math.min(n, i + bound);
    current[lo - 1] = lo === 1 && i <= bound ? i : over;
    let best = current[lo - 1];
    const ai = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai === b.charCodeAt(j - 1) ? 0 : 1), over);
      current[j] = v;
      if (v < best) best = v;
    }
    // The cell right of the band is read by the next row as "above": out of reach.
    current[hi + 1] = over;
    if (best > bound) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[n] > bound ? limit + 1 : previous[n];
}

/**
 * The closest candidate when it is close enough to be a likely typo (a third of the word, at least one edit); a
 * difference of case only counts as half an edit. The first of equally close candidates wins.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  const lower = word.toLowerCase();
  const letters = new LetterCounts(word);
  for (const c of candidates) {
    if (c === word) return undefined;
    if (Math.abs(c.length - word.length) <= limit && sameIgnoringCase(c, lower)) {
      if (0.5 < bestDistance) { best = c; bestDistance = 0.5; }
      continue;
    }
    // Only a candidate closer than the best so far matters: the distance is computed no further than that, and not
    // at all when the letters the two do not share already need more edits.
    const within = Math.ceil(bestDistance) - 1;
    if (letters.editsAtLeast(c) > within) continue;
    const d = editDistance(word, c, within);
    if (d < bestDistance) { best = c; bestDistance = d; }
  }
  return best;
}

/**
 * The letters of a word, counted in buckets (ASCII by code, everything else together): an edit changes the counts by
 * at most two, so half the letters two words do not share is a lower bound of their distance.
 */
class LetterCounts {
  private readonly counts = new Int32Array(129);
  private readonly taken: number[] = [];

  constructor(private readonly word: string) {
    for (let i = 0; i < word.length; i++) this.counts[bucketOf(word.charCodeAt(i))]++;
  }

  editsAtLeast(other: string): number {
    const { counts, taken } = this;
    for (let i = 0; i < other.length; i++) {
      const b = bucketOf(other.charCodeAt(i));
      if (counts[b] > 0) { counts[b]--; taken.push(b); }
    }
    const shared = taken.length;
    for (const b of taken) counts[b]++;
    taken.length = 0;
    return Math.ceil((this.word.length + other.length - 2 * shared) / 2);
  }
}

const bucketOf = (code: number) => (code < 128 ? code : 128);

/** `candidate.toLowerCase() === lower`, without lowering every candidate of a national list when their first letters differ. */
function sameIgnoringCase(candidate: string, lower: string): boolean {
  const first = candidate.charCodeAt(0);
  if (first < 128 && lower.length > 0 && (first >= 65 && first <= 90 ? first + 32 : first) !== lower.charCodeAt(0)) return false;
  return candidate.toLowerCase() === lower;
}

/**
 * Optimal string alignment distance: Levenshtein plus adjacent transpositions (`nmae` → `name` is 1), for the short
 * words of field names, code-list tokens and region codes.
 */
export function alignmentDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) { rows[0].push(j); continue; }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i].push(d);
    }
  }
  return rows[a.length][b.length];
}

/** The only candidate within a third of the longer length (at least 1), compared case-insensitively. */
export function nearestByTypo(written: string, candidates: readonly string[]): string | undefined {
  const lower = written.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const candidate of candidates) {
    const distance = alignmentDistance(lower, candidate.toLowerCase());
    const limit = Math.max(1, Math.floor(Math.max(written.length, candidate.length) / 3));
    if (distance > limit) continue;
    if (distance < bestDistance) { best = candidate; bestDistance = distance; tie = false; }
    else if (distance === bestDistance) tie = true;
  }
  return tie ? undefined : best;
}

/**
 * A mistyped command, flag or format name (`lnit`, `--fromat`, `sarfi`): the nearest by typo, and of equally near
 * ones the only one that starts as the word does (`lnit` is one edit from both `lint` and `init`).
 */
export function nearestName(written: string, candidates: readonly string[]): string | undefined {
  return nearestByTypo(written, candidates) ?? nearestByTypo(written, candidates.filter((c) => c[0] === written[0]));
}
