/**
 * A certificate authority and a server certificate it signed, made at test time with the `openssl`
 * binary (node:crypto cannot issue certificates): the server's names are `bilt-test.invalid`, `localhost`
 * and 127.0.0.1, valid for two days, EC P-256 keys (fast to make). Nothing is kept in the repository.
 * startTlsFront puts such a certificate in front of a plain HTTP server on loopback (an https gateway).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import net, { type AddressInfo, type Socket } from 'node:net';
import path from 'node:path';
import tls from 'node:tls';

export interface TestCerts {
  /** The CA's certificate, PEM, as a file (what `bilt.network.caFile` names). */
  caFile: string;
  /** The server's certificate and key, PEM. */
  cert: string;
  key: string;
}

/** Whether this machine has `openssl` (the tests that need certificates are skipped without it). */
export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function makeTestCerts(dir: string): TestCerts {
  const at = (f: string) => path.join(dir, f);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    at('ca.key'),
    '-out',
    at('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=Bilt Test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  openssl('req', ...ec, '-keyout', at('server.key'), '-out', at('server.csr'), '-subj', '/CN=bilt-test.invalid');
  writeFileSync(
    at('server.ext'),
    [
      'subjectAltName=DNS:bilt-test.invalid,DNS:localhost,IP:127.0.0.1',
      'basicConstraints=CA:FALSE',
      'extendedKeyUsage=serverAuth',
    ].join('\n'),
  );
  openssl(
    'x509',
    '-req',
    '-in',
    at('server.csr'),
    '-CA',
    at('ca.pem'),
    '-CAkey',
    at('ca.key'),
    '-CAcreateserial',
    '-out',
    at('server.pem'),
    '-days',
    '2',
    '-extfile',
    at('server.ext'),
  );
  return {
    caFile: at('ca.pem'),
    cert: readFileSync(at('server.pem'), 'utf8'),
    key: readFileSync(at('server.key'), 'utf8'),
  };
}

export interface TlsFront {
  port: number;
  stop(): Promise<void>;
}

/** A TLS server on 127.0.0.1 with the test certificate that passes each connection on to `toPort` (plain TCP). */
export async function startTlsFront(certs: TestCerts, toPort: number): Promise<TlsFront> {
  const open = new Set<Socket>();
  const keep = (s: Socket) => {
    open.add(s);
    s.on('close', () => open.delete(s));
    s.on('error', () => s.destroy());
  };
  const server = tls.createServer({ cert: certs.cert, key: certs.key }, (client) => {
    const upstream = net.connect(toPort, '127.0.0.1');
    keep(client);
    keep(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  // a client that refuses the certificate ends its handshake: nothing to do for the front
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: async () => {
      open.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
