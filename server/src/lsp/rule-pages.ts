import * as fs from 'fs';
import * as path from 'path';
import { uriOfPath } from './files';

/**
 * The installed package's own copy of a rule's documentation (the README.md the npm package ships beside the
 * bundles), so a link opens offline: `dist/server.js` sits two folders from `server/src/engine/rules`, and this
 * module's source one. Undefined when the package holds no such page.
 */
export function rulePageUri(ruleId: string): string | undefined {
  const candidates = [
    path.join(__dirname, '..', 'server', 'src', 'engine', 'rules', ruleId, 'README.md'),
    path.join(__dirname, '..', 'engine', 'rules', ruleId, 'README.md'),
  ];
  const found = candidates.find((file) => fs.existsSync(file));
  return found && uriOfPath(found);
}
