import type { Locale, Position } from '../types';
import { classifyDocuments } from '../lint';
import { daysBetween, isRealDate } from '../calendar/dates';
import type { FeatureWorkspace, OpenFile } from './context';
import { samePath } from './context';
import { scalarsOf } from './ast';
import { slotAt } from './slots';
import { agencyName } from './agencies';

/** A short note shown after a value: its meaning from the workspace, the region list or the calendar. */
export interface InlayHintEntry { position: Position; label: string }

function validity(validTo: string, today: string, locale: Locale): string {
  const days = daysBetween(today, validTo);
  if (days >= 0) return locale === 'zh-CN' ? `还有 ${days} 天到期` : `expires in ${days} day${days === 1 ? '' : 's'}`;
  return locale === 'zh-CN' ? `已过期 ${-days} 天` : `expired ${-days} day${days === -1 ? '' : 's'} ago`;
}

/**
 * The hints of a file, between two offsets: an agreement's `validTo` against `today` (valid through that day, so
 * 0 days on the last day), a region code's place name, an agency USCC's name. Values that do not resolve get none.
 */
export function inlayHints(ws: FeatureWorkspace, open: OpenFile, today: string, from = 0, to = Infinity): InlayHintEntry[] {
  const { parsed } = open;
  const out: InlayHintEntry[] = [];
  classifyDocuments(open.file, parsed).forEach((gov, i) => {
    const doc = parsed.documents[i];
    if (!gov.govspec || !gov.kind || !doc) return;
    for (const { path, start, end } of scalarsOf(doc)) {
      if (end < from || start > to) continue;
      const written = parsed.text.slice(start, end).replace(/^["']|["']$/g, '');
      const slot = slotAt(gov.kind, path);
      let label: string | undefined;
      if (gov.kind === 'SharingAgreement' && samePath(path, ['validTo']) && isRealDate(written) && isRealDate(today)) label = validity(written, today, ws.locale);
      else if (slot?.kind === 'region') label = ws.regions.fullName(written);
      else if ((slot?.kind === 'agency' && slot.field === 'uscc') || slot?.kind === 'agency-uscc') label = agencyName(ws.index, written)?.name;
      if (label) out.push({ position: parsed.lines.positionAt(end), label });
    }
  });
  return out;
}
