import { isRealDate } from '../calendar/dates';

/**
 * National identifier checks: the unified social credit code (GB 32100-2015), the organisation
 * code inside it (GB 11714) and the resident identity number (GB 11643-1999). Pure string arithmetic.
 */

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_LENGTH = 18;
/** Wᵢ = 3^(i−1) mod 31 for characters 1–17. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * What is wrong with a USCC, first problem only:
 * - `length`: not 18 characters;
 * - `charset`: the character at `index` (0-based) is outside the 31-character set, even after upper-casing;
 * - `lowercase`: the code contains lower-case letters but its upper-cased form is fully valid (fix: upper-case it);
 * - `check`: the check character is wrong; `expected` is the right one (computed on the upper-cased code).
 * A code with lower-case letters whose upper-cased form has a wrong check character reports `check`, since
 * upper-casing alone would not repair it.
 */
export type UsccProblem =
  | { kind: 'length' }
  | { kind: 'charset'; index: number }
  | { kind: 'lowercase' }
  | { kind: 'check'; expected: string };

/** The USCC check character for the first 17 characters (which must be in the charset, upper case). */
function usccCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < USCC_WEIGHTS.length; i++) sum += USCC_CHARSET.indexOf(body[i]) * USCC_WEIGHTS[i];
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

export function checkUscc(code: string): UsccProblem | undefined {
  if (code.length !== USCC_LENGTH) return { kind: 'length' };
  const upper = code.toUpperCase();
  for (let i = 0; i < USCC_LENGTH; i++) {
    if (!USCC_CHARSET.includes(upper[i])) return { kind: 'charset', index: i };
  }
  const expected = usccCheckChar(upper);
  if (upper[USCC_LENGTH - 1] !== expected) return { kind: 'check', expected };
  return upper === code ? undefined : { kind: 'lowercase' };
}

/** Characters 3–8 of a USCC: the GB/T 2260 region code of the registering authority. */
export function usccRegionPart(code: string): string {
  return code.slice(2, 8);
}

/** Characters 9–17 of a USCC: the GB 11714 organisation code. */
export function usccOrgCodePart(code: string): string {
  return code.slice(8, 17);
}

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714: 8 body characters `0-9A-Z` and a check character (`X` for 10, `0` for 11). Upper case only. */
export function checkOrgCode(nine: string): boolean {
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(nine)) return false;
  let sum = 0;
  for (let i = 0; i < ORG_CODE_WEIGHTS.length; i++) sum += parseInt(nine[i], 36) * ORG_CODE_WEIGHTS[i];
  const c = 11 - (sum % 11);
  const expected = c === 10 ? 'X' : c === 11 ? '0' : String(c);
  return nine[8] === expected;
}

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK = '10X98765432';

/** GB 11643-1999: 17 digits with a real birth date in characters 7–14, then the check character (`x` accepted). */
export function checkResidentId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  if (!isRealDate(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`)) return false;
  let sum = 0;
  for (let i = 0; i < RESIDENT_ID_WEIGHTS.length; i++) sum += Number(id[i]) * RESIDENT_ID_WEIGHTS[i];
  return id[17].toUpperCase() === RESIDENT_ID_CHECK[sum % 11];
}
