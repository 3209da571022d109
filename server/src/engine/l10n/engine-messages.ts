import type { Message } from '../types';
import type { YamlProblemKind } from '../yaml/parse';
import { bilingual } from './message';

/** Messages of the checks the engine makes itself (yaml/*, schema/unknown-kind, meta/internal-error). */
export function yamlMessage(kind: YamlProblemKind | 'size' | 'binary' | 'encoding' | 'unreadable' | 'lone-cr', detail: string): Message {
  switch (kind) {
    case 'syntax': return bilingual(`YAML 语法错误：${detail}。请修正此处的缩进、引号或括号。`, `YAML syntax error: ${detail}. Fix the indentation, quotes or brackets here.`);
    case 'duplicate-key': return bilingual(`键“${detail}”在同一映射中重复出现；只有第一次出现的值生效，请删除或合并重复的键。`, `Key "${detail}" appears twice in one mapping; only the first is read. Remove or merge the repeated key.`);
    case 'unsafe-tag': return bilingual(`不允许使用标签 ${detail}：GovSpec 只接受 YAML 1.2 核心标签，且从不执行文档内容。请删除该标签。`, `Tag ${detail} is not allowed: GovSpec accepts only the YAML 1.2 core tags and never evaluates a document. Remove the tag.`);
    case 'unsafe-alias': return bilingual(`别名展开超过 ${detail.replace(/\D+/g, '')} 个节点（疑似“别名炸弹”），本文档不再继续检查。请直接写出数据。`, `Alias expansion exceeds ${detail.replace(/\D+/g, '')} nodes (an alias bomb?); the document is not checked further. Write the data out instead.`);
    case 'unsafe-depth': return bilingual('嵌套层级超过 1000 层，本文档不再继续检查。请减少嵌套。', 'Nesting is deeper than 1,000 levels; the document is not checked further. Flatten the structure.');
    case 'size': return bilingual('文件超过 64 MiB 的大小上限，未予检查。请拆分为多个文件。', 'The file is over the 64 MiB size bound and was not checked. Split it into several files.');
    case 'binary': return bilingual('文件含有 NUL 字节或为二进制文件，不是 YAML 文本。', 'The file contains NUL bytes or is binary: it is not YAML text.');
    case 'encoding': return bilingual('文件不是有效的 UTF-8（或带 BOM 的 UTF-16）文本。请以 UTF-8 保存。', 'The file is not valid UTF-8 (or UTF-16 with a BOM). Save it as UTF-8.');
    case 'lone-cr': return bilingual('此处有单独的回车符（\\r 后没有 \\n）：YAML 解析器对它的理解不一致，本文件未予检查，也不做任何修复。请改用 LF 或 CRLF 换行。', 'A lone carriage return (\\r without \\n) is here: YAML parsers read it differently, so the file was not checked and nothing in it is fixed. Use LF or CRLF line breaks.');
    case 'unreadable': return bilingual(`无法读取文件：${detail}`, `The file cannot be read: ${detail}`);
  }
}

export function unknownKindMessage(field: 'apiVersion' | 'kind', written: string): Message {
  if (field === 'apiVersion') {
    return written
      ? bilingual(`不支持的 apiVersion “${written}”：本版本只接受 govspec/v1。`, `Unsupported apiVersion "${written}": this version accepts only govspec/v1.`)
      : bilingual('缺少 apiVersion：请写 apiVersion: govspec/v1。', 'apiVersion is missing: write apiVersion: govspec/v1.');
  }
  return written
    ? bilingual(`未知的 kind “${written}”：应为 Service、Catalog、SharingAgreement 或 Agency。`, `Unknown kind "${written}": use Service, Catalog, SharingAgreement or Agency.`)
    : bilingual('缺少 kind：请写 Service、Catalog、SharingAgreement 或 Agency。', 'kind is missing: write Service, Catalog, SharingAgreement or Agency.');
}

/** A rule that threw (at its document), or, without `ruleId`, the engine itself failing on a file. */
export function internalErrorMessage(ruleId: string | undefined, error: unknown): Message {
  const what = error instanceof Error ? error.message : String(error);
  if (ruleId === undefined) {
    return bilingual(
      `GovSpec 在检查本文件时出错（GovSpec 的缺陷，请报告）：${what}`,
      `GovSpec failed on this file (a defect of GovSpec; please report it): ${what}`,
    );
  }
  return bilingual(
    `规则 ${ruleId} 在检查本文档时出错（GovSpec 的缺陷，请报告）：${what}`,
    `Rule ${ruleId} failed on this document (a defect of GovSpec; please report it): ${what}`,
  );
}
