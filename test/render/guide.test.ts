import * as assert from 'assert';
import { placeFindings } from '../../server/src/render/place-findings';
import { materialViews } from '../../server/src/render/service-materials';
import { serviceGuidePage } from '../../server/src/render/pages';
import { EXAMPLES, loadWorkspace } from './support';

describe('render: service guide model', () => {
  const ws = loadWorkspace(EXAMPLES);
  const file = 'services/food-business-licence.service.yaml';
  const parsed = ws.cache.get(file)!;
  const page = { locale: 'zh-CN' as const, nonce: 'abcdefgh12345678', cspSource: "'self'" };

  it('resolves a shared material to its agreement, provider and resource', () => {
    const [applicant, shared] = materialViews(parsed.documents[0].value, ws.index);
    assert.strictEqual(applicant.shared, undefined);
    assert.deepStrictEqual(shared.shared, {
      agreementId: 'GA-SC-2024-002', agreementTitle: '居民户籍信息共享协议（市场准入）', providerName: '广安市公安局广安区分局',
      resourceCode: '1010100001/00001', resourceName: '居民户籍信息', items: ['姓名', '公民身份号码'],
    });
  });

  it('places a finding at the data path it is about', () => {
    const placed = placeFindings(parsed, 0, ws.findings.filter((f) => f.file === file));
    assert.deepStrictEqual(placed.map((p) => [p.finding.ruleId, p.path]), [['service/shared-material-agreement', ['materials', 1, 'sharing', 'agreement']]]);
  });

  it('renders labels from the schemas in the chosen language', () => {
    const zh = serviceGuidePage(file, parsed, ws.findings, ws.index, page);
    const en = serviceGuidePage(file, parsed, ws.findings, ws.index, { ...page, locale: 'en' });
    assert.ok(zh.includes('行政许可（01）') && zh.includes('10 工作日') && zh.includes('无需提交 · 数据共享获取'));
    assert.ok(en.includes('Administrative licensing (01)'));
    assert.ok(en.includes('Nothing to submit · obtained by data sharing') && en.includes('10 working days'));
  });

  it('says so when the file holds no Service', () => {
    const other = 'agreements/household-data-for-market.agreement.yaml';
    assert.ok(serviceGuidePage(other, ws.cache.get(other)!, [], ws.index, page).includes('kind: Service'));
  });
});
