import { defineRule } from '../../api';
import { bilingual } from '../../../l10n/message';

const ID = ['id'];

export const rule = defineRule({
  meta: {
    id: 'agreement/duplicate-id',
    defaultSeverity: 'error',
    scope: 'workspace',
    fixable: 'none',
    summary: bilingual('协议编号在工作区内必须唯一', 'Agreement ids must be unique in the workspace'),
    source: 'L',
    kinds: ['SharingAgreement'],
  },
  check(ctx) {
    const id = ctx.get(ID);
    if (typeof id !== 'string' || ctx.isFlagged(ID)) return;
    const others = ctx.index.agreements(id).filter((a) => a.file !== ctx.file || a.document !== ctx.documentIndex);
    if (others.length === 0) return;
    ctx.report({
      path: ID,
      message: bilingual(
        `协议编号 id ${id} 在工作区内出现 ${others.length + 1} 次：每份协议的编号必须唯一，请为其中的协议另行编号。`,
        `The agreement id ${id} occurs ${others.length + 1} times in the workspace: each agreement needs its own number; renumber all but one of them.`,
      ),
      related: others.map((a) => ({
        at: { file: a.file, document: a.document, path: ID },
        message: bilingual(`同样使用编号 ${id} 的协议`, `another agreement numbered ${id}`),
      })),
    });
  },
});
