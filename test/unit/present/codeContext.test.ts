import assert from 'node:assert/strict';
import { codeContext } from '../../../src/present/codeContext';

describe('present/codeContext: code sent to Bilt as the context of a message', () => {
  it('the path, the line range, the language and the code in a fence, below a line for the instruction', () => {
    const c = codeContext({
      path: 'src/app.ts',
      language: 'typescript',
      startLine: 10,
      code: 'const a = 1;\nconst b = 2;\n',
    });
    assert.equal(
      c.text,
      '\n\nFrom `src/app.ts`, lines 10–11 (typescript):\n```typescript\nconst a = 1;\nconst b = 2;\n```',
    );
    assert.equal(c.cut, undefined);
    assert.match(
      codeContext({ path: 'a.md', language: 'markdown', startLine: 3, code: 'one' }).text,
      /, line 3 \(markdown\)/,
    );
  });

  it('a fence longer than any backticks in the code', () => {
    const c = codeContext({ path: 'README.md', language: 'markdown', startLine: 1, code: '```sh\nnpm test\n```' });
    assert.match(c.text, /\n````markdown\n```sh\nnpm test\n```\n````$/);
  });

  it('too long: whole lines kept to fit, and it says which lines were left out', () => {
    const code = Array.from({ length: 400 }, (_, i) => `line ${i + 1} ${'x'.repeat(20)}`).join('\n');
    const c = codeContext({ path: 'big.txt', language: 'plaintext', startLine: 1, code });
    assert.ok(c.text.length <= 5000 - 600 + 200, `${c.text.length} characters`);
    const kept = Number(/lines 1–(\d+) \(plaintext\)/.exec(c.text)?.[1]);
    assert.ok(kept > 100 && kept < 400, String(kept));
    assert.equal(c.cut, `lines ${kept + 1}–400 of \`big.txt\` were left out: a message holds 5000 characters`);
    assert.match(c.text, new RegExp(`\\(lines ${kept + 1}–400 of \`big.txt\` were left out`));
  });
});
