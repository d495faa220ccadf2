/**
 * The discovery file (<dataDir>/engine.json, mode 0600): how clients on this machine (the bridge, the
 * extension, scripts) find the running local engine and its token; the engine writes it (src/engine/cli/serve.ts).
 * Also the default data dir, and a probe that tells whether an engine answers.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

export const DISCOVERY_FILE = 'engine.json';

export const Discovery = z.object({
  url: z.string(),
  mcpUrl: z.string(),
  liveMcpUrl: z.string(),
  eventsUrl: z.string(),
  token: z.string(),
  pid: z.number().int(),
  version: z.string(),
  agent: z.string(),
  dataDir: z.string(),
  startedAt: z.string(),
});
export type Discovery = z.infer<typeof Discovery>;

/** BILT_ENGINE_DATA_DIR, else ~/.bilt/engine (one engine per user, shared by every VS Code window). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.BILT_ENGINE_DATA_DIR || path.join(os.homedir(), '.bilt', 'engine');
}

export async function writeDiscovery(dataDir: string, d: Discovery): Promise<void> {
  const file = path.join(dataDir, DISCOVERY_FILE);
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(d, null, 2) + '\n', { mode: 0o600 });
  await fs.rename(tmp, file);
}

export async function readDiscovery(dataDir: string): Promise<Discovery | undefined> {
  try {
    const parsed = Discovery.safeParse(JSON.parse(await fs.readFile(path.join(dataDir, DISCOVERY_FILE), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Removes the discovery file if it still describes this process. */
export async function removeDiscovery(dataDir: string, pid: number): Promise<void> {
  const d = await readDiscovery(dataDir);
  if (d?.pid === pid) {
    await fs.rm(path.join(dataDir, DISCOVERY_FILE), { force: true });
  }
}

/** True when the engine described by `d` answers /engine/info with its token. */
export async function probe(d: Discovery, timeoutMs = 2000): Promise<boolean> {
  try {
    const res = await fetch(`${d.url}/engine/info`, {
      headers: { authorization: `Bearer ${d.token}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) {
      return false;
    }
    const info = (await res.json()) as { pid?: number };
    return info.pid === d.pid;
  } catch {
    return false;
  }
}
