/**
 * Headless Debian Chromium, driven by playwright-core (which downloads no browser), opening the workbench.
 * The extension host's console (console.log of the extension and the tests, mocha's reporter) shows up
 * only here, in the browser console, so every line is kept for the run's browser-console.log.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RunDir } from './paths';

export interface Workbench {
  browser: Browser;
  page: Page;
  version: string;
  /** The code the workbench reported once the test run settled and it stopped the extension host. */
  automationExit(): number | null;
  /** Writes browser-console.log and closes the browser. */
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  executablePath: string;
  run: RunDir;
  url: string;
  echoConsole: boolean;
}

const ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // the browser resolves nothing but loopback
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

/** The extension host's lines arrive as ('%c INFO', 'color: #33f', '%s%s', ...): drop the styling, format the rest. */
function consoleText(args: unknown[]): string {
  const [first, , ...rest] = args;
  if (typeof first === 'string' && first.startsWith('%c') && args.length >= 2) {
    return `${first.slice(2).trim()} ${format(...rest)}`;
  }
  return format(...args);
}

export async function openWorkbench(o: WorkbenchOptions): Promise<Workbench> {
  // playwright makes its temporary profile under os.tmpdir(): keep it in the run's folder.
  process.env.TMPDIR = o.run.tmp;
  const browser = await chromium.launch({
    executablePath: o.executablePath,
    headless: true, // playwright also passes --no-sandbox (chromiumSandbox defaults to false), needed as root
    args: ARGS,
    // The driver handles Ctrl-C itself (it must stop code-server too); playwright's handler would just exit.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    env: { ...process.env, XDG_CONFIG_HOME: o.run.xdgConfig }, // else Chromium writes ~/.config/chromium/Crash Reports
  });
  const lines: Array<Promise<string>> = [];
  const saveConsole = async (): Promise<void> => {
    writeFileSync(path.join(o.run.root, 'browser-console.log'), (await Promise.all(lines)).join('\n') + '\n');
  };
  let exitCode: number | null = null;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('console', (m) => {
      const formatted = Promise.all(m.args().map((a) => a.jsonValue())).then(consoleText, () => m.text());
      const raw = new Promise<string>((resolve) => setTimeout(() => resolve(m.text()), 3000));
      const line = Promise.race([formatted, raw]).then((text) => `[${m.type()}] ${text}`);
      lines.push(line);
      if (o.echoConsole) {
        void line.then((l) => console.log(`[browser] ${l}`));
      }
    });
    page.on('pageerror', (e) => lines.push(Promise.resolve(`[pageerror] ${e.stack ?? e.message}`)));
    // The workbench calls this when the extension tests are over (0: run() resolved, 1: it rejected).
    await page.exposeFunction('codeAutomationExit', (code: number) => {
      exitCode = code;
    });
    await page.goto(o.url, { waitUntil: 'domcontentloaded' });
    return {
      browser,
      page,
      version: browser.version(),
      automationExit: () => exitCode,
      async close() {
        await saveConsole();
        await browser.close().catch(() => undefined);
      },
    };
  } catch (err) {
    await saveConsole();
    await browser.close().catch(() => undefined);
    throw err;
  }
}
