/**
 * A BiltError is one whichever copy of src/core/errors.ts made it: the extension ships as two bundles that
 * each carry that module (scripts/build/deferred.mjs), and the store checks errors from the client with
 * `instanceof BiltError`.
 */
import assert from 'node:assert/strict';
import { BiltError, isBiltError } from '../../../src/core/errors';

/** A second, separately evaluated copy of the module, as the second bundle has. */
function secondCopy(): typeof import('../../../src/core/errors') {
  const file = require.resolve('../../../src/core/errors');
  const first = require.cache[file];
  delete require.cache[file];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh evaluation is the point
    return require(file) as typeof import('../../../src/core/errors');
  } finally {
    require.cache[file] = first;
  }
}

describe('BiltError across copies of its module', () => {
  it('instanceof and isBiltError hold for an error made by another copy, both ways', () => {
    const copy = secondCopy();
    assert.notEqual(copy.BiltError, BiltError, 'not a second copy');
    const theirs = new copy.BiltError('unavailable', 'The local engine did not start in time');
    assert.ok(theirs instanceof BiltError);
    assert.ok(isBiltError(theirs));
    assert.ok(new BiltError('not_found', 'Project not found') instanceof copy.BiltError);
    assert.equal(theirs.code, 'unavailable');
    assert.deepEqual(theirs.toBody(), {
      error: 'The local engine did not start in time',
      details: { code: 'unavailable' },
    });
  });

  it('other errors and look-alikes are not BiltErrors', () => {
    assert.ok(!(new Error('x') instanceof BiltError));
    assert.ok(!isBiltError({ name: 'BiltError', code: 'internal', message: 'x', details: {} }));
    assert.ok(!isBiltError(undefined) && !isBiltError('BiltError'));
  });
});
