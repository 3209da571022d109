import { bilingual } from '../../l10n/message';
import type { JsonPath, Message } from '../../types';
import { checkUscc } from '../../ids/uscc';
import type { AgreementFact, WorkspaceIndex } from '../../workspace';
import type { RuleContext } from '../api';
import { registered } from '../id/agency-references';
import { readableValue } from '../readable';

/** A material of the service, by index, with its data path. */
export interface MaterialRef { index: number; path: JsonPath }

export function materialsOf(ctx: RuleContext): MaterialRef[] {
  const list = ctx.get(['materials']);
  if (!Array.isArray(list)) return [];
  return list.map((_, index) => ({ index, path: ['materials', index] }));
}

/** The material's `source` token, when it can be read. */
export function sourceOf(ctx: RuleContext, material: MaterialRef): string | undefined {
  const source = readableValue(ctx, [...material.path, 'source']);
  return typeof source === 'string' ? source : undefined;
}

/** `材料“营业执照”（materials[1]）` / `material "营业执照" (materials[1])`, for messages. */
export function materialLabel(ctx: RuleContext, material: MaterialRef): Message {
  const name = ctx.get([...material.path, 'name']);
  const at = `materials[${material.index}]`;
  return typeof name === 'string' ? bilingual(`材料“${name}”（${at}）`, `material "${name}" (${at})`) : bilingual(`材料 ${at}`, `material ${at}`);
}

/** Sources whose data comes through a sharing agreement, so the applicant submits nothing. */
export const SHARED_SOURCES: readonly string[] = ['sharing', 'licence'];

// ---- time limits (docs/semantics.md) ----

export interface Limit { value: number; unit: string }

export const UNIT_LABELS: Readonly<Record<string, Message>> = {
  workday: bilingual('工作日', 'working days'),
  day: bilingual('自然日', 'calendar days'),
  hour: bilingual('小时', 'hours'),
  month: bilingual('月', 'months'),
};

/** `promisedLimit` or `statutoryLimit` when both its value and unit can be read. */
export function readLimit(ctx: RuleContext, field: 'promisedLimit' | 'statutoryLimit'): Limit | undefined {
  const value = readableValue(ctx, [field, 'value']);
  const unit = readableValue(ctx, [field, 'unit']);
  return typeof value === 'number' && typeof unit === 'string' ? { value, unit } : undefined;
}

/** A limit as written in a message: `10 工作日` / `10 working days`. */
export function showLimit(limit: Limit): Message {
  const label = UNIT_LABELS[limit.unit] ?? bilingual(limit.unit, limit.unit);
  const en = limit.value === 1 ? label.en.replace(/s$/, '') : label.en;
  return bilingual(`${limit.value} ${label['zh-CN']}`, `${limit.value} ${en}`);
}

const isDayHourPair = (a: string, b: string) => (a === 'day' && b === 'hour') || (a === 'hour' && b === 'day');

/** Comparable time limits (docs/semantics.md): same unit, `day` with `hour`, or either value 0. */
export function comparable(a: Limit, b: Limit): boolean {
  return a.unit === b.unit || isDayHourPair(a.unit, b.unit) || a.value === 0 || b.value === 0;
}

/** The length of a limit in hours, for the only pair of different units that converts (`day`, `hour`). */
export function inHours(limit: Limit): number {
  return limit.unit === 'day' ? limit.value * 24 : limit.value;
}

// ---- handling forms ----

/** GB/T 39046-2020 A.5: `2` 电脑端网上办理, `3` 移动端网上申请. */
export const ONLINE_FORMS: readonly string[] = ['2', '3'];

/** The `handlingForms` codes, when the list can be read (no finding on it or its items). */
export function handlingForms(ctx: RuleContext): string[] | undefined {
  const forms = readableValue(ctx, ['handlingForms']);
  return Array.isArray(forms) ? forms.filter((f): f is string => typeof f === 'string') : undefined;
}

// ---- sharing agreements ----

/**
 * The agreement's consumer USCC (upper-cased) when it can be compared: present, passing the GB 32100 check, and naming
 * an Agency when the workspace has them. A consumer that fails those is reported in the agreement's own file (one defect, one finding).
 */
export function usableConsumer(index: WorkspaceIndex, agreement: AgreementFact): string | undefined {
  const uscc = agreement.consumer?.uscc;
  return uscc && !checkUscc(uscc) && registered(index, uscc) ? uscc : undefined;
}
