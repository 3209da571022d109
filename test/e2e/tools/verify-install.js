// Checks that the e2e tools installed by install.sh really work (native modules built, no skipped scripts).
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const cache = process.argv[2];
const vscode = path.join(cache, 'node_modules/code-server/lib/vscode');
const problems = [];
const must = (cond, what) => { if (!cond) problems.push(what); };
const hasNodeFile = (dir) => {
  if (!fs.existsSync(dir)) return false;
  return fs.readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.node'));
};
// Built from source by install scripts (kerberos needs libkrb5-dev; node-pty needs npm_config_yes).
for (const mod of ['kerberos', 'node-pty', '@vscode/spdlog', 'native-watchdog']) {
  must(hasNodeFile(path.join(vscode, 'node_modules', mod)), `native module not built: ${mod}`);
}
must(hasNodeFile(path.join(cache, 'node_modules/argon2')), 'native module not built: argon2');
const rg = path.join(vscode, 'node_modules/@vscode/ripgrep/bin/rg');
try {
  execFileSync(rg, ['--version'], { encoding: 'utf8' });
} catch (e) {
  problems.push('ripgrep of @vscode/ripgrep does not run: ' + e.message);
}
must(fs.existsSync(path.join(vscode, 'node_modules.asar')), 'code-server postinstall did not finish (node_modules.asar)');
must(fs.existsSync(path.join(cache, 'node_modules/playwright-core/package.json')), 'playwright-core missing');
must(fs.existsSync(path.join(cache, 'node_modules/.bin/yaml-language-server')), 'yaml-language-server missing');
try {
  const v = execFileSync(path.join(cache, 'node_modules/.bin/code-server'), ['--version'], {
    encoding: 'utf8',
    timeout: 60000,
    // code-server writes a default config under XDG_CONFIG_HOME on every start: keep it out of $HOME.
    env: { ...process.env, XDG_CONFIG_HOME: path.join(cache, 'tmp/xdg-config'), XDG_DATA_HOME: path.join(cache, 'tmp/xdg-data') },
  });
  console.log('[e2e-install] code-server', v.trim().split('\n')[0]);
} catch (e) {
  problems.push('code-server --version failed: ' + e.message);
}
if (problems.length) {
  for (const p of problems) console.error('[e2e-install] FAIL', p);
  process.exit(1);
}
console.log('[e2e-install] verified: native modules built, ripgrep seeded, playwright-core and yaml-language-server present');
