import * as fs from 'fs';
import * as path from 'path';

const EXAMPLES = path.resolve(__dirname, '../../examples');

/** The texts of the examples' YAML files, by path relative to the examples folder. */
export function exampleTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.yaml')) texts.set(path.relative(EXAMPLES, full), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(EXAMPLES);
  return texts;
}
