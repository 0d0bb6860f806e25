import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    // Served from a sub-path, as on GitHub Pages, to prove asset URLs are relative.
    baseURL: `http://127.0.0.1:${port}/some/sub/path/`,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  webServer: {
    command: `rm -rf target/site && mkdir -p target/site/some/sub && cp -r dist target/site/some/sub/path && python3 -m http.server ${port} --bind 127.0.0.1 --directory target/site`,
    url: `http://127.0.0.1:${port}/some/sub/path/`,
    reuseExistingServer: false,
    stderr: "ignore",
    timeout: 30_000,
  },
});
