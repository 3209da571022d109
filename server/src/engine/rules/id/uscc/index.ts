import { defineRule } from '../../api';
import type { FixSpec } from '../../api';
import type { JsonPath, Message } from '../../../types';
import { checkOrgCode, checkUscc, usccOrgCodePart } from '../../../ids/uscc';
import type { UsccProblem } from '../../../ids/uscc';
import { usccPaths } from '../agency-references';
import { readableString } from '../../readable';
import { rewriteCode } from '../../../text/yaml-scalar';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'id/uscc',
    defaultSeverity: 'error',
    scope: 'file',
    fixable: 'safe',
    summary: bilingual('统一社会信用代码须为 18 位规定字符且校验码正确', 'A unified social credit code must be 18 allowed characters with the right check character'),
    source: 'GB 32100-2015 (H)',
    kinds: ['Service', 'Catalog', 'SharingAgreement', 'Agency'],
  },
  check(ctx) {
    for (const path of usccPaths(ctx)) {
      const code = readableString(ctx, path);
      if (code === undefined) continue;
      const problem = checkUscc(code);
      if (!problem) continue;
      const written = ctx.sourceOf(path) ?? JSON.stringify(code);
      ctx.report({ path, message: messageFor(code, problem), fixes: fixesFor(path, code, written, problem) });
    }
  },
});

function messageFor(code: string, problem: UsccProblem): Message {
  switch (problem.kind) {
    case 'length': {
      const length = [...code].length;
      return bilingual(
        `统一社会信用代码“${code}”有 ${length} 位，应为 18 位（GB 32100-2015）：请核对是否漏写或多写了字符。`,
        `The unified social credit code "${code}" has ${length} characters instead of 18 (GB 32100-2015): check for a missing or extra character.`,
      );
    }
    case 'charset': {
      const char = code[problem.index];
      return bilingual(
        `统一社会信用代码“${code}”第 ${problem.index + 1} 位“${char}”不是允许的字符：只能用数字和除 I、O、Z、S、V 以外的大写字母（GB 32100-2015）。`,
        `Character ${problem.index + 1} ("${char}") of the unified social credit code "${code}" is not allowed: only digits and the capital letters other than I, O, Z, S and V are (GB 32100-2015).`,
      );
    }
    case 'lowercase':
      return bilingual(
        `统一社会信用代码“${code}”含有小写字母；代码一律大写：${code.toUpperCase()}。`,
        `The unified social credit code "${code}" contains lower-case letters; codes are written in capitals: ${code.toUpperCase()}.`,
      );
    case 'check':
      return bilingual(
        `统一社会信用代码“${code}”的校验码（第 18 位）应为“${problem.expected}”：代码很可能抄错了，请向登记机关或国家企业信用信息公示系统核实，而不只是改校验码。`,
        `The check character (the 18th) of the unified social credit code "${code}" should be "${problem.expected}": the code was probably copied wrongly; verify it against the register rather than only changing the check character.`,
      );
  }
}

/**
 * Upper-casing keeps the code's identity, so it is safe (when the result passes every check). Replacing the check character makes a different, valid code
 * that may not be the agency's: only a suggestion.
 */
function fixesFor(path: JsonPath, code: string, written: string, problem: UsccProblem): FixSpec[] {
  if (problem.kind === 'lowercase') {
    const upper = code.toUpperCase();
    // Upper-case the text as written, quotes and all, unless escapes make it differ from the value.
    const newText = written.includes(code) ? written.toUpperCase() : rewriteCode(written, upper);
    // Only safe when the upper-cased code is right in full: one whose organisation code fails GB 11714 would only
    // trade this finding for id/uscc-org-code's (a safe fix never turns a value into another invalid one).
    const safe = checkOrgCode(usccOrgCodePart(upper));
    return [{ title: bilingual(`改为大写：${upper}`, `Upper-case it: ${upper}`), safe, edits: [{ path, newText }] }];
  }
  if (problem.kind === 'check') {
    const corrected = code.toUpperCase().slice(0, 17) + problem.expected;
    return [{
      title: bilingual(`将校验码改为 ${problem.expected}：${corrected}`, `Set the check character to ${problem.expected}: ${corrected}`),
      safe: false,
      edits: [{ path, newText: rewriteCode(written, corrected) }],
    }];
  }
  return [];
}
