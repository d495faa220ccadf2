/** The certificates a connection of the proxy-aware fetch (src/api/http/proxyFetch.ts) trusts. */
import { readFileSync } from 'node:fs';
import tls from 'node:tls';

type CaReader = { getCACertificates?: (type?: 'default' | 'system' | 'bundled' | 'extra') => string[] };

/** Where the trusted certificates come from, in words: the system's where this runtime can read them. */
export function certSource(systemCerts: boolean): string {
  return systemCerts && (tls as CaReader).getCACertificates ? 'system' : 'bundled';
}

/**
 * The certificates an own connection trusts (`ca` replaces Node's defaults, so they are all listed):
 * Node's defaults, plus the system's store where the runtime reads it (Node ≥ 22.15: VS Code's
 * extension host; Node 20 has no API for it and keeps its bundled ones), plus the CA files.
 */
export function trustedCertificates(systemCerts: boolean, caFiles: readonly string[]): string[] {
  const reader = (tls as CaReader).getCACertificates;
  const base = reader ? [...reader('default'), ...(systemCerts ? reader('system') : [])] : tls.rootCertificates;
  return [...new Set([...base, ...caFiles.flatMap(readPem)])];
}

/** The certificates in a PEM file; a file that cannot be read or holds none is a clear error. */
function readPem(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new Error(`the CA file ${file} cannot be read (${why})`, { cause: e });
  }
  const certs = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  if (!certs) {
    throw new Error(`the CA file ${file} holds no PEM certificate`);
  }
  return certs;
}
