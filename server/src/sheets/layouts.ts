/**
 * How each kind is laid out in a spreadsheet: its levels (a catalogue's provider, its resources, their 信息项) and, per
 * level, the columns with the headers agencies use for them. The first header of a column is the one `export` writes;
 * the others are the variants and English names `import` also recognises. Types and code lists come from the schemas.
 */
import type { Kind } from '../engine';

export interface ColumnSpec {
  /** Dot path of the field inside its level's entity; `a[].b.c` is a list of objects, one per line of the cell. */
  field: string;
  headers: readonly string[];
}

export interface LevelSpec {
  /** The list of the parent level that holds this level's entities (`resources`); absent for the document. */
  list?: string;
  /** Fields that identify an entity of the level, the first one present wins. */
  key: readonly string[];
  columns: readonly ColumnSpec[];
}

export interface KindLayout {
  kind: Kind;
  /** The sheet name `export` writes and `import` prefers. */
  sheet: string;
  /** The file name suffix of the written documents. */
  suffix: string;
  levels: readonly LevelSpec[];
}

const col = (field: string, ...headers: string[]): ColumnSpec => ({ field, headers });

const CATALOG: KindLayout = {
  kind: 'Catalog',
  sheet: '政务信息资源目录',
  suffix: 'catalog',
  levels: [
    {
      key: ['provider.uscc', 'provider.name'],
      columns: [
        col('provider.name', '信息资源提供方', '提供方', '提供单位', '资源提供方', '提供部门', 'provider', 'provider name'),
        col('provider.uscc', '提供方代码', '提供方统一社会信用代码', '提供单位代码', '提供部门代码', 'provider code', 'provider uscc'),
      ],
    },
    {
      list: 'resources',
      key: ['code'],
      columns: [
        col('code', '信息资源代码', '资源代码', '目录代码', 'resource code', 'code'),
        col('name', '信息资源名称', '资源名称', '目录名称', 'resource name', 'name'),
        col('abstract', '信息资源摘要', '资源摘要', '摘要', 'abstract'),
        col('classification.category', '信息资源分类', '资源分类', '分类', '类', 'category'),
        col('classification.item', '项', '分类项', 'item'),
        col('classification.subItem', '目', '分类目', 'sub-item', 'subitem'),
        col('classification.detail', '细目', '分类细目', 'detail'),
        col('base', '基础信息资源类型', '基础信息资源', '基础资源类型', 'base'),
        col('format.category', '信息资源格式', '资源格式', '格式', 'format'),
        col('format.type', '格式类型', '文件格式', 'format type'),
        col('share.type', '共享类型', '共享属性', 'share type'),
        col('share.condition', '共享条件', 'share condition'),
        col('share.basis', '不予共享依据', '不共享依据', 'share basis'),
        col('share.mode', '共享方式', 'share mode'),
        col('share.platformMode', '平台共享方式', '共享平台方式', '共享方式分类', 'platform mode'),
        col('open.open', '是否向社会开放', '是否开放', '开放属性', 'open'),
        col('open.condition', '开放条件', 'open condition'),
        col('updateCycle', '更新周期', '更新频率', 'update cycle'),
        col('publishDate', '发布日期', '发布时间', 'publish date'),
        col('related', '关联资源代码', '关联资源', 'related'),
        col('classified', '涉密属性', '是否涉密', 'classified'),
        col('dataGrade', '数据级别', '数据分级', '数据安全级别', 'data grade'),
      ],
    },
    {
      list: 'items',
      key: ['name'],
      columns: [
        col('name', '信息项名称', '信息项', '数据项名称', '数据项', 'item name'),
        col('dataType', '数据类型', '信息项数据类型', 'data type'),
        col('length', '数据长度', '长度', 'length'),
        col('personal', '个人信息', '个人信息类别', 'personal'),
      ],
    },
  ],
};

