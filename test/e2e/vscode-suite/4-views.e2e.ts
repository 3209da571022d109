// The preview and map commands open their webview panels in the real editor.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openDoc, waitForExactly, EXPECTED } from './helpers';

const SERVICE = 'services/minimum-living-allowance.service.yaml';

/** Resolves when a webview tab of `viewType` is open, polling the tab model on its change events, with a deadline. */
function webviewTab(viewType: string): Promise<vscode.Tab> {
  const find = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));
  return new Promise((resolve, reject) => {
    const now = find();
    if (now) return resolve(now);
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`no ${viewType} panel within 30 s`)); }, 30_000);
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      const tab = find();
      if (tab) { clearTimeout(timer); sub.dispose(); resolve(tab); }
    });
  });
}

describe('GovSpec webviews', () => {
  before(async () => {
    await activateExtension();
    const doc = await openDoc(SERVICE, true);
    await waitForExactly(doc.uri, EXPECTED[SERVICE]);
  });

  it('opens the service-guide preview beside the service', async () => {
    await vscode.commands.executeCommand('govspec.previewServiceGuide');
    const tab = await webviewTab('govspec.serviceGuide');
    assert.match(tab.label, /minimum-living-allowance\.service\.yaml/);
  });

  it('opens the data-sharing map', async () => {
    await vscode.commands.executeCommand('govspec.showSharingMap');
    const tab = await webviewTab('govspec.sharingMap');
    assert.ok(tab.label.length > 0);
  });
});
