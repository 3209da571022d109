/** A fixed list of current GB/T 2260 codes (no abolished codes, no xxxx7x statistical codes). */

export interface Region {
  code: string;
  /** Full place name used in agency names, e.g. 成都市锦江区. */
  label: string;
  /** Landline area code for phone numbers. */
  areaCode: string;
}

const SICHUAN: [string, string][] = [
  ['510000', '四川省'], ['510100', '成都市'], ['510104', '成都市锦江区'], ['510105', '成都市青羊区'],
  ['510106', '成都市金牛区'], ['510107', '成都市武侯区'], ['510108', '成都市成华区'], ['510112', '成都市龙泉驿区'],
  ['510113', '成都市青白江区'], ['510114', '成都市新都区'], ['510115', '成都市温江区'], ['510116', '成都市双流区'],
  ['510117', '成都市郫都区'], ['510118', '成都市新津区'], ['510121', '金堂县'], ['510129', '大邑县'],
  ['510131', '蒲江县'], ['510181', '都江堰市'], ['510182', '彭州市'], ['510183', '邛崃市'], ['510184', '崇州市'],
  ['510185', '简阳市'],
];
const BEIJING: [string, string][] = [
  ['110000', '北京市'], ['110101', '北京市东城区'], ['110102', '北京市西城区'], ['110105', '北京市朝阳区'],
  ['110106', '北京市丰台区'], ['110108', '北京市海淀区'],
];
const ZHEJIANG: [string, string][] = [
  ['330000', '浙江省'], ['330100', '杭州市'], ['330102', '杭州市上城区'], ['330105', '杭州市拱墅区'],
  ['330106', '杭州市西湖区'], ['330108', '杭州市滨江区'], ['330109', '杭州市萧山区'], ['330110', '杭州市余杭区'],
];

const AREA_CODES: Record<string, string> = { '51': '028', '11': '010', '33': '0571' };

export const REGIONS: readonly Region[] = [...SICHUAN, ...BEIJING, ...ZHEJIANG].map(([code, label]) => ({
  code,
  label,
  areaCode: AREA_CODES[code.slice(0, 2)],
}));

/** A code abolished in 2021 (杭州市下城区), used for the `id/region` defect in 浙江. */
export const ABOLISHED_REGION = '330103';
export const ABOLISHED_REGION_PROVINCE = '33';

export function provinceOf(code: string): string {
  return code.slice(0, 2);
}

/** 行使层级: 2 省级 (xx0000), 3 市级 (xxxx00), 4 县级. */
export function levelOf(code: string): string {
  if (code.endsWith('0000')) return '2';
  if (code.endsWith('00')) return '3';
  return '4';
}

/** Index in REGIONS of the province-level entry of a province. */
export function provinceRegionIndex(province: string): number {
  return REGIONS.findIndex((region) => region.code === `${province}0000`);
}
