import { todayInShanghai } from '../host/today';
import { isLocale } from '../host/locale';
import type { Locale } from '../engine';
import { aidEnabled } from './feature-settings';
import { diagnosticsScope, type DiagnosticsScope } from './pull-diagnostics';

/** The `govspec.*` settings, as a document sees them. Adding one: here, package.json, both nls files. */
export interface GovSpecSettings {
  enable: boolean;
  locale: 'auto' | Locale;
  /** A config file to use instead of the nearest govspec.config.yaml; relative to the workspace folder. */
  configPath: string;
  /** YYYY-MM-DD to lint as of, or '' for today in Asia/Shanghai. */
  today: string;
  /** `govspec.inlayHints.enable`, `govspec.codeLens.enable`, `govspec.documentLinks.enable`: on unless set to false. */
  inlayHints: boolean;
  codeLens: boolean;
  documentLinks: boolean;
  /** `govspec.diagnostics.scope`: the files `workspace/diagnostic` reports (read for the workspace folder). */
  diagnosticsScope: DiagnosticsScope;
}

export const DEFAULT_SETTINGS: GovSpecSettings = { enable: true, locale: 'auto', configPath: '', today: '', inlayHints: true, codeLens: true, documentLinks: true, diagnosticsScope: 'workspace' };

export function normalizeSettings(raw: unknown): GovSpecSettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<Exclude<keyof GovSpecSettings, 'inlayHints' | 'codeLens' | 'documentLinks' | 'diagnosticsScope'>, unknown>>;
  return {
    enable: typeof s.enable === 'boolean' ? s.enable : DEFAULT_SETTINGS.enable,
    locale: isLocale(s.locale) ? s.locale : 'auto',
    configPath: typeof s.configPath === 'string' ? s.configPath.trim() : '',
    today: typeof s.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s.today.trim()) ? s.today.trim() : '',
    inlayHints: aidEnabled(raw, 'inlayHints'),
    codeLens: aidEnabled(raw, 'codeLens'),
    documentLinks: aidEnabled(raw, 'documentLinks'),
    diagnosticsScope: diagnosticsScope(raw),
  };
}

/**
 * Settings pulled per document (`workspace/configuration`) and kept only until the next
 * `didChangeConfiguration`; never stored anywhere else.
 */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<GovSpecSettings>>();

  constructor(private readonly fetch: ((uri: string) => Promise<unknown>) | undefined) {}

  get(uri: string): Promise<GovSpecSettings> {
    let hit = this.cache.get(uri);
    if (!hit) {
      hit = this.fetch ? this.fetch(uri).then(normalizeSettings, () => DEFAULT_SETTINGS) : Promise.resolve(DEFAULT_SETTINGS);
      this.cache.set(uri, hit);
    }
    return hit;
  }

  /** A closed document's settings are asked again if it reopens; the cache holds only what is in use. */
  forget(uri: string): void { this.cache.delete(uri); }

  clear(): void { this.cache.clear(); }

  get size(): number { return this.cache.size; }
}

/** Today's date where the standards apply (docs/semantics.md), unless a setting fixes it. */
export function todayFor(settings: GovSpecSettings, now = new Date()): string {
  return settings.today || todayInShanghai(now);
}
