import * as vscode from 'vscode';
import type { Locale } from '../../server/src/engine';
import { isLocale, localeOfTag } from '../../server/src/host/locale';

/**
 * The language of the extension's pages and of the requests it sends: the `govspec.locale` setting, else the
 * editor's language, read as every host reads a language tag (host/locale.ts).
 */
export function editorLocale(): Locale {
  const set = vscode.workspace.getConfiguration('govspec').get<string>('locale');
  return isLocale(set) ? set : localeOfTag(vscode.env.language);
}
