/** Chinese word lists for realistic generated content. */

export interface Department {
  /** Name under a city or county (…局). */
  local: string;
  /** Name under a province (…厅); municipalities such as 北京市 use `local`. */
  provincial: string;
}

const dept = (local: string, provincial = local): Department => ({ local, provincial });

export const DEPARTMENTS: readonly Department[] = [
  dept('公安局', '公安厅'), dept('市场监督管理局'), dept('民政局', '民政厅'),
  dept('人力资源和社会保障局', '人力资源和社会保障厅'), dept('自然资源和规划局', '自然资源厅'),
  dept('住房和城乡建设局', '住房和城乡建设厅'), dept('交通运输局', '交通运输厅'), dept('卫生健康委员会'),
  dept('教育局', '教育厅'), dept('司法局', '司法厅'), dept('生态环境局', '生态环境厅'), dept('农业农村局', '农业农村厅'),
  dept('文化广电旅游局', '文化和旅游厅'), dept('应急管理局', '应急管理厅'), dept('医疗保障局'),
  dept('退役军人事务局', '退役军人事务厅'), dept('商务局', '商务厅'), dept('水利局', '水利厅'),
  dept('政务服务管理局', '政务服务和大数据管理局'), dept('统计局'), dept('财政局', '财政厅'),
];

export type ServiceObjectCode = '1' | '2';

export interface ServiceKind {
  name: string;
  type: string;
  objects: ServiceObjectCode[];
  result: string;
  resultKind: 'licence' | 'approval' | 'certificate' | 'other';
  law: string;
}

const kind = (
  name: string, type: string, objects: ServiceObjectCode[], result: string,
  resultKind: ServiceKind['resultKind'], law: string,
): ServiceKind => ({ name, type, objects, result, resultKind, law });

export const SERVICE_KINDS: readonly ServiceKind[] = [
  kind('食品经营许可', '01', ['2'], '食品经营许可证', 'licence', '《中华人民共和国食品安全法》'),
  kind('药品零售企业许可', '01', ['2'], '药品经营许可证', 'licence', '《中华人民共和国药品管理法》'),
  kind('公共场所卫生许可', '01', ['2'], '公共场所卫生许可证', 'licence', '《公共场所卫生管理条例》'),
  kind('建筑工程施工许可证核发', '01', ['2'], '建筑工程施工许可证', 'licence', '《中华人民共和国建筑法》'),
  kind('道路旅客运输经营许可', '01', ['2'], '道路运输经营许可证', 'licence', '《中华人民共和国道路运输条例》'),
  kind('娱乐场所经营许可', '01', ['2'], '娱乐经营许可证', 'licence', '《娱乐场所管理条例》'),
  kind('取水许可', '01', ['1', '2'], '取水许可证', 'licence', '《取水许可和水资源费征收管理条例》'),
  kind('排污许可证核发', '01', ['2'], '排污许可证', 'licence', '《排污许可管理条例》'),
  kind('烟花爆竹零售经营许可', '01', ['1', '2'], '烟花爆竹经营（零售）许可证', 'licence', '《烟花爆竹安全管理条例》'),
  kind('社会团体成立登记', '01', ['2'], '社会团体法人登记证书', 'licence', '《社会团体登记管理条例》'),
  kind('医师执业注册', '01', ['1'], '医师执业证书', 'licence', '《中华人民共和国医师法》'),
  kind('教师资格认定', '01', ['1'], '教师资格证书', 'licence', '《教师资格条例》'),
  kind('户口迁移登记', '07', ['1'], '户口迁移证明', 'certificate', '《中华人民共和国户口登记条例》'),
  kind('结婚登记', '07', ['1'], '结婚证', 'certificate', '《婚姻登记条例》'),
  kind('收养登记', '07', ['1'], '收养登记证', 'certificate', '《中华人民共和国民法典》'),
  kind('不动产首次登记', '07', ['1', '2'], '不动产权证书', 'certificate', '《不动产登记暂行条例》'),
  kind('最低生活保障审核确认', '05', ['1'], '最低生活保障金', 'other', '《社会救助暂行办法》'),
  kind('临时救助', '05', ['1'], '临时救助金', 'other', '《社会救助暂行办法》'),
  kind('失业保险金申领', '05', ['1'], '失业保险金', 'other', '《失业保险条例》'),
  kind('高龄津贴发放', '05', ['1'], '高龄津贴', 'other', '《中华人民共和国老年人权益保障法》'),
  kind('见义勇为人员表彰奖励', '08', ['1'], '表彰决定', 'approval', '《见义勇为人员奖励和保护条例》'),
  kind('劳动人事争议仲裁', '09', ['1', '2'], '仲裁裁决书', 'approval', '《中华人民共和国劳动争议调解仲裁法》'),
  kind('养老机构备案', '10', ['2'], '备案回执', 'other', '《中华人民共和国老年人权益保障法》'),
  kind('公务用车购置审批', '11', ['2'], '购置批复', 'approval', '《党政机关公务用车管理办法》'),
  kind('居民身份证申领', '20', ['1'], '居民身份证', 'certificate', '《中华人民共和国居民身份证法》'),
  kind('社会保险参保登记', '20', ['1', '2'], '参保登记回执', 'other', '《中华人民共和国社会保险法》'),
  kind('就业创业证申领', '20', ['1'], '就业创业证', 'certificate', '《就业服务与就业管理规定》'),
  kind('法律援助申请', '20', ['1'], '给予法律援助决定书', 'approval', '《中华人民共和国法律援助法》'),
  kind('无犯罪记录证明开具', '20', ['1'], '无犯罪记录证明', 'certificate', '《公安机关办理无犯罪记录证明工作规定》'),
  kind('城乡居民基本医疗保险参保登记', '20', ['1'], '参保凭证', 'other', '《中华人民共和国社会保险法》'),
];

