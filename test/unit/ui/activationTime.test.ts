/** The activation figure the extension logs and returns (src/ui/activationTime.ts). */
import assert from 'node:assert/strict';
import { activationClock, describeActivation } from '../../../src/ui/activationTime';

describe('activation time', () => {
  it('from source: no module figure (no bundle banner), activate() timed, the deferred file not loaded', () => {
    const t = activationClock(performance.now())();
    assert.equal(t.moduleMs, undefined);
    assert.ok(t.activateMs >= 0 && t.totalMs === t.activateMs);
    assert.equal(t.deferredLoaded, false);
  });

  it('says the total, the module and activate(), and a deferred file loaded too early', () => {
    const t = { moduleMs: 1.24, activateMs: 5.46, totalMs: 6.7, deferredLoaded: false };
    assert.equal(describeActivation(t), 'in 6.7 ms (module 1.2 ms, activate() 5.5 ms)');
    assert.equal(describeActivation({ ...t, moduleMs: undefined }), 'in 6.7 ms (activate() 5.5 ms)');
    assert.equal(
      describeActivation({ ...t, deferredLoaded: true }),
      'in 6.7 ms (module 1.2 ms, activate() 5.5 ms; dist/extension-deferred.js was loaded during activation)',
    );
  });
});
