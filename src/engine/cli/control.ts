/** `status` and `stop`: find the running engine through its discovery file. */
import { pidAlive } from './lock';
import { probe, readDiscovery } from '../../api/local/discovery';

export async function control(
  command: 'status' | 'stop',
  dataDir: string,
  io: { stdout(l: string): void; stderr(l: string): void },
): Promise<number> {
  const d = await readDiscovery(dataDir);
  if (!d || !(await probe(d))) {
    io.stderr(`[bilt-engine] no engine answers for ${dataDir}`);
    return command === 'stop' ? 0 : 1;
  }
  if (command === 'status') {
    const { token: _token, ...rest } = d;
    io.stdout(JSON.stringify({ ...rest, token: '(see ' + dataDir + '/engine.json)' }));
    return 0;
  }
  process.kill(d.pid, 'SIGTERM');
  for (let i = 0; i < 100 && pidAlive(d.pid); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (pidAlive(d.pid)) {
    io.stderr(`[bilt-engine] pid ${d.pid} is still running after 10 s`);
    return 1;
  }
  io.stderr(`[bilt-engine] stopped pid ${d.pid}`);
  return 0;
}
