/**
 * One cell's value turned into the value of its field, as the linter expects it: codes as strings (numbers Excel made
 * of them turned back, or reported when digits were lost), code-list labels as their codes, dates as YYYY-MM-DD,
 * full-width digits and letters and stray spaces removed where a code or token belongs. Text fields keep their text.
 * A value that cannot be converted is written as it was, so that the lint reports it where it lies.
 */
import type { Message } from '../engine';
import type { FieldColumn } from './fields';
import { bilingual } from '../engine';

/** A cell as the readers give it: formulas already replaced by their cached result. */
export type CellValue = string | number | boolean | Date | null;

export type Converted = { value: unknown; problem?: Message } | { value: undefined; problem?: Message };

/** Separators of the entries of a list written in one cell. */
export const LIST_SEPARATOR = /\s*(?:\r?\n|[、,，;；])\s*/;

/** Full-width forms to ASCII and trimmed, for codes and tokens (`０１` → `01`). */
export function normaliseToken(text: string): string {
  return text.normalize('NFKC').trim();
}

const TRUE_WORDS = new Set(['是', '有', '开放', '涉密', '必要', 'y', 'yes', 'true', '1', '√']);
const FALSE_WORDS = new Set(['否', '无', '不开放', '不涉密', '非必要', 'n', 'no', 'false', '0', '×']);

/** Excel's day 0 of the 1900 date system (its fictitious 1900-02-29 is why the epoch is 1899-12-30). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function realDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? isoDate(date) : undefined;
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

function dateOf(value: CellValue): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : isoDate(value);
  if (typeof value === 'number') {
    // A serial number of the 1900 system, from a cell whose format did not say it was a date.
    return Number.isInteger(value) && value > 0 && value < 2_958_466 ? isoDate(new Date(EXCEL_EPOCH_MS + value * DAY_MS)) : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const text = normaliseToken(value);
  const m = DATE_TEXT.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  return m ? realDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

function lostDigits(column: FieldColumn, n: number): Message {
  const digits = String(n);
  return bilingual(
    `“${column.headers[0]}”以数字存储（${digits}），已丢失位数，无法还原；请把该列设为文本格式后重新填写`,
    `"${column.headers[0]}" was stored as a number (${digits}) and has lost digits that cannot be recovered; format the column as text and enter it again`,
  );
}

/** A number Excel made of a code, back as its text; undefined when digits were lost (beyond 15 significant digits). */
function codeOfNumber(n: number, digits: number | undefined): string | undefined {
  if (!Number.isInteger(n) || n < 0 || Math.abs(n) >= 1e15) return undefined;
  const text = String(n);
  return digits !== undefined && text.length < digits ? text.padStart(digits, '0') : text;
}

/** Scientific notation in a text cell (`9.1110000101E+17`): a CSV written from a number that had lost digits. */
const SCIENTIFIC = /^\d(?:\.\d+)?e\+\d+$/i;

function codeOf(column: FieldColumn, value: CellValue): Converted {
  if (typeof value === 'number') {
    const text = codeOfNumber(value, column.digits);
    return text === undefined ? { value: String(value), problem: lostDigits(column, value) } : { value: text };
  }
  const text = normaliseToken(String(value));
  if (SCIENTIFIC.test(text)) return { value: text, problem: lostDigits(column, Number(text)) };
  return { value: text };
}

/** The code a label, code, token or `code label` writes (`有条件共享` → `conditional`, `01 行政许可` → `01`). */
export function codeOfLabel(labels: FieldColumn['labels'], value: CellValue, digits?: number): string | undefined {
  const codes = Object.keys(labels ?? {});
  if (typeof value === 'number' && Number.isInteger(value)) {
    const width = codes.find((c) => /^\d+$/.test(c))?.length ?? digits ?? 0;
    const padded = String(value).padStart(width, '0');
    if (codes.includes(padded)) return padded;
  }
  const text = normaliseToken(String(value));
  const lower = text.toLowerCase();
  for (const code of codes) if (code === text) return code;
  for (const code of codes) {
    const label = labels![code];
    if (normaliseToken(label['zh-CN']) === text || label.en.toLowerCase() === lower || code.toLowerCase() === lower) return code;
  }
  const lead = /^([0-9A-Za-z-]+)\s*[ .、:：-]\s*\S/.exec(text);
  return lead && codes.includes(lead[1]) ? lead[1] : undefined;
}

/**
 * How export writes a code: its Chinese label, or `code label` where several codes share the label (the local
 * extensions 11–19 of 事项类型), so that import reads back the same code.
 */
export function labelForCode(labels: FieldColumn['labels'], code: string): string {
  const label = labels?.[code]?.['zh-CN'];
  if (label === undefined) return code;
  const shared = Object.entries(labels!).some(([other, l]) => other !== code && l['zh-CN'] === label);
  return shared ? `${code} ${label}` : label;
}

function boolOf(value: CellValue): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = normaliseToken(String(value)).toLowerCase();
  return TRUE_WORDS.has(text) ? true : FALSE_WORDS.has(text) ? false : undefined;
}

function numberOf(value: CellValue, integer: boolean): number | undefined {
  const n = typeof value === 'number' ? value : Number(normaliseToken(String(value)));
  if (typeof value === 'string' && normaliseToken(value) === '') return undefined;
  return Number.isFinite(n) && (!integer || Number.isInteger(n)) ? n : undefined;
}

function textOf(value: CellValue): string {
  if (value instanceof Date) return isoDate(value);
  return String(value);
}

/**
 * The codes of a cell listing several (`自然人、企业法人`): lines, semicolons and commas always separate; `、` only
 * where the text around it is no label, since some labels hold one (`镇（乡、街道）级`).
 */
function codesOfList(column: FieldColumn, text: string): string[] {
  return text.split(/\s*(?:\r?\n|[,，;；])\s*/).filter((s) => s !== '').flatMap((part) => {
    const whole = codeOfLabel(column.labels, part);
    if (whole !== undefined) return [whole];
    return part.split(/\s*、\s*/).filter((s) => s !== '').map((p) => codeOfLabel(column.labels, p) ?? normaliseToken(p));
  });
}

/** Whether a cell holds nothing: empty, or only white space (semantics.md: that counts as missing). */
export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

/** The value of `column` written in a cell; `undefined` for a blank cell (the field is left out). */
export function convertCell(column: FieldColumn, value: CellValue): Converted {
  if (isBlank(value)) return { value: undefined };
  switch (column.kind) {
    case 'text': return { value: textOf(value) };
    case 'code': return codeOf(column, value);
    case 'enum': return { value: codeOfLabel(column.labels, value, column.digits) ?? normaliseToken(textOf(value)) };
    case 'date': return { value: dateOf(value) ?? normaliseToken(textOf(value)) };
    case 'bool': {
      const b = boolOf(value);
      return { value: b ?? textOf(value) };
    }
    case 'int':
    case 'number': {
      const n = numberOf(value, column.kind === 'int');
      return { value: n ?? textOf(value) };
    }
    case 'list': return { value: textOf(value).split(column.lines ? /\s*\r?\n\s*/ : LIST_SEPARATOR).filter((s) => s !== '') };
    case 'enum-list': return { value: codesOfList(column, textOf(value)) };
  }
}
