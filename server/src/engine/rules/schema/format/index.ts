import { defineEngineRule } from '../../engine-rule';
import { bilingual } from '../../../l10n/message';

export const rule = defineEngineRule({
  id: 'schema/format',
  defaultSeverity: 'error',
  fixable: 'none',
  summary: bilingual('日期、网址、电话号码格式有误，或字符串超长', 'A malformed date, URL or phone number, or a string over its length'),
  source: 'GB/T 39046-2020 table 4 (H)',
});