const SERVICE: KindLayout = {
  kind: 'Service',
  sheet: '政务服务事项',
  suffix: 'service',
  levels: [
    {
      key: ['implementationCode'],
      columns: [
        col('name', '事项名称', 'name'),
        col('basicCode', '基本编码', '事项基本编码', 'basic code'),
        col('implementationCode', '实施编码', '事项实施编码', 'implementation code'),
        col('type', '事项类型', '事项类型代码', 'type'),
        col('levels', '行使层级', '行使层级代码', 'levels'),
        col('region', '行政区划代码', '实施辖区', '区划代码', 'region'),
        col('implementer.name', '实施主体', '实施主体名称', '实施机构', 'implementer'),
        col('implementer.uscc', '实施主体代码', '实施主体统一社会信用代码', '实施机构代码', 'implementer uscc'),
        col('implementer.nature', '实施主体性质', '实施主体性质代码', 'implementer nature'),
        col('handlingOrg.name', '承办机构', 'handling organisation'),
        col('handlingOrg.uscc', '承办机构代码', 'handling organisation uscc'),
        col('jointDepartments[].name', '共同实施部门', 'joint departments'),
        col('jointDepartments[].uscc', '共同实施部门代码', 'joint departments uscc'),
        col('legalBasis[].law', '设定依据', '法律依据', 'legal basis'),
        col('legalBasis[].docNo', '设定依据文号', 'legal basis document number'),
        col('legalBasis[].article', '设定依据条款', 'legal basis article'),
        col('legalBasis[].text', '设定依据内容', 'legal basis text'),
        col('statutoryLimit.value', '法定办结时限', 'statutory limit'),
        col('statutoryLimit.unit', '法定办结时限单位', 'statutory limit unit'),
        col('statutoryLimit.note', '法定办结时限说明', 'statutory limit note'),
        col('promisedLimit.value', '承诺办结时限', 'promised limit'),
        col('promisedLimit.unit', '承诺办结时限单位', 'promised limit unit'),
        col('promisedLimit.note', '承诺办结时限说明', 'promised limit note'),
        col('caseType', '办件类型', '办件类型代码', 'case type'),
        col('serviceObjects', '服务对象', '服务对象代码', 'service objects'),
        col('handlingForms', '办理形式', '办理形式代码', 'handling forms'),
        col('online.enabled', '是否网办', '是否网上办理', 'online'),
        col('online.url', '网办地址', '网上办理地址', 'online url'),
        col('online.depth', '网上办理深度', 'online depth'),
        col('appointment', '是否支持预约办理', '预约办理', 'appointment'),
        col('onlinePayment', '是否支持网上支付', '网上支付', 'online payment'),
        col('delivery', '是否支持物流快递', '物流快递', 'delivery'),
        col('crossRegion.scope', '通办范围', 'cross-region scope'),
        col('crossRegion.modes', '跨省通办方式', 'cross-region modes'),
        col('acceptanceConditions', '受理条件', 'acceptance conditions'),
        col('process[].step', '办理流程', '办理环节', 'process'),
        col('process[].limit.value', '环节时限', 'process step limit'),
        col('process[].limit.unit', '环节时限单位', 'process step limit unit'),
        col('process[].limit.note', '环节时限说明', 'process step limit note'),
        col('process[].standard', '审查标准', 'process step standard'),
        col('fee.charged', '是否收费', 'charged'),
        col('fee.basis', '收费依据', 'fee basis'),
        col('fee.items[].name', '收费项目', 'fee items'),
        col('fee.items[].amount', '收费标准（元）', '收费金额', 'fee amount'),
        col('fee.items[].basis', '收费项目依据', 'fee item basis'),
        col('result.name', '结果名称', '审批结果名称', 'result'),
        col('result.kind', '结果种类', '审批结果类型', 'result kind'),
        col('result.electronicLicence', '是否出具电子证照', 'electronic licence'),
        col('onSiteVisits', '到办事现场次数', '到现场次数', 'on-site visits'),
        col('onSiteReason', '必须现场办理原因', 'on-site reason'),
        col('specialProcedures', '特别程序', '特别程序种类', 'special procedures'),
        col('intermediaryServices', '中介服务', 'intermediary services'),
        col('quantityLimit', '数量限制', 'quantity limit'),
        col('place', '办理地点', 'place'),
        col('hours', '办理时间', 'hours'),
        col('consultPhone', '咨询电话', '咨询方式', 'consult phone'),
        col('supervisePhone', '监督电话', '监督投诉方式', 'supervise phone'),
        col('accessibility.offlineChannel', '保留线下渠道', 'offline channel'),
        col('accessibility.assistedService', '帮办代办', 'assisted service'),
        col('accessibility.notes', '适老化无障碍说明', 'accessibility notes'),
      ],
    },
    {
      list: 'materials',
      key: ['id', 'name'],
      columns: [
        col('id', '材料标识', '材料编号', 'material id'),
        col('name', '材料名称', '申请材料', '申请材料名称', 'material'),
        col('issuer', '出具机构', '来源渠道', 'issuer'),
        col('originals', '原件数', '原件份数', 'originals'),
        col('copies', '复印件数', '复印件份数', 'copies'),
        col('required', '是否必要', '必要性', 'required'),
        col('source', '材料来源', '材料获取方式', 'material source'),
        col('sharing.agreement', '共享协议编号', 'sharing agreement'),
        col('sharing.resource', '共享信息资源代码', 'sharing resource'),
        col('sharing.items', '共享信息项', 'sharing items'),
        col('commitment.text', '承诺内容', 'commitment text'),
        col('commitment.verification', '核查方式', 'commitment verification'),
      ],
    },
  ],
};