/** Applicant material names. None ends like a resource name (信息/数据/…), so none equals one. */
export const MATERIAL_NAMES: readonly string[] = [
  '申请书', '申请表', '居民身份证', '户口簿', '营业执照', '法定代表人身份证明', '授权委托书', '经营场所使用证明',
  '经营场所平面图', '设备设施清单', '管理制度文本', '健康证明', '近期免冠照片', '学历证书', '劳动合同',
  '房屋权属证明', '收入情况说明', '工程施工合同', '资质证书', '安全生产管理制度', '章程', '验资报告',
  '专业技术人员名单', '环境影响评价文件', '现场勘验笔录',
];

export const CONDITIONS: readonly string[] = [
  '申请人符合法定条件', '材料齐全、符合法定形式', '经营场所符合相关标准', '具有与业务相适应的专业人员',
  '无不良信用记录', '属于本行政区域户籍或常住人口',
];

export const PROCESS_STEPS: readonly string[] = ['申请', '受理', '审查', '决定', '送达'];

export type BaseKind = 'population' | 'legal-entity' | 'geo' | 'credit' | 'licence';

export interface ResourceTopic {
  name: string;
  /** Category 1 topics name their base resource; others have none. */
  base?: BaseKind;
  pool: 'person' | 'entity' | 'place' | 'business';
}

const topic = (name: string, pool: ResourceTopic['pool'], base?: BaseKind): ResourceTopic => ({ name, pool, base });

export const BASE_TOPICS: readonly ResourceTopic[] = [
  topic('居民户籍', 'person', 'population'), topic('人口基础', 'person', 'population'),
  topic('出生医学证明', 'person', 'population'), topic('婚姻登记', 'person', 'population'),
  topic('企业登记', 'entity', 'legal-entity'), topic('个体工商户登记', 'entity', 'legal-entity'),
  topic('事业单位登记', 'entity', 'legal-entity'), topic('社会组织登记', 'entity', 'legal-entity'),
  topic('不动产权籍', 'place', 'geo'), topic('标准地址', 'place', 'geo'),
  topic('企业信用', 'entity', 'credit'), topic('行政许可公示', 'entity', 'credit'),
  topic('营业执照电子证照', 'entity', 'licence'), topic('食品经营许可证电子证照', 'entity', 'licence'),
];

