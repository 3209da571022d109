/** One hand-built report that exercises every format: several files, all severities, Chinese and astral text. */
import type { Finding, LintReport, Locale, Range, RuleMeta, Severity } from '../../../server/src/engine/types';

export function range(line: number, character: number, endLine: number, endCharacter: number): Range {
  return { start: { line, character }, end: { line: endLine, character: endCharacter } };
}

export function finding(partial: Partial<Finding> & Pick<Finding, 'ruleId' | 'file' | 'range'>): Finding {
  return {
    severity: 'error',
    message: { 'zh-CN': `${partial.ruleId} 的消息`, en: `message of ${partial.ruleId}` },
    document: 0,
    related: [],
    fixes: [],
    ...partial,
  };
}

function rule(id: string, defaultSeverity: Severity, zh: string, en: string, source: string): RuleMeta {
  return { id, defaultSeverity, scope: 'file', fixable: 'none', summary: { 'zh-CN': zh, en }, source, kinds: [] };
}

const PASSPORT = 'services/passport.service.yaml';
const CATALOG = 'catalogs/人口.catalog.yaml';
const AGENCY = 'agencies/ok.agency.yaml';

const RULES: RuleMeta[] = [
  rule('service/fee-basis', 'error', '收费事项须填写收费依据', 'A charged service needs a fee basis', 'GB/T 39046-2020 表4'),
  { ...rule('id/uscc', 'error', '统一社会信用代码格式或校验位错误', 'Malformed USCC or wrong check character', 'GB 32100-2015'), fixable: 'safe' },
  { ...rule('service/shared-material-agreement', 'warning', '共享材料须有有效的共享协议', 'Shared material needs an agreement in force', '国办发〔2022〕5号'), scope: 'workspace' },
  { ...rule('schema/enum', 'error', '取值不在代码表内', 'Value outside its code list', 'GB/T 39046-2020 附录A'), fixable: 'suggestion' },
  rule('catalog/item-length', 'info', '信息项长度建议', 'Item length advice', 'L'),
  rule('yaml/unsafe', 'error', '不安全的 YAML', 'Unsafe YAML', 'L'),
];

/** Files and findings deliberately out of order: every format sorts them itself. */
export function sampleReport(locale: Locale = 'zh-CN'): LintReport {
  return {
    locale,
    summary: { files: 3, documents: 4, errors: 4, warnings: 2, infos: 1 },
    rules: new Map(RULES.map((meta) => [meta.id, meta])),
    files: [
      {
        file: PASSPORT,
        documents: [{ index: 0, kind: 'Service', identity: '11100000000000000X4000117001000' }],
        findings: [
          finding({
            ruleId: 'service/shared-material-agreement', severity: 'warning', file: PASSPORT, range: range(60, 8, 60, 20),
            message: { 'zh-CN': '共享协议 XY-2024-01 已于 2024-06-30 失效', en: 'Agreement XY-2024-01 expired on 2024-06-30' },
            related: [{
              file: 'agreements/xy.agreement.yaml', range: range(9, 10, 9, 20),
              message: { 'zh-CN': '协议有效期至此', en: 'validity ends here' },
            }],
          }),
          finding({
            ruleId: 'service/fee-basis', file: PASSPORT, range: range(40, 2, 40, 9),
            message: { 'zh-CN': '收费事项须填写收费依据 (fee.basis)', en: 'A charged service needs fee.basis' },
          }),
          finding({
            ruleId: 'id/uscc', file: PASSPORT, range: range(12, 8, 12, 26),
            message: { 'zh-CN': '统一社会信用代码含小写字母', en: 'USCC has lower-case letters' },
            fixes: [{
              title: { 'zh-CN': '改为大写', en: 'Upper-case it' }, safe: true,
              edits: [{ file: PASSPORT, range: range(12, 8, 12, 26), newText: '11100000000000000X' }],
            }],
          }),
          finding({
            ruleId: 'schema/enum', file: PASSPORT, range: range(7, 10, 7, 15),
            message: { 'zh-CN': '“行政许口”不在事项类型代码表内', en: '"行政许口" is not a service type' },
            fixes: [{
              title: { 'zh-CN': '改为“行政许可”', en: 'Change to "行政许可"' }, safe: false,
              edits: [{ file: PASSPORT, range: range(7, 10, 7, 15), newText: '行政许可' }],
            }],
          }),
        ],
      },
      {
        file: AGENCY,
        documents: [{ index: 0, kind: 'Agency', identity: '11100000000013338W' }],
        findings: [],
      },
      {
        file: CATALOG,
        documents: [
          { index: 0, kind: 'Catalog', identity: '330000-A-0001' },
          { index: 1, kind: 'Catalog', identity: '330000-A-0002' },
        ],
        findings: [
          finding({
            ruleId: 'catalog/item-length', severity: 'info', file: CATALOG, document: 1, range: range(20, 14, 20, 18),
            message: { 'zh-CN': '信息项“🀄姓名”过长', en: 'Item "🀄姓名" is long' },
          }),
          finding({
            ruleId: 'yaml/unsafe', file: CATALOG, document: null, range: range(0, 0, 0, 0),
            message: { 'zh-CN': '文件超过 10 MB 上限', en: 'File exceeds the 10 MB bound' },
          }),
          finding({
            ruleId: 'service/shared-material-agreement', severity: 'warning', file: CATALOG, document: 0, range: range(3, 4, 3, 9),
            message: { 'zh-CN': '含 <标签> & "引号", 比例 50%: 见\n下一行\u0007', en: 'has <tag> & "quotes", 50%: see\r\nnext line\u0007' },
          }),
        ],
      },
    ],
  };
}
