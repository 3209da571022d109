import { strict as assert } from 'node:assert';
import { Progress } from '../../server/src/cli/lint/progress';

/** A progress line on a fake clock: `at(ms)` moves it, `written` holds what was drawn. */
function onClock(locale: 'zh-CN' | 'en') {
  let now = 0;
  const written: string[] = [];
  const progress = new Progress(true, (text) => written.push(text), { locale, now: () => now });
  return { progress, written, at: (ms: number) => { now = ms; } };
}

describe('progress line', () => {
  it('shows the phase, files done, elapsed time and, once a phase has run a while, the time it has left', () => {
    const { progress, written, at } = onClock('en');
    progress.update('linting', 1, 100);
    assert.deepEqual(written, [], 'nothing in the first second');
    at(2000);
    progress.update('linting', 10, 100);
    assert.equal(written.pop(), '\r\x1b[Klinting 10/100 · 0:02');
    at(64000);
    progress.update('linting', 40, 100);
    // 40 files in 64 s: 60 more take 96 s.
    assert.equal(written.pop(), '\r\x1b[Klinting 40/100 · 1:04 · about 1:36 left');
    progress.clear();
    assert.equal(written.pop(), '\r\x1b[K');
  });

  it('speaks Chinese when the run does', () => {
    const { progress, written, at } = onClock('zh-CN');
    progress.update('reading', 1, 10);
    at(5000);
    progress.update('reading', 5, 10);
    assert.equal(written.pop(), '\r\x1b[K读取 5/10 · 已用 0:05 · 约剩 0:05');
  });

  it('draws nothing when disabled, yet tells its observer of every phase', () => {
    const seen: string[] = [];
    const progress = new Progress(false, () => assert.fail('drawn'), { observe: (label) => seen.push(label) });
    progress.update('reading', 1, 2);
    progress.update('linting', 1, 2);
    assert.deepEqual(seen, ['reading', 'linting']);
  });
});
