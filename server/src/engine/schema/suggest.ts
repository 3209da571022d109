/**
 * Did-you-mean for `schema/unknown-field` and `schema/enum`. A suggestion is made only when it is unambiguous:
 * a wrong guess in a fix is worse than none.
 */
import type { SchemaText } from './schemas';
import { nearestByTypo } from '../text/did-you-mean';

/** Full-width forms to ASCII, trimmed: what the writer most likely meant to type. */
function canonical(text: string): string {
  return text.normalize('NFKC').trim();
}

/** The one candidate `match` accepts, or undefined when none or several do. */
function unique<T>(candidates: readonly T[], match: (candidate: T) => boolean): T | undefined {
  const found = candidates.filter(match);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The known key an unknown key most likely stands for: the same key in another case or width, a key whose
 * Chinese title was written instead (`事项名称` → `name`), a cut-short key, or a near typo.
 */
export function nearestKey(written: string, titles: ReadonlyMap<string, SchemaText | undefined>): string | undefined {
  const keys = [...titles.keys()];
  const text = canonical(written);
  const lower = text.toLowerCase();
  return unique(keys, (k) => k.toLowerCase() === lower)
    ?? unique(keys, (k) => { const t = titles.get(k); return t !== undefined && (canonical(t['zh-CN']) === text || t.en.toLowerCase() === lower); })
    ?? nearestByPrefix(text, keys)
    ?? nearestByTypo(text, keys);
}

/** A cut-short word (`warn` → `warning`, `implement` → `implementer`): the only candidate it begins. */
function nearestByPrefix(written: string, candidates: readonly string[]): string | undefined {
  const lower = written.toLowerCase();
  return lower.length >= 3 ? unique(candidates, (c) => c.toLowerCase().startsWith(lower)) : undefined;
}

/**
 * The code or token meant by a value outside its list: its full-width form or other leading zeros (`"０１"`, `"1"` → `"01"`),
 * another case, its Chinese or English label (`工作日` → `workday`), a cut-short token, or a near typo of a token.
 */
export function enumReplacement(written: string, allowed: readonly string[], labels: Readonly<Record<string, SchemaText>>): string | undefined {
  const text = canonical(written);
  const lower = text.toLowerCase();
  if (allowed.includes(text)) return text;
  return sameNumberCode(text, allowed)
    ?? unique(allowed, (a) => a.toLowerCase() === lower)
    ?? unique(allowed, (a) => { const l = labels[a]; return l !== undefined && (canonical(l['zh-CN']) === text || l.en.toLowerCase() === lower); })
    // A typo of a one- or two-character code is just another code: only tokens get typo suggestions.
    ?? (text.length >= 3 ? nearestByPrefix(text, allowed) ?? nearestByTypo(text, allowed.filter((a) => a.length >= 3)) : undefined);
}

/** A numeric code written with other leading zeros: `"1"` for `"01"`, `"01"` for `"1"`. */
export function sameNumberCode(text: string, allowed: readonly string[]): string | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  return unique(allowed, (a) => /^\d+$/.test(a) && a !== text && Number(a) === Number(text));
}
