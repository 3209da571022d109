import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ruleDocUrl } from '../engine';

/**
 * The installed package's own copy of a rule's documentation (the README.md the npm package and the .vsix ship
 * beside the bundles), so a link opens offline: `dist/server.js` and `dist/client.js` sit two folders from
 * `server/src/engine/rules`, and this module's source one. Undefined when the package holds no such page.
 */
export function rulePageUri(ruleId: string): string | undefined {
  const candidates = [
    path.join(__dirname, '..', 'server', 'src', 'engine', 'rules', ruleId, 'README.md'),
    path.join(__dirname, '..', 'engine', 'rules', ruleId, 'README.md'),
  ];
  const found = candidates.find((file) => fs.existsSync(file));
  return found && pathToFileURL(found).href;
}

const targets = new Map<string, string>();

/**
 * Where the editor opens a rule's documentation: the package's page, else (a rule id the package has no page for)
 * the published one. Looked up once per rule: every diagnostic carries it.
 */
export function ruleDocTarget(ruleId: string): string {
  let target = targets.get(ruleId);
  if (target === undefined) {
    target = rulePageUri(ruleId) ?? ruleDocUrl(ruleId);
    targets.set(ruleId, target);
  }
  return target;
}
