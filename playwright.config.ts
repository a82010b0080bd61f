// End-to-end tests: the release build (dist/) served by the real mock API, driven in Debian's
// Chromium (never a downloaded browser). `scripts/test.sh` builds both before running this.
import { defineConfig } from '@playwright/test';

const api = './target/debug/portal-mock-api';
const journeys = 'http://127.0.0.1:3100';
const bench = 'http://127.0.0.1:3101';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'target/playwright',
  timeout: 60_000,
  workers: 1,
  // One retry: a test that passes only on its retry is reported as flaky in the output, not hidden.
  retries: 1,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    locale: 'zh-CN',
  },
  projects: [
    {
      name: 'desktop',
      testMatch: /(journeys|navigation|failures|guide|prefetch|staff|staff-queue|apply|apply-more|keyboard)\.spec\.ts/,
      use: { baseURL: journeys, viewport: { width: 1280, height: 900 } },
    },
    {
      name: 'phone',
      testMatch: /(journeys|navigation|failures|guide|prefetch|staff|staff-queue|apply|apply-more)\.spec\.ts/,
      use: { baseURL: journeys, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
    {
      // Every route × language × mode × width (its own viewports).
      name: 'matrix',
      testMatch: /matrix\.spec\.ts/,
      use: { baseURL: journeys },
    },
    {
      name: 'bench',
      testMatch: /bench\.spec\.ts/,
      use: { baseURL: bench, viewport: { width: 1280, height: 900 } },
    },
  ],
  webServer: [
    {
      command: `${api} --addr 127.0.0.1:3100 --dist dist --data-dir target/e2e/data`,
      url: `${journeys}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `${api} --addr 127.0.0.1:3101 --dist dist --synthetic 10000 --data-dir target/e2e/bench-data`,
      url: `${bench}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
