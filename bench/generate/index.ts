export { generateCorpus } from './corpus';
export type { ExpectedFinding, GenerateOptions, Manifest } from './corpus';
export { SCALES, TODAY } from './scales';
export type { ScaleName } from './scales';
