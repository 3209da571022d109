import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';

/** The status-bar item: indexing progress, then the workspace's error and warning counts; a click opens Problems. */
export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('govspec.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'GovSpec';
    this.item.command = 'workbench.actions.view.problems';
    this.update({ state: 'indexing', indexed: 0, errors: 0, warnings: 0 });
    this.item.show();
  }

  update(s: StatusParams): void {
    if (s.state === 'indexing') {
      this.item.text = `$(sync~spin) GovSpec ${s.total ? `${s.indexed}/${s.total}` : ''}`.trimEnd();
      this.item.tooltip = vscode.l10n.t('GovSpec: indexing the workspace');
      return;
    }
    this.item.text = `$(error) ${s.errors} $(warning) ${s.warnings} GovSpec`;
    this.item.tooltip = vscode.l10n.t('GovSpec: {0} errors, {1} warnings in {2} indexed files', s.errors, s.warnings, s.indexed);
  }

  dispose(): void { this.item.dispose(); }
}
