/** Removes bearer tokens and Bilt keys from text before it is logged anywhere. */
const PATTERNS: RegExp[] = [
  /(authorization\s*[:=]\s*)(bearer\s+)?[^\s"',}]+/gi,
  /\bbearer\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /\bbilt_(?:live|local|test)_[A-Za-z0-9_-]+/g,
  /("?token"?\s*[:=]\s*"?)[^\s"',}]+/gi,
];

export function redactSecrets(text: string, extra: readonly string[] = []): string {
  let out = text;
  for (const secret of extra) {
    if (secret.length >= 4) {
      out = out.split(secret).join('«redacted»');
    }
  }
  for (const p of PATTERNS) {
    out = out.replace(p, (match, prefix?: string) =>
      typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}«redacted»` : '«redacted»',
    );
  }
  return out;
}
