import * as assert from 'assert';
import { ServiceGuideRequest, SharingMapRequest } from '../../server/src/lsp/protocol';
import { TestClient, exampleFiles } from './harness';

const PAGE = { locale: 'zh-CN' as const, nonce: 'bm9uY2Utdjk=', cspSource: 'vscode-resource:' };

describe('language server: the pages of the preview and map panels', function () {
  let client: TestClient;

  before(async () => { client = await TestClient.start(exampleFiles()); });
  after(() => client.dispose());

  it('answers the service guide of an open service, with the shared material and its agreement', async () => {
    const file = 'services/minimum-living-allowance.service.yaml';
    await client.open(file);
    const html = await client.connection.sendRequest(ServiceGuideRequest.type, { uri: client.uri(file), line: 0, ...PAGE });
    assert.ok(html, 'a page for a service');
    assert.match(html, /最低生活保障审核确认/);
    assert.match(html, /GA-MZ-2025-001/);
    assert.match(html, /nonce="bm9uY2Utdjk="/);
  });

  it('answers the sharing map with the graph library inlined and the expired agreement in the data', async () => {
    const html = await client.connection.sendRequest(SharingMapRequest.type, PAGE);
    assert.ok(html, 'a page for the map');
    assert.match(html, /GA-SC-2024-002/);
    assert.ok(html.length > 400_000, 'cytoscape is inlined, nothing is loaded from elsewhere');
  });
});
