import * as path from 'path';
import { caseTexts } from './fixtures';

const EXAMPLES = path.resolve(__dirname, '../../examples');

/** The texts of the examples' YAML files, by path relative to the examples folder (the fixture harness's walk). */
export function exampleTexts(): Map<string, string> {
  return caseTexts(EXAMPLES);
}
