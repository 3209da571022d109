/**
 * A rule's `source` as a reader sees it. The registry keeps the short citation of the rule catalogue
 * (`国发〔2016〕51号 (M)`, `GB/T 39046-2020 table 4 (H)`, `L`); reports show the full name of each regulation or
 * standard in the report's language, and the confidence marks with their legend.
 */
import type { Locale, Message } from '../types';
import { bilingual } from './message';

/** Each cited document: how the catalogue writes it, and its full name in both languages. */
const DOCUMENTS: readonly { short: RegExp; name: Message }[] = [
  { short: /GB\/T 39046-2020/, name: bilingual('GB/T 39046-2020《政务服务平台基础数据规范》', 'GB/T 39046-2020 “Basic data specification of government service platforms”') },
  { short: /GB 32100-2015/, name: bilingual('GB 32100-2015《法人和其他组织统一社会信用代码编码规则》', 'GB 32100-2015 “Coding rule of the unified social credit identifier for legal persons and other organizations”') },
  { short: /GB 11714/, name: bilingual('GB 11714《全国组织机构代码编制规则》', 'GB 11714 “Rules of coding for the representation of organizations”') },
  { short: /GB\/T 2260/, name: bilingual('GB/T 2260《中华人民共和国行政区划代码》', 'GB/T 2260 “Codes for the administrative divisions of the People\'s Republic of China”') },
  { short: /国发〔2016〕51号/, name: bilingual('国发〔2016〕51号《政务信息资源共享管理暂行办法》', '国发〔2016〕51号 “Interim Measures for the Administration of Government Information Resource Sharing”') },
  { short: /国发〔2022〕5号/, name: bilingual('国发〔2022〕5号《国务院关于加快推进政务服务标准化规范化便利化的指导意见》', '国发〔2022〕5号 “State Council guidance on standardised, regulated and convenient government services”') },
  { short: /国办发〔2020〕35号/, name: bilingual('国办发〔2020〕35号《国务院办公厅关于加快推进政务服务“跨省通办”的指导意见》', '国办发〔2020〕35号 “General Office guidance on handling government services across provinces”') },
  { short: /国办发〔2020〕42号/, name: bilingual('国办发〔2020〕42号《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》', '国办发〔2020〕42号 “General Office guidance on the commitment system for certificates and business licences”') },
  { short: /国办发〔2020〕45号/, name: bilingual('国办发〔2020〕45号《关于切实解决老年人运用智能技术困难的实施方案》', '国办发〔2020〕45号 “Plan for helping older people with the difficulties of smart technology”') },
  { short: /(?:the 2025 )?(?:政务数据共享)?条例/, name: bilingual('《政务数据共享条例》', 'Regulations on Government Data Sharing (政务数据共享条例, 2025)') },
  { short: /行政许可法/, name: bilingual('《中华人民共和国行政许可法》', 'Administrative Licensing Law of the PRC') },
  { short: /个人信息保护法/, name: bilingual('《中华人民共和国个人信息保护法》', 'Personal Information Protection Law of the PRC') },
  { short: /数据安全法/, name: bilingual('《中华人民共和国数据安全法》', 'Data Security Law of the PRC') },
  { short: /catalogue guide/, name: bilingual('《政务信息资源目录编制指南》', 'Guide to compiling government information resource catalogues') },
  // GovSpec's own pages, cited as `docs/semantics.md` or `docs/format.md` (or bare).
  { short: /(?:docs\/)?semantics\.md/, name: bilingual('GovSpec 检查语义', 'the GovSpec linting semantics') },
  { short: /(?:docs\/)?format\.md/, name: bilingual('GovSpec 文件格式（govspec/v1）', 'the GovSpec file format (govspec/v1)') },
  { short: /YAML 1\.2/, name: bilingual('YAML 1.2 规范', 'the YAML 1.2 specification') },
  { short: /local 限时办结 rules/, name: bilingual('各地限时办结制度', 'local time-limit rules (限时办结)') },
  { short: /reform target/, name: bilingual('改革目标（最多跑一次）', 'reform target (at most one visit)') },
  { short: /once-only principle/, name: bilingual('“只提交一次”原则', 'once-only principle') },
  { short: /local practice|practice/, name: bilingual('通行做法', 'common practice') },
];

/** Clause words of the catalogue, in Chinese. */
const CLAUSES_ZH: readonly [RegExp, string][] = [
  [/\barts?\. (\d+(?:, \d+)*)/g, '第$1条'],
  [/\bitems? (\d+(?:(?:–|, )\d+)*)/g, '第$1项'],
  [/\btable (\d+)/g, '表$1'],
  [/\bannex ([A-Z])/g, '附录$1'],
  [/\bminimum necessity\b/g, '最小必要原则'],
  [/\bdefines the category\b/g, '界定类别'],
  [/\bthe sharing consequence is inferred\b/g, '共享上的后果系推断'],
  [/\bdeadline \(unverified\)/g, '期限（未经核实）'],
  [/\bdeadline\b/g, '期限'],
  [/ and /g, '及'],
  [/ \/ config\b/g, '，或配置'],
  [/\bH lengths\b/g, 'H，长度'],
  [/; /g, '；'],
];

/** The source a rule cites, its documents named in full and its clause words in the language of the report. */
export function readableSource(source: string, locale: Locale): string {
  // `L` alone: no document is cited, the rule is a choice of the project's.
  if (source.trim() === 'L') return bilingual('GovSpec 的设计选择 (L)', 'a design choice of GovSpec (L)')[locale];
  let text = source;
  for (const doc of DOCUMENTS) text = text.replace(doc.short, doc.name[locale]);
  if (locale === 'zh-CN') {
    for (const [pattern, replacement] of CLAUSES_ZH) text = text.replace(pattern, replacement);
    text = text.replace(/([\u4e00-\u9fff》）]) (?=第|表|附录|\()/g, '$1').replace(/, /g, '、').replace(/;/g, '；');
  }
  return text;
}

/** What the marks (H), (M) and (L) after a source mean; shown wherever sources are. */
export function confidenceLegend(locale: Locale): string {
  return bilingual(
    '依据后的置信度：H 已与原文核对；M 多个二手来源一致；L 设计选择。',
    'Confidence after a source: H checked against the primary text; M secondary sources agree; L a design choice.',
  )[locale];
}
