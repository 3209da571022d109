// (b) of the proof: the probe .vsix installed into code-server, checked through the UI as a person sees it.
import type { Probe } from './make-probe';
import { Checks, UiSession } from '../code-server/ui-session';

export async function runProbeUi(probe: Probe): Promise<{ passed: number; failed: number; shots: string[] }> {
  const ui = await UiSession.start({ workspace: probe.workspace, vsix: [probe.vsix], name: 'probe' });
  const checks = new Checks(ui);
  try {
    await checks.check('open sample.yaml via Quick Open', () => ui.quickOpen('sample.yaml'));
    await checks.check('warning squiggle shown', async () => `${await ui.waitForSquiggles('warning')} squiggle(s)`);
    await checks.check('status bar shows the probe item', async () => {
      const items = await ui.statusBar('Probe: 1 problem');
      return items.find((t) => t.includes('Probe')) ?? '';
    });
    await checks.check('Problems panel lists the finding', async () => {
      const rows = await ui.openProblems('E2E_PROBE');
      await ui.screenshot('problems');
      return rows.join(' | ');
    });
    await checks.check('hover on PROBE_BAD', async () => {
      await ui.gotoPosition(2, 10);
      const text = await ui.hover('E2E probe hover');
      await ui.screenshot('hover');
      await ui.dismiss();
      return text.replace(/\s+/g, ' ');
    });
    await checks.check('suggest lists probe completions', async () => {
      await ui.gotoPosition(4, 1);
      const labels = await ui.triggerSuggest('probeAlpha');
      await ui.screenshot('suggest');
      await ui.dismiss();
      if (!labels.includes('probeBeta')) throw new Error(`labels: ${labels.join(',')}`);
      return labels.join(', ');
    });
    await checks.check('light bulb quick fix replaces PROBE_BAD', async () => {
      await ui.gotoPosition(2, 10);
      const titles = await ui.quickFixes('Replace PROBE_BAD');
      await ui.screenshot('quick-fix');
      await ui.applyQuickFix('Replace PROBE_BAD with PROBE_GOOD');
      await ui.waitForEditorText('PROBE_GOOD');
      await ui.statusBar('Probe: 0 problem');
      return titles.join(' | ');
    });
    await ui.screenshot('final');
  } finally {
    console.log(`  screenshots: ${ui.shots.join(', ')}`);
    await ui.close();
  }
  return { passed: checks.passed, failed: checks.failed, shots: ui.shots };
}
