/** The extension's two webviews: the service-guide preview and the data-sharing map. */
import type * as vscode from 'vscode';
import type { ViewData } from './data';
import { registerServicePreview } from './servicePreview';
import { registerSharingMap } from './sharingMap';

export type { ViewData } from './data';
export { PREVIEW_SERVICE_GUIDE_COMMAND } from './servicePreview';
export { SHOW_SHARING_MAP_COMMAND } from './sharingMap';

export function registerViews(context: vscode.ExtensionContext, data: ViewData): void {
  registerServicePreview(context, data);
  registerSharingMap(context, data);
}
