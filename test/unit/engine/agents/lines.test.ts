import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { LineSplitter, cleanLine, pump } from '../../../../src/engine/agents/command/lines';
import { parseProtocolLine } from '../../../../src/engine/agents/command/protocol';
import { nextStepPercentage } from '../../../../src/engine/agents/command/report';

describe('engine/agents/command: line splitting', () => {
  it('holds the stream while the engine is behind (back-pressure), and goes on once it caught up', async () => {
    const stream = new PassThrough();
    const lines: string[] = [];
    let caughtUp: (() => void) | undefined;
    let behind = true;
    const done = pump(
      stream,
      (l) => lines.push(l),
      () => (behind ? new Promise<void>((r) => (caughtUp = r)) : undefined),
    );
    stream.write('one\n');
    await new Promise((r) => setImmediate(r));
    assert.deepEqual([lines, stream.isPaused()], [['one'], true], 'paused after the first chunk');
    stream.write('two\n');
    stream.end();
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(lines, ['one'], 'nothing more is read while paused');
    behind = false;
    caughtUp!();
    await done;
    assert.deepEqual(lines, ['one', 'two']);
  });

  it('decodes UTF-8 characters split across chunks', () => {
    const s = new LineSplitter();
    const bytes = Buffer.from('Prix: 5 €\nΩ ok\n', 'utf8');
    const cut = bytes.indexOf(0xe2) + 1; // inside the euro sign
    const lines = [...s.push(bytes.subarray(0, cut)), ...s.push(bytes.subarray(cut)), ...s.end()];
    assert.deepEqual(lines, ['Prix: 5 €', 'Ω ok']);
  });

  it('flushes a final line without newline at the end', () => {
    const s = new LineSplitter();
    assert.deepEqual(s.push('one\ntw'), ['one']);
    assert.deepEqual(s.push('o'), []);
    assert.deepEqual(s.end(), ['two']);
  });

  it('cuts overlong lines into pieces of at most maxLine characters', () => {
    const s = new LineSplitter(10);
    const lines = [...s.push('a'.repeat(25)), ...s.push('\nshort\n'), ...s.end()];
    assert.deepEqual(lines, ['a'.repeat(10), 'a'.repeat(10), 'a'.repeat(5), 'short']);
  });

  it('never splits a surrogate pair', () => {
    const s = new LineSplitter(4);
    const lines = [...s.push('abc😀def\n'), ...s.end()];
    assert.ok(
      lines.every((l) => !/[\ud800-\udbff]$/.test(l)),
      JSON.stringify(lines),
    );
    assert.equal(lines.join(''), 'abc😀def');
  });

  it('strips ANSI escapes, control characters and carriage-return redraws', () => {
    assert.equal(cleanLine('\u001b[32m✔ passed\u001b[0m'), '✔ passed');
    assert.equal(cleanLine('\u001b]0;title\u0007done'), 'done');
    assert.equal(cleanLine('10%\r50%\r100%'), '100%');
    assert.equal(cleanLine('windows line\r'), 'windows line');
    assert.equal(cleanLine('bell\u0007 tab\tkept'), 'bell tab\tkept');
  });
});

describe('engine/agents/command: line protocol', () => {
  it('reads progress as percentage, fraction or step text', () => {
    assert.deepEqual(parseProtocolLine('::progress:: 45 Building components'), [
      { type: 'progress', percentage: 45, currentStep: 'Building components' },
    ]);
    assert.deepEqual(parseProtocolLine('::progress:: 12.5%'), [{ type: 'progress', percentage: 12.5 }]);
    assert.deepEqual(parseProtocolLine('::progress:: 3/7 Running checks'), [
      { type: 'progress', percentage: 43, currentStep: 'Running checks' },
    ]);
    assert.deepEqual(parseProtocolLine('::progress:: 2/4'), [
      { type: 'progress', percentage: 50, currentStep: 'Step 2 of 4' },
    ]);
    assert.deepEqual(parseProtocolLine('::progress:: 250'), [{ type: 'progress', percentage: 100 }]);
    assert.deepEqual(parseProtocolLine('::progress:: 3D models'), [{ type: 'step', currentStep: '3D models' }]);
  });

  it('maps message directives to their variants', () => {
    assert.deepEqual(parseProtocolLine('::info:: Planned 3 screens'), [
      { type: 'say', text: 'Planned 3 screens', variant: 'info' },
    ]);
    assert.deepEqual(parseProtocolLine('::success:: Deployed'), [
      { type: 'say', text: 'Deployed', variant: 'success' },
    ]);
    assert.deepEqual(parseProtocolLine('::error:: Build broke'), [
      { type: 'say', text: 'Build broke', variant: 'error' },
    ]);
  });

  it('reads a result url and summary', () => {
    assert.deepEqual(parseProtocolLine('::result:: https://app.example.com/x Deployed  v2'), [
      { type: 'result', url: 'https://app.example.com/x', summary: 'Deployed  v2' },
    ]);
    assert.deepEqual(parseProtocolLine('::result:: https://app.example.com'), [
      { type: 'result', url: 'https://app.example.com' },
    ]);
    assert.deepEqual(parseProtocolLine('::result:: Only a summary'), [{ type: 'result', summary: 'Only a summary' }]);
  });

  it('shows other lines, unknown directives and malformed ones as log lines', () => {
    for (const line of [
      'plain output',
      '::warning:: hm',
      '::progress::',
      '::progress:: 1/0',
      ' ::info:: indented',
      '::result::',
    ]) {
      assert.deepEqual(parseProtocolLine(line), [{ type: 'say', text: line, variant: 'log' }], line);
    }
  });
});

describe('engine/agents/command: step heuristic', () => {
  it('climbs monotonically towards 95 and stops there', () => {
    let p = 0;
    const seen: number[] = [];
    for (let i = 0; i < 200; i++) {
      seen.push((p = nextStepPercentage(p)));
    }
    assert.equal(seen[0], 10);
    assert.ok(seen.every((v, i) => i === 0 || v >= seen[i - 1]!));
    assert.equal(seen[seen.length - 1], 95);
  });
});
