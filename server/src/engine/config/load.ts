import type { Finding, JsonPath, Locale, Message, RuleOptionValue, SeveritySetting } from '../types';
import { parseYaml } from '../yaml/parse';
import type { ParsedFile } from '../yaml/parse';
import { locate } from '../yaml/locate';
import { validateConfig } from '../schema/validate';
import { RULE_METAS } from '../rules/registry';
import { didYouMean } from '../text/did-you-mean';
import { explainSyntaxDetail } from '../l10n/syntax-errors';
import { bilingual } from '../l10n/message';
import { DEFAULT_CONFIG } from './types';
import type { ResolvedConfig, RuleSetting } from './types';
import { patternProblem } from './patterns';
import { optionProblems } from './rule-options';

/** What the engine needs from its host to follow `extends`: it never touches the file system itself. */
export interface ConfigHost {
  read(file: string): string | undefined;
  /** Why a file that `read` gave nothing for cannot be read (`not a regular file (a FIFO)`); undefined when it does not exist. */
  unreadable?(file: string): string | undefined;
  /** `rel` resolved against the folder of `from`. */
  resolve(from: string, rel: string): string;
}

export interface LoadedConfig {
  /** Undefined when the config cannot be used (docs/semantics.md): the findings say why. */
  config: ResolvedConfig | undefined;
  /** meta/config and meta/unknown-rule findings, in whichever config file of the chain they belong to. */
  findings: Finding[];
}

const PRESETS = new Set(['recommended', 'strict']);

/**
 * Configs in one `extends` chain, the first included. Real chains are two or three long (workspace, agency, province);
 * the bound keeps a hostile chain of thousands from exhausting the stack, and names the link that goes past it.
 */
export const MAX_EXTENDS_CHAIN = 32;

/** Loads a config file and its `extends` chain, merged (rules, codePatterns, codeLists per key; regions.add and ignore concatenated). */
export function loadConfig(file: string, host: ConfigHost): LoadedConfig {
  const findings: Finding[] = [];
  const config = loadChain(file, host, findings, []);
  // Any fault but a wrong rule option (reported at its key, the rule then at its default) leaves no config.
  return { config, findings };
}

function loadChain(file: string, host: ConfigHost, findings: Finding[], chain: string[]): ResolvedConfig | undefined {
  const text = host.read(file);
  if (text === undefined) {
    const why = host.unreadable?.(file);
    const reason = why === undefined ? '' : `：${why}`;
    findings.push(configFinding(file, undefined, [], bilingual(`无法读取配置文件 ${file}${reason}`, `Cannot read config file ${file}${why === undefined ? '' : `: ${why}`}`)));
    return undefined;
  }
  const parsed = parseYaml(text);
  const doc = parsed.documents[0];
  const syntax = doc?.problems[0];
  if (syntax) {
    findings.push({ ...configFinding(file, parsed, [], configSyntaxMessage(syntax.detail)), range: parsed.lines.rangeOf(syntax.start, syntax.end) });
    return undefined;
  }
  const data = (doc?.value ?? {}) as Record<string, unknown>;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    findings.push(configFinding(file, parsed, [], bilingual('配置文件必须是一个映射', 'The config file must be a mapping')));
    return undefined;
  }
  const shapeProblems = validateConfig(data);
  for (const p of shapeProblems) findings.push(configFinding(file, parsed, p.path, p.message, p.anchor));
  if (shapeProblems.length > 0) return undefined;

  const base = resolveExtends(file, parsed, data, host, findings, chain);
  if (base === undefined) return undefined;
  const own = readOwn(file, parsed, data, findings);
  if (!own) return undefined;
  return {
    file,
    preset: base.preset,
    rules: new Map([...base.rules, ...own.rules]),
    codePatterns: { ...base.codePatterns, ...own.codePatterns },
    codeLists: { serviceType: { ...base.codeLists.serviceType, ...own.serviceType } },
    regionsAdd: [...base.regionsAdd, ...own.regionsAdd],
    ignore: [...base.ignore, ...own.ignore],
    ignoreSources: own.ignore.length > 0 ? [...base.ignoreSources, { file, patterns: own.ignore }] : base.ignoreSources,
    locale: own.locale ?? base.locale,
  };
}

/**
 * Whether a config's own text says `root: true` (docs/semantics.md): read without its chain, as the mark is not
 * inherited through `extends`, and false for a config that does not parse (it cannot say anything).
 */
export function declaresRoot(text: string): boolean {
  const data = parseYaml(text).documents[0]?.value as { root?: unknown } | null | undefined;
  return typeof data === 'object' && data !== null && !Array.isArray(data) && data.root === true;
}

