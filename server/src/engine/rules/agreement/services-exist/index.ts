import { defineRule } from '../../api';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'agreement/services-exist',
    defaultSeverity: 'warning',
    scope: 'workspace',
    fixable: 'none',
    summary: bilingual('services 列出的事项必须在工作区中定义', 'Listed services must be defined in the workspace'),
    source: 'L',
    kinds: ['SharingAgreement'],
  },
  check(ctx) {
    const list = ctx.get(['services']);
    if (!Array.isArray(list)) return;
    list.forEach((_, i) => {
      const path = ['services', i];
      const code = ctx.get(path);
      if (typeof code !== 'string' || ctx.isFlagged(path) || ctx.index.services(code).length > 0 || ctx.index.isReportedIdentity('service', code)) return;
      ctx.report({
        path,
        message: bilingual(
          `services 中的实施编码 ${code} 没有对应的政务服务事项：请改为工作区内某个 Service 的 implementationCode，或删除该项。`,
          `No Service in the workspace has the implementationCode ${code} listed in services: use the implementationCode of a Service in the workspace, or remove the entry.`,
        ),
      });
    });
  },
});
