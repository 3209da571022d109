// The whole workspace's problems (LSP 3.17 pull diagnostics, govspec.diagnostics.scope: workspace by default): before
// any document is opened, the Problems panel holds the findings of every file, as the CLI reports them.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXPECTED, activateExtension, fileUri, waitForExactly } from './helpers';

describe('the Problems panel shows the findings of files never opened', () => {
  before(async () => {
    await activateExtension();
  });

  for (const [rel, expected] of Object.entries(EXPECTED)) {
    it(`${rel} (closed): ${expected.join(', ')}`, async () => {
      const uri = fileUri(rel);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), `${rel} is not open`);
      await waitForExactly(uri, expected);
    });
  }
});
