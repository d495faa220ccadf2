/**
 * "Bilt: Report a Problem…": what a person reads, and may share, about their set-up. Versions, the
 * settings, each server (what it speaks, whether it pushes, its state), the local engine, and the last
 * log lines. Every token the report could hold is redacted before it is returned.
 */
import { redactSecrets } from '../core/redact';

export interface ServerFacts {
  label: string;
  kind: 'local' | 'remote';
  url?: string | undefined;
  /** The contract or API it speaks (mcp-seed, mcp-live, session-api), once connected. */
  speaks?: string | undefined;
  live: boolean;
  state: string;
  projects?: number | undefined;
  missing?: string[] | undefined;
}

export interface ReportFacts {
  extension: string;
  vscode: string;
  node: string;
  platform: string;
  settings: Record<string, unknown>;
  servers: ServerFacts[];
  /** The local engine's /engine/info (or why it could not be read). */
  engine: Record<string, unknown> | string;
  logLines: string[];
  /** Secrets known to the caller (tokens), redacted wherever they appear. */
  secrets: string[];
}

const code = (value: unknown) => `\`${String(value).replace(/`/g, "'")}\``;

export function problemReport(f: ReportFacts): string {
  const servers = f.servers.map((s) =>
    [
      `- **${s.label}** (${s.kind === 'local' ? 'local engine' : code(s.url ?? '')}): ${s.state}`,
      s.speaks ? `, speaks ${code(s.speaks)}` : '',
      `, ${s.live ? 'pushes changes' : 'polled'}`,
      s.projects !== undefined ? `, ${s.projects} project${s.projects === 1 ? '' : 's'}` : '',
      s.missing?.length ? `; lacks: ${s.missing.join(', ')}` : '',
    ].join(''),
  );
  const engine =
    typeof f.engine === 'string' ? f.engine : ['```json', JSON.stringify(f.engine, null, 2), '```'].join('\n');
  const text = [
    '# Bilt for VS Code: problem report',
    '',
    'Read it before you share it: tokens are replaced by «redacted», but the URLs, project ids and log lines are yours.',
    '',
    '## Versions',
    '',
    `- Bilt for VS Code ${f.extension}`,
    `- VS Code ${f.vscode}`,
    `- Node ${f.node} (the extension host)`,
    `- ${f.platform}`,
    '',
    '## Servers',
    '',
    ...(servers.length ? servers : ['- none configured']),
    '',
    '## The local engine',
    '',
    engine,
    '',
    '## Settings (bilt.*)',
    '',
    '```json',
    JSON.stringify(f.settings, null, 2),
    '```',
    '',
    `## The last ${f.logLines.length} log lines`,
    '',
    '```',
    ...f.logLines,
    '```',
    '',
  ].join('\n');
  return redactSecrets(text, f.secrets);
}
