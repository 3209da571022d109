import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TEMPLATES } from '../../server/src/cli/templates';
import { ruleDocTarget } from '../../server/src/host/rule-pages';
import { LintWorkspaceRequest, OPEN_RULE_DOC_COMMAND } from '../../server/src/lsp/protocol';
import { registerSheetCommands } from './sheets';

/** New-document commands use the templates `govspec init` writes, so both offer the same starting point. */
const NEW_DOCUMENT_COMMANDS: Record<string, string> = {
  'govspec.newService': 'example.service.yaml',
  'govspec.newCatalog': 'example.catalog.yaml',
  'govspec.newSharingAgreement': 'example.agreement.yaml',
  'govspec.newAgency': 'example.agency.yaml',
};

export function registerCommands(client: LanguageClient): vscode.Disposable[] {
  return [
    ...Object.entries(NEW_DOCUMENT_COMMANDS).map(([command, template]) => vscode.commands.registerCommand(command, async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: TEMPLATES[template] });
      await vscode.window.showTextDocument(document);
    })),
    vscode.commands.registerCommand('govspec.lintWorkspace', async () => {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('GovSpec: linting the workspace') },
        () => client.sendRequest(LintWorkspaceRequest.type),
      );
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      void vscode.window.showInformationMessage(vscode.l10n.t('GovSpec: {0} files, {1} errors, {2} warnings', result.files, result.errors, result.warnings));
    }),
    // The target is the extension's own copy of the rule's page (from a quick fix, or asked for here), opened in an
    // editor as document links open it; only a web page (a rule the package has no page for) goes to the browser.
    vscode.commands.registerCommand(OPEN_RULE_DOC_COMMAND, async (url?: string) => {
      const target = url ?? await askRuleId();
      if (!target) return;
      const uri = vscode.Uri.parse(target);
      if (uri.scheme === 'file') await vscode.commands.executeCommand('vscode.open', uri);
      else await vscode.env.openExternal(uri);
    }),
    ...registerSheetCommands(client),
  ];
}

async function askRuleId(): Promise<string | undefined> {
  const id = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Rule id, for example service/fee-basis'), validateInput: (v) => (/^[a-z]+\/[a-z-]+$/.test(v.trim()) ? undefined : vscode.l10n.t('A rule id is area/name')) });
  return id ? ruleDocTarget(id.trim()) : undefined;
}
