/**
 * Cold starts measured from the parent's side with Node built-ins only (no client library in the way):
 * a stdio MCP server from spawn until its first tools/list answer, the way a client starts one
 * (initialize, wait for the answer, notifications/initialized, tools/list); and `node -e 0` from spawn
 * until it exits, the floor any Node program starts from.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface Command {
  args: string[];
  env: Record<string, string>;
}

const baseEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' });

/** Spawn → the answer to tools/list, in ms; the server is then closed (stdin ends) and awaited. */
export function mcpColdStart(c: Command, timeoutMs = 30_000): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, c.args, { env: { ...baseEnv(), ...c.env }, stdio: ['pipe', 'pipe', 'ignore'] });
  const send = (m: object) => child.stdin.write(JSON.stringify(m) + '\n');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no tools/list answer within ${timeoutMs} ms`)), timeoutMs);
    let buffer = '';
    child.once('error', reject);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const m = JSON.parse(buffer.slice(0, nl)) as { id?: number; result?: { tools?: unknown[] }; error?: unknown };
        buffer = buffer.slice(nl + 1);
        if (m.id === 1) {
          send({ jsonrpc: '2.0', method: 'notifications/initialized' });
          send({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} });
        } else if (m.id === 2) {
          const t = performance.now() - t0;
          clearTimeout(timer);
          if (!m.result?.tools?.length) {
            reject(new Error(`tools/list answered ${JSON.stringify(m).slice(0, 200)}`));
          }
          resolve(t);
        }
      }
    });
    send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } },
    });
  }).finally(async () => {
    // as a client closes a stdio server: end its stdin, then SIGTERM, then SIGKILL
    child.stdin.end();
    const term = setTimeout(() => child.kill('SIGTERM'), 2000);
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(term);
    clearTimeout(kill);
  });
}

/** Spawn → exit of `node -e 0`, in ms. */
export function nodeColdStart(): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['-e', '0'], { env: baseEnv(), stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', () => resolve(performance.now() - t0));
  });
}
