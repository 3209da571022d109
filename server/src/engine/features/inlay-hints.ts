import type { Locale, Position } from '../types';
import { bilingual } from '../l10n/message';
import { classifyDocuments } from '../lint';
import { daysBetween, isRealDate } from '../calendar/dates';
import type { FeatureWorkspace, OpenFile } from './context';
import { samePath } from './context';
import { scalarsOf } from './ast';
import { slotAt } from './slots';
import { agencyName } from './agencies';
import { deadlineHint } from './deadline-hints';

/** A short note shown after a value: its meaning from the workspace, the region list or the calendar. */
export interface InlayHintEntry { position: Position; label: string }

/** What the hints count from: the day to lint as of, and the working days a provider has to reply (`replyWorkdays`). */
export interface HintDates { today: string; replyWorkdays: number }

function validity(validTo: string, today: string, locale: Locale): string {
  const days = daysBetween(today, validTo);
  if (days >= 0) return bilingual(`还有 ${days} 天到期`, `expires in ${days} day${days === 1 ? '' : 's'}`)[locale];
  return bilingual(`已过期 ${-days} 天`, `expired ${-days} day${days === -1 ? '' : 's'} ago`)[locale];
}

/** The place a region code names, or the agency a USCC names. */
function nameOf(ws: FeatureWorkspace, slot: ReturnType<typeof slotAt>, written: string): string | undefined {
  if (slot?.kind === 'region') return ws.regions.fullName(written);
  if ((slot?.kind === 'agency' && slot.field === 'uscc') || slot?.kind === 'agency-uscc') return agencyName(ws.index, written)?.name;
  return undefined;
}

/**
 * The hints of a file, between two offsets: an agreement's `validTo` against `today` (valid through that day, so
 * 0 days on the last day), a deadline in working days as the day it falls on (deadline-hints.ts), a region code's
 * place name, an agency USCC's name. Values that do not resolve get none.
 */
export function inlayHints(ws: FeatureWorkspace, open: OpenFile, dates: HintDates, from = 0, to = Infinity): InlayHintEntry[] {
  const { today } = dates;
  const { parsed } = open;
  const out: InlayHintEntry[] = [];
  classifyDocuments(open.file, parsed).forEach((gov, i) => {
    const doc = parsed.documents[i];
    if (!gov.govspec || !gov.kind || !doc) return;
    for (const { path, start, end } of scalarsOf(doc)) {
      if (end < from || start > to) continue;
      const written = parsed.text.slice(start, end).replace(/^["']|["']$/g, '');
      const label = gov.kind === 'SharingAgreement' && samePath(path, ['validTo']) && isRealDate(written) && isRealDate(today)
        ? validity(written, today, ws.locale)
        : deadlineHint(gov.kind, path, written, doc.value, today, dates.replyWorkdays, ws.locale) ?? nameOf(ws, slotAt(gov.kind, path), written);
      if (label) out.push({ position: parsed.lines.positionAt(end), label });
    }
  });
  return out;
}
