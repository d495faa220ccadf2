/**
 * `npm run demo`: the engine alone, in the terminal (what `npm start` did before it opened VS Code).
 * Starts (or finds) the local engine with its default agent (the builder) and a demo project, sends the
 * demo project a first instruction through the MCP contract, and streams the workflow live in this
 * terminal from the engine's event stream: its last line is the address of the page it built. The engine
 * keeps running after the workflow ends; Ctrl-C stops it (when this script started it).
 * `npm run demo -- --agent emulator --speed 0.2` plays the emulator's scripted pipeline, five times faster.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Discovery } from '../src/api/local/discovery';

const root = path.resolve(__dirname, '..');
const extra = process.argv.slice(2);

type Ready = Discovery & { alreadyRunning?: boolean };

async function startEngine(): Promise<Ready> {
  const child = spawn(process.execPath, [path.join(root, 'dist/engine.js'), 'serve', '--demo', ...extra], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the engine exited with code ${code} before it was ready`)));
  });
  const ready = JSON.parse(first) as Ready;
  if (!ready.alreadyRunning) {
    process.on('SIGINT', () => child.kill('SIGTERM'));
    child.on('exit', (code) => process.exit(code ?? 0));
  }
  return ready;
}

async function call<T>(client: Client, name: string, args: Record<string, unknown>): Promise<T> {
  const r = await client.callTool({ name, arguments: args });
  if (r.isError) {
    throw new Error(`${name}: ${JSON.stringify(r.content)}`);
  }
  return r.structuredContent as T;
}

async function openEvents(ready: Ready, sessionId: string): Promise<Response> {
  const res = await fetch(`${ready.eventsUrl}?session_id=${sessionId}`, {
    headers: { authorization: `Bearer ${ready.token}` },
  });
  if (!res.ok || !res.body) {
    throw new Error(`event stream: HTTP ${res.status}`);
  }
  return res;
}

async function streamEvents(res: Response, until: (status: string) => boolean): Promise<void> {
  const decoder = new TextDecoder();
  let buf = '';
  for await (const chunk of res.body! as unknown as AsyncIterable<Uint8Array>) {
    buf += decoder.decode(chunk, { stream: true });
    let i;
    while ((i = buf.indexOf('\n\n')) >= 0) {
      const frame = buf.slice(0, i);
      buf = buf.slice(i + 2);
      const type = /^event: (.+)$/m.exec(frame)?.[1];
      const data = /^data: (.+)$/m.exec(frame)?.[1];
      if (!type || !data) {
        continue;
      }
      const e = JSON.parse(data) as {
        message?: { side: string; variant: string; text: string };
        workflow?: { status: string; progress: { percentage: number; currentStep?: string } | null };
      };
      if (type === 'message' && e.message) {
        console.log(`  ${e.message.side === 'user' ? '>' : ' '} [${e.message.variant}] ${e.message.text}`);
      }
      if (type === 'workflow' && e.workflow) {
        const p = e.workflow.progress;
        if (p) {
          process.stderr.write(`  … ${e.workflow.status} ${p.percentage}% ${p.currentStep ?? ''}\n`);
        }
        if (until(e.workflow.status)) {
          return;
        }
      }
    }
  }
}

async function main(): Promise<void> {
  const ready = await startEngine();
  console.log(`\nBilt engine ${ready.alreadyRunning ? 'already running' : 'started'} (pid ${ready.pid})`);
  console.log(`  seed MCP:  ${ready.mcpUrl}\n  live MCP:  ${ready.liveMcpUrl}\n  events:    ${ready.eventsUrl}`);
  console.log(`  token:     in ${path.join(ready.dataDir, 'engine.json')}\n`);
  const transport = new StreamableHTTPClientTransport(new URL(ready.mcpUrl), {
    requestInit: { headers: { authorization: `Bearer ${ready.token}` } },
  });
  const client = new Client({ name: 'bilt-start', version: '1.0.0' });
  await client.connect(transport);
  const { projects } = await call<{ projects: Array<{ id: string; name: string }> }>(client, 'bilt_list_projects', {});
  const demo = projects.find((p) => p.name === 'demo') ?? projects[0]!;
  const session = await call<{ session_id: string; status: string }>(client, 'bilt_get_session', {
    project_id: demo.id,
  });
  const events = await openEvents(ready, session.session_id);
  if (['pending', 'running', 'paused'].includes(session.status)) {
    console.log(`Project "${demo.name}" already has a ${session.status} workflow; watching it.`);
  } else {
    const message = 'Build a landing page with a signup form';
    console.log(`Sending to project "${demo.name}": ${message}\n`);
    await call(client, 'bilt_send_message', { session_id: session.session_id, message });
  }
  await streamEvents(events, (s) => ['completed', 'failed', 'cancelled', 'paused'].includes(s));
  await client.close();
  console.log(
    `\nDone. The engine keeps running${ready.alreadyRunning ? '' : '; Ctrl-C stops it'}. Point any MCP client at ${ready.mcpUrl} with the token.`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
