import assert from 'node:assert/strict';
import path from 'node:path';
import { AppAddresses } from '../../../../src/engine/cli/appAddresses';
import { parseCli, UsageError } from '../../../../src/engine/cli/args';

describe('engine/cli: the builder as the default agent', () => {
  it('serve runs the builder unless --agent names another; --builder-hold-at takes a step name', () => {
    assert.equal(parseCli(['serve'], {}).serve.agent, 'builder');
    assert.equal(parseCli(['serve', '--agent', 'emulator'], {}).serve.agent, 'emulator');
    assert.equal(parseCli(['serve'], {}).serve.builderHoldAt, undefined);
    assert.equal(parseCli(['serve', '--builder-hold-at', 'deploy'], {}).serve.builderHoldAt, 'deploy');
    assert.throws(
      () => parseCli(['serve', '--builder-hold-at', 'ship'], {}),
      (e: unknown) =>
        e instanceof UsageError &&
        e.message === '--builder-hold-at must be one of plan, generate, check, commit, deploy (got "ship")',
    );
  });

  it('an app’s address: the engine’s URL once it listens, for the project’s own folder only', () => {
    const apps = new AppAddresses();
    const folders: Record<string, string> = { p1: path.join('/data', 'projects', 'shop') };
    assert.equal(apps.urlFor('p1', folders['p1']!), undefined, 'not listening yet');
    apps.serving('http://127.0.0.1:4000', (id) => folders[id]);
    assert.equal(apps.urlFor('p1', '/data/projects/shop/'), 'http://127.0.0.1:4000/apps/p1/');
    assert.equal(apps.urlFor('p1', '/home/me/elsewhere'), undefined, 'a session’s own workdir');
    assert.equal(apps.urlFor('p2', '/data/projects/p2'), undefined, 'no such project');
  });
});
