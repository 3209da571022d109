import * as assert from 'assert';
import { isLocale, localeOfTag } from '../../server/src/host/locale';

/** The one reading of languages every host shares (CLI flags, editor settings, the client, environment tags). */
describe('host locale', () => {
  it('a setting or flag is a locale only when it names one exactly', () => {
    assert.deepStrictEqual(['zh-CN', 'en'].map(isLocale), [true, true]);
    assert.deepStrictEqual(['zh', 'zh-cn', 'EN', 'en-US', 'auto', '', undefined, 1].map(isLocale), [false, false, false, false, false, false, false, false]);
  });

  it('a language tag is read as en when it is English and as zh-CN otherwise', () => {
    assert.deepStrictEqual(['en-US', 'EN', 'en_GB.UTF-8', 'zh_CN.UTF-8', 'zh-Hant', 'fr'].map(localeOfTag), ['en', 'en', 'en', 'zh-CN', 'zh-CN', 'zh-CN']);
  });
});
