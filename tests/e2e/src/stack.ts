import { type Browser, chromium, type Page } from 'playwright-core';
import {
  assertBuilt,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  CONSOLE_LAUNCHER,
  freePort,
  GATEWAY_MAIN,
  type Service,
  startNode,
  stop,
  waitUntilAnswering,
} from './harness.js';

/** A gateway on an in-memory database, the built console in front of it, and a browser page on the console. */
export type Stack = {
  page: Page;
  /** Uncaught errors the page raised, for a final "no errors" test. */
  pageErrors: string[];
  close: () => Promise<void>;
};

/**
 * Starts the gateway (tenants `default` and `acme`, each with the bootstrapped admin user `admin`), the
 * console pointed at it, and Chromium. `gatewayEnv` adds settings of the gateway (e.g. a slower stub
 * model). `close()` stops all three, also after a partial start.
 */
export const startStack = async (options: { gatewayEnv?: Record<string, string> } = {}): Promise<Stack> => {
  assertBuilt();
  let gateway: Service | undefined;
  let consoleApp: Service | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => {});
    await Promise.all([stop(consoleApp), stop(gateway)]);
  };
  try {
    const gatewayPort = await freePort();
    gateway = startNode(
      'gateway',
      [GATEWAY_MAIN],
      {
        PORT: String(gatewayPort),
        HOST: '127.0.0.1',
        EC3L_DATA_DIR: 'memory',
        EC3L_BOOTSTRAP_TENANTS: 'default,acme',
        LOG_LEVEL: 'warn',
        ...options.gatewayEnv,
      },
      `http://127.0.0.1:${gatewayPort}`,
    );
    const consolePort = await freePort();
    consoleApp = startNode(
      'console',
      [CONSOLE_LAUNCHER, 'start'],
      {
        PORT: String(consolePort),
        HOST: '127.0.0.1',
        GATEWAY_URL: gateway.url,
        NEXT_TELEMETRY_DISABLED: '1',
      },
      `http://127.0.0.1:${consolePort}`,
    );
    await Promise.all([
      waitUntilAnswering(gateway, '/readyz', 120_000),
      waitUntilAnswering(consoleApp, '/', 120_000),
    ]);

    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const context = await browser.newContext({
      baseURL: consoleApp.url,
      viewport: { width: 1360, height: 900 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return { page, pageErrors, close };
  } catch (error) {
    await close();
    throw error;
  }
};