const AGREEMENT: KindLayout = {
  kind: 'SharingAgreement',
  sheet: '数据共享协议',
  suffix: 'agreement',
  levels: [
    {
      key: ['id'],
      columns: [
        col('id', '协议编号', '编号', 'id'),
        col('title', '协议名称', '标题', 'title'),
        col('provider.name', '提供方', '数据提供方', '提供部门', 'provider'),
        col('provider.uscc', '提供方代码', '提供方统一社会信用代码', 'provider uscc'),
        col('consumer.name', '使用方', '数据使用方', '需求部门', 'consumer'),
        col('consumer.uscc', '使用方代码', '使用方统一社会信用代码', 'consumer uscc'),
        col('purpose.category', '用途类别', '使用用途', 'purpose'),
        col('purpose.description', '用途说明', 'purpose description'),
        col('legalBasis[].law', '履职依据', '法律依据', 'legal basis'),
        col('legalBasis[].docNo', '履职依据文号', 'legal basis document number'),
        col('legalBasis[].article', '履职依据条款', 'legal basis article'),
        col('services', '关联事项', '关联事项实施编码', 'services'),
        col('channel', '共享渠道', '共享方式', 'channel'),
        col('frequency', '更新频度', '更新周期', 'frequency'),
        col('validFrom', '生效日期', '有效期起', 'valid from'),
        col('validTo', '失效日期', '有效期止', 'valid to'),
        col('application.date', '申请日期', 'application date'),
        col('reply.date', '答复日期', 'reply date'),
        col('reply.decision', '答复结论', 'reply decision'),
        col('reply.text', '答复内容', 'reply text'),
        col('retention.period', '保存期限', 'retention period'),
        col('retention.deletion', '到期处置', 'deletion'),
        col('security.dataGrade', '数据级别', 'data grade'),
        col('security.measures', '安全措施', 'security measures'),
        col('security.riskAssessment', '风险评估', 'risk assessment'),
        col('personalInfo.present', '涉及个人信息', 'personal information'),
        col('personalInfo.sensitive', '涉及敏感个人信息', 'sensitive personal information'),
        col('personalInfo.impactAssessment', '个人信息保护影响评估', 'impact assessment'),
        col('onwardTransfer', '是否转让', '是否允许转让', 'onward transfer'),
        col('reviewDate', '复核日期', 'review date'),
        col('contacts.provider.name', '提供方联系人', 'provider contact'),
        col('contacts.provider.phone', '提供方联系电话', 'provider phone'),
        col('contacts.consumer.name', '使用方联系人', 'consumer contact'),
        col('contacts.consumer.phone', '使用方联系电话', 'consumer phone'),
      ],
    },
    {
      list: 'resources',
      key: ['code'],
      columns: [
        col('code', '信息资源代码', '资源代码', 'resource code'),
        col('items', '信息项', '共享信息项', 'items'),
      ],
    },
  ],
};

const AGENCY: KindLayout = {
  kind: 'Agency',
  sheet: '政务部门',
  suffix: 'agency',
  levels: [
    {
      key: ['uscc', 'name'],
      columns: [
        col('name', '机构名称', '单位名称', '部门名称', 'name'),
        col('uscc', '统一社会信用代码', '机构代码', '信用代码', 'uscc'),
        col('region', '行政区划代码', '所在行政区划', '区划代码', 'region'),
        col('level', '层级', '行政层级', '机构层级', 'level'),
        col('parent', '上级部门代码', '上级部门', 'parent'),
        col('aliases', '别名', '曾用名', 'aliases'),
      ],
    },
  ],
};

export const LAYOUTS: Readonly<Record<Kind, KindLayout>> = { Catalog: CATALOG, Service: SERVICE, SharingAgreement: AGREEMENT, Agency: AGENCY };
