/** Builders for valid national identifiers (GB 32100-2015 USCC, GB 11714 organisation codes, GB/T 2260 regions). */

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCharValue(char: string): number {
  return /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 55;
}

/** GB 11714 check character for an 8-character organisation code body. */
export function orgCodeCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCharValue(body[i]) * ORG_WEIGHTS[i];
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/** GB 32100 check character for the first 17 characters of a USCC. */
export function usccCheck(first17: string): string {
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < 17; i++) {
    sum += USCC_CHARSET.indexOf(first17[i]) * weight;
    weight = (weight * 3) % 31;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** A government body's USCC (11 = 机构编制 / 机关) registered in `region`, with organisation code body `orgBody`. */
export function governmentUscc(region: string, orgBody: number): string {
  const body = String(orgBody).padStart(8, '0');
  const first17 = `11${region}${body}${orgCodeCheck(body)}`;
  return first17 + usccCheck(first17);
}

/** The same USCC with a wrong check character (for the `id/uscc` defect). */
export function withWrongCheck(uscc: string): string {
  const right = USCC_CHARSET.indexOf(uscc[17]);
  return uscc.slice(0, 17) + USCC_CHARSET[(right + 1) % USCC_CHARSET.length];
}
