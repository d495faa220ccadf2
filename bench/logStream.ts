/**
 * The log stream's cost: a session that already has about 2,000 messages gets a few more while a
 * client follows it by polling (as for a remote server): requests and bytes it takes to deliver them,
 * against the bytes of the history it must not re-download.
 */
import { BiltClient } from '../src/api/client';
import type { FetchLike } from '../src/api/http/resilientFetch';
import { startEngine } from '../test/support/engineProcess';
import { tempDir } from '../test/support/tmp';
import type { Bench } from './lib/types';

/** A fetch that counts the requests and the bytes of the answers. */
function counting(): { fetch: FetchLike; requests: number; bytes: number } {
  const c = {
    requests: 0,
    bytes: 0,
    fetch: (async (url, init) => {
      c.requests++;
      const res = await fetch(url, init);
      const body = await res.arrayBuffer();
      c.bytes += body.byteLength;
      return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
    }) as FetchLike,
  };
  return c;
}

export const logStream: Bench = {
  title: 'Log stream against a long session',
  method:
    'A local engine (emulator, no waiting) fills one session with workflows until it holds about 2,000 messages ' +
    '(1,000 in the quick pass); a polling client follows it from its last message while one more workflow adds its ' +
    'messages; every request and byte of the follow is counted (bench/logStream.ts).',
  async run(o) {
    const engine = await startEngine([
      '--data-dir',
      tempDir('bench-log-'),
      '--agent',
      'emulator',
      '--speed',
      '0',
      '--messages-per-hour',
      '100000',
    ]);
    const { mcpUrl, token } = engine.ready;
    const writer = await BiltClient.connect({ url: mcpUrl, token });
    const meter = counting();
    const reader = await BiltClient.connect({ url: mcpUrl, token, fetch: meter.fetch });
    try {
      const project = await writer.backend.createProject({ name: `bench-log-${Date.now()}` });
      const view = await writer.backend.getSession({ projectId: project.id });
      const ref = { sessionId: view.session.id, projectId: project.id };
      const target = o.quick ? 1000 : 2000;
      let total = 0;
      while (total < target) {
        await writer.backend.sendMessage(ref, 'One more page', { wait: true });
        total = (await writer.backend.getMessages(ref, { limit: 1 })).total;
      }
      const history = await writer.backend.getMessages(ref, { limit: 100 });
      const pageBytes = JSON.stringify(history).length;
      // follow by polling from the last message, as a remote server is followed
      const polled = Object.assign(Object.create(reader) as BiltClient, { eventsUrl: undefined });
      meter.requests = 0;
      meter.bytes = 0;
      const stop = new AbortController();
      let delivered = 0;
      let expected = Infinity;
      let arrived: () => void = () => undefined;
      const all = new Promise<void>((resolve) => (arrived = resolve));
      const following = (async () => {
        for await (const e of polled.watch(ref, { signal: stop.signal, fromSeq: total, activeMs: 200, idleMs: 200 })) {
          if (e.type === 'messages') {
            delivered += e.messages.length;
            if (delivered >= expected) {
              arrived();
            }
          }
        }
      })().catch(() => undefined);
      await writer.backend.sendMessage(ref, 'The last page', { wait: true });
      expected = (await writer.backend.getMessages(ref, { limit: 1 })).total - total;
      if (delivered >= expected) {
        arrived();
      }
      const deadline = setTimeout(arrived, 30_000);
      await all;
      clearTimeout(deadline);
      stop.abort();
      await following;
      const perMessage = meter.bytes / Math.max(1, delivered);
      return [
        {
          name: `requests to deliver ${delivered} new messages of a ${total}-message session`,
          unit: 'requests',
          median: meter.requests,
          samples: 1,
          goal: 'O(new), not O(history)',
          met: meter.requests <= delivered / 2 + 20,
          note: 'includes the session reads of the polling itself (one every 200 ms while it runs)',
        },
        {
          name: 'bytes read per new message',
          unit: 'bytes',
          median: perMessage,
          samples: 1,
          comparison: {
            name: `re-reading the history would cost ${Math.round((pageBytes * total) / 100 / 1024)} KB; per message`,
            median: pageBytes / 100,
          },
          goal: 'O(new)',
          met: meter.bytes < (pageBytes * total) / 100 / 10,
        },
      ];
    } finally {
      await Promise.allSettled([writer.close(), reader.close()]);
      await engine.stop();
    }
  },
};
