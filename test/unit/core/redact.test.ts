import assert from 'node:assert/strict';
import { redactSecrets } from '../../../src/core/redact';

describe('core/redact: tokens never reach a log', () => {
  it('removes bearer tokens, Bilt keys, token fields and given secrets', () => {
    const token = 'bilt_live_abcDEF123456789';
    const text = `Authorization: Bearer ${token} {"token":"s3cr3t-value"} key=${token} other=zz-secret-zz`;
    const out = redactSecrets(text, ['zz-secret-zz']);
    assert.ok(!out.includes(token), out);
    assert.ok(!out.includes('s3cr3t-value'), out);
    assert.ok(!out.includes('zz-secret-zz'), out);
    assert.match(out, /Authorization: «redacted»/);
  });

  it('leaves ordinary text alone', () => {
    assert.equal(redactSecrets('Workflow completed in 3 s'), 'Workflow completed in 3 s');
  });
});