export const OTHER_TOPICS: readonly ResourceTopic[] = [
  topic('社会保险参保', 'person'), topic('就业登记', 'person'), topic('最低生活保障对象', 'person'),
  topic('医疗保障结算', 'person'), topic('学籍', 'person'), topic('流动人口居住登记', 'person'),
  topic('养老服务机构', 'entity'), topic('医疗机构执业', 'entity'), topic('道路运输企业', 'entity'),
  topic('建设工程项目', 'business'), topic('公共资源交易', 'business'), topic('行政审批办件', 'business'),
  topic('执法检查', 'business'), topic('安全生产检查', 'business'), topic('财政预算执行', 'business'),
  topic('水质监测', 'place'), topic('空气质量监测', 'place'), topic('国土空间规划', 'place'),
];

export const RESOURCE_SUFFIXES: readonly string[] = ['信息', '数据', '明细信息', '统计数据', '台账信息', '登记信息'];

export interface ItemSpec {
  name: string;
  dataType: 'C' | 'N' | 'Y' | 'D' | 'T' | 'L' | 'M' | 'I' | 'B';
  length?: number;
  personal?: 'personal' | 'sensitive';
}

const item = (name: string, dataType: ItemSpec['dataType'], length?: number, personal?: ItemSpec['personal']) =>
  ({ name, dataType, length, personal });

export const ITEM_POOLS: Readonly<Record<ResourceTopic['pool'], readonly ItemSpec[]>> = {
  person: [
    item('姓名', 'C', 50, 'personal'), item('公民身份号码', 'C', 18, 'personal'), item('性别', 'C', 2, 'personal'),
    item('出生日期', 'D', undefined, 'personal'), item('民族', 'C', 20, 'personal'),
    item('户籍地址', 'C', 200, 'personal'), item('联系电话', 'C', 20, 'personal'), item('婚姻状况', 'C', 10, 'personal'),
    item('文化程度', 'C', 20, 'personal'), item('登记日期', 'D'), item('登记机关', 'C', 100), item('是否有效', 'L'),
    item('数据更新时间', 'T'),
  ],
  entity: [
    item('统一社会信用代码', 'C', 18), item('单位名称', 'C', 200), item('法定代表人', 'C', 50, 'personal'),
    item('注册资本', 'Y'), item('成立日期', 'D'), item('住所', 'C', 200), item('经营范围', 'C', 2000),
    item('登记机关', 'C', 100), item('登记状态', 'C', 20), item('核准日期', 'D'), item('单位类型', 'C', 50),
    item('从业人数', 'I'), item('数据更新时间', 'T'),
  ],
  place: [
    item('地址编码', 'C', 32), item('详细地址', 'C', 200), item('行政区划代码', 'C', 6), item('经度', 'B'),
    item('纬度', 'B'), item('面积', 'N'), item('用途', 'C', 50), item('权利人', 'C', 100, 'personal'),
    item('监测日期', 'D'), item('监测值', 'N'), item('是否达标', 'L'), item('采集时间', 'T'),
  ],
  business: [
    item('业务编号', 'C', 32), item('事项名称', 'C', 200), item('办理机构', 'C', 100), item('受理日期', 'D'),
    item('办结时间', 'T'), item('办理结果', 'C', 200), item('经办人', 'C', 50, 'personal'), item('金额', 'Y'),
    item('数量', 'I'), item('是否公开', 'L'), item('备注', 'M'), item('项目名称', 'C', 200),
  ],
};

export const SENSITIVE_ITEMS: readonly ItemSpec[] = [
  item('健康状况', 'C', 200, 'sensitive'), item('银行账号', 'C', 32, 'sensitive'), item('残疾类别', 'C', 20, 'sensitive'),
  item('病历摘要', 'M', undefined, 'sensitive'),
];

export const SURNAMES: readonly string[] = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
export const GIVEN_NAMES: readonly string[] = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '涛', '明', '超', '霞'];

export const SHARE_LAWS: readonly string[] = [
  '《政务信息资源共享管理暂行办法》', '《政务数据共享条例》', '《中华人民共和国数据安全法》',
];