function resolveExtends(file: string, parsed: ParsedFile, data: Record<string, unknown>, host: ConfigHost, findings: Finding[], chain: string[]): ResolvedConfig | undefined {
  const ext = data.extends;
  if (typeof ext !== 'string' || ext.trim() === '') return DEFAULT_CONFIG;
  if (PRESETS.has(ext)) return { ...DEFAULT_CONFIG, preset: ext as ResolvedConfig['preset'] };
  const target = host.resolve(file, ext);
  if ([...chain, file].includes(target)) {
    findings.push(configFinding(file, parsed, ['extends'], bilingual(`extends 形成循环：${[...chain, file, target].join(' → ')}`, `extends forms a cycle: ${[...chain, file, target].join(' → ')}`)));
    return undefined;
  }
  if (chain.length + 2 > MAX_EXTENDS_CHAIN) {
    findings.push(configFinding(file, parsed, ['extends'], bilingual(
      `extends 链超过 ${MAX_EXTENDS_CHAIN} 个配置文件：请缩短继承链`,
      `The extends chain is longer than ${MAX_EXTENDS_CHAIN} config files: shorten it`,
    )));
    return undefined;
  }
  if (host.read(target) === undefined) {
    // A FIFO, a device, a folder or a binary file is there but is no config: say so rather than "does not exist".
    const why = host.unreadable?.(target);
    if (why !== undefined) {
      findings.push(configFinding(file, parsed, ['extends'], bilingual(`无法读取 extends 指向的文件 ${ext}：${why}`, `extends names a file that cannot be read: ${ext}: ${why}`)));
      return undefined;
    }
    // `extends: recomended` is a preset misspelt far more often than a missing file.
    const preset = didYouMean(ext, PRESETS);
    findings.push(configFinding(file, parsed, ['extends'], preset
      ? bilingual(`extends 既不是预设也不是存在的文件：${ext}；是否指 ${preset}？`, `extends is neither a preset nor an existing file: ${ext}; did you mean ${preset}?`)
      : bilingual(`extends 指向的文件不存在：${ext}`, `extends names a file that does not exist: ${ext}`)));
    return undefined;
  }
  return loadChain(target, host, findings, [...chain, file]);
}

interface OwnSettings {
  rules: Map<string, RuleSetting>;
  codePatterns: ResolvedConfig['codePatterns'];
  serviceType: Record<string, string>;
  regionsAdd: string[];
  ignore: string[];
  locale: Locale | undefined;
}

function readOwn(file: string, parsed: ParsedFile, data: Record<string, unknown>, findings: Finding[]): OwnSettings | undefined {
  const rules = new Map<string, RuleSetting>();
  const optionFaults: Finding[] = [];
  for (const [id, setting] of Object.entries((data.rules ?? {}) as Record<string, unknown>)) {
    if (!RULE_METAS.has(id)) {
      const guess = didYouMean(id, RULE_METAS.keys());
      findings.push({
        ...configFinding(file, parsed, ['rules', id], bilingual(`没有名为 ${id} 的规则${guess ? `；是否指 ${guess}？` : ''}`, `There is no rule named ${id}${guess ? `; did you mean ${guess}?` : ''}`), 'key'),
        ruleId: 'meta/unknown-rule',
      });
      continue;
    }
    // A wrong option is reported at its key and leaves the config usable: the rule runs with that option's default.
    const problems = optionProblems(id, setting);
    for (const p of problems) optionFaults.push(configFinding(file, parsed, ['rules', id, p.key], p.message, 'key'));
    rules.set(id, toSetting(setting, new Set(problems.map((p) => p.key))));
  }
  const patterns = (data.codePatterns ?? {}) as Record<string, string>;
  let usable = true;
  for (const [name, pattern] of Object.entries(patterns)) {
    const problem = patternProblem(pattern);
    if (problem) {
      findings.push(configFinding(file, parsed, ['codePatterns', name], problem));
      usable = false;
    }
  }
  if (!usable) return undefined;
  findings.push(...optionFaults);
  const lists = (data.codeLists ?? {}) as { serviceType?: Record<string, string> };
  const regions = (data.regions ?? {}) as { add?: string[] };
  return {
    rules,
    codePatterns: patterns,
    serviceType: lists.serviceType ?? {},
    regionsAdd: regions.add ?? [],
    ignore: (data.ignore as string[] | undefined) ?? [],
    locale: data.locale as Locale | undefined,
  };
}

/** A rule's setting without the keys that cannot be used (`refused`): the rule runs with its defaults for those. */
function toSetting(setting: unknown, refused: ReadonlySet<string>): RuleSetting {
  if (typeof setting === 'string') return { severity: setting as SeveritySetting, options: {} };
  const { severity, ...rest } = setting as { severity?: SeveritySetting } & Record<string, RuleOptionValue>;
  const options = Object.fromEntries(Object.entries(rest).filter(([key]) => !refused.has(key) && !key.startsWith('x-')));
  return { severity: severity ?? (undefined as unknown as SeveritySetting), options };
}

function configFinding(file: string, parsed: ParsedFile | undefined, path: JsonPath, message: Message, anchor: 'key' | 'value' = 'value'): Finding {
  const doc = parsed?.documents[0];
  const range = doc && parsed ? parsed.lines.rangeOf(...locate(doc.ast, path, anchor)) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { ruleId: 'meta/config', severity: 'error', message, file, range, document: doc ? 0 : null, related: [], fixes: [] };
}

/** A YAML mistake in the config, explained as in a document (l10n/syntax-errors.ts). */
function configSyntaxMessage(detail: string): Message {
  const explained = explainSyntaxDetail(detail);
  return bilingual(`配置文件 ${explained['zh-CN']}`, `Config file: ${explained.en}`);
}
