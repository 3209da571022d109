/** Corpus sizes (the workloads of bench/README.md); `tiny` exists for fast tests. */

export type ScaleName = 'tiny' | 'small' | 'medium' | 'national';

export interface Scale {
  catalogs: number;
  resourcesPerCatalog: number;
  services: number;
  agreements: number;
  agencies: number;
}

export const SCALES: Readonly<Record<ScaleName, Scale>> = {
  tiny: { catalogs: 3, resourcesPerCatalog: 325, services: 40, agreements: 6, agencies: 40 },
  small: { catalogs: 20, resourcesPerCatalog: 325, services: 200, agreements: 12, agencies: 50 },
  medium: { catalogs: 200, resourcesPerCatalog: 325, services: 2000, agreements: 120, agencies: 500 },
  national: { catalogs: 2000, resourcesPerCatalog: 325, services: 20000, agreements: 1200, agencies: 5000 },
};

export function isScaleName(name: string): name is ScaleName {
  return Object.prototype.hasOwnProperty.call(SCALES, name);
}

/** The day every generated agreement is checked against (`--today`). */
export const TODAY = '2026-06-01';

/** Resources at positions below this may be named by agreements or `related`; the rest are free for defects. */
export const REFERENCED_RESOURCES = 100;

/** Agencies per `agencies/NNN.agency.yaml` file. */
export const AGENCIES_PER_FILE = 50;
