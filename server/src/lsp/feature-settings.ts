/**
 * The on/off settings of the reading aids (`govspec.inlayHints.enable`, `govspec.codeLens.enable`,
 * `govspec.documentLinks.enable`) from the client's raw `govspec` settings: each is on unless set to false.
 */
export type ReadingAid = 'inlayHints' | 'codeLens' | 'documentLinks';

export function aidEnabled(raw: unknown, aid: ReadingAid): boolean {
  const section = (raw as Partial<Record<ReadingAid, { enable?: unknown }>> | null | undefined)?.[aid];
  return section?.enable !== false;
}
