/**
 * A small WebDriver client for Debian's Firefox ESR through geckodriver's
 * HTTP API (Playwright's own Firefox is a patched build this project does
 * not download). Enough to open a page, wait for it, click by visible text
 * and run a script.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";

const FIREFOX = process.env.FIREFOX_BIN ?? "/usr/bin/firefox-esr";

/** Where geckodriver is, or `null` when it is not installed. */
export function geckodriverPath(): string | null {
  try {
    return execFileSync("sh", ["-c", "command -v geckodriver"], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

export class Firefox {
  private constructor(
    private readonly driver: ChildProcess,
    private readonly base: string,
    private readonly session: string,
  ) {}

  /** Starts geckodriver on `port` and a headless Firefox session. */
  static async start(port: number): Promise<Firefox> {
    const binary = geckodriverPath();
    if (!binary) throw new Error("geckodriver is not installed (scripts/setup.sh installs it)");
    const driver = spawn(binary, ["--port", String(port), "--host", "127.0.0.1"], { stdio: "ignore" });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        const status = await fetch(`${base}/status`);
        if (status.ok) break;
      } catch {
        // not listening yet
      }
      if (i > 100) throw new Error("geckodriver did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
    const created = await call(base, "POST", "/session", {
      capabilities: {
        alwaysMatch: {
          browserName: "firefox",
          "moz:firefoxOptions": {
            binary: FIREFOX,
            args: ["-headless"],
            prefs: { "browser.shell.checkDefaultBrowser": false, "datareporting.policy.dataSubmissionEnabled": false },
          },
        },
      },
    });
    return new Firefox(driver, base, created.sessionId);
  }

  private cmd(method: string, path: string, body?: unknown) {
    return call(this.base, method, `/session/${this.session}${path}`, body);
  }

  async goto(url: string) {
    await this.cmd("POST", "/url", { url });
  }

  /** Runs `script` (a function body; `arguments` holds `args`) in the page. */
  async run<T>(script: string, ...args: unknown[]): Promise<T> {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  /** Runs an async script: its last argument is the callback to call. */
  async runAsync<T>(script: string, ...args: unknown[]): Promise<T> {
    return this.cmd("POST", "/execute/async", { script, args });
  }

  /** Polls `script` until it returns something truthy. */
  async waitFor<T>(script: string, timeoutMs = 30_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = await this.run<T>(script);
      if (value) return value;
      if (Date.now() > until) throw new Error(`Timed out waiting for: ${script}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Clicks the button whose visible text is `text`, as a user would. */
  async clickButton(text: string) {
    const found = await this.cmd("POST", "/element", {
      using: "xpath",
      value: `//button[normalize-space(.)=${JSON.stringify(text)}]`,
    });
    const id = Object.values(found as Record<string, string>)[0];
    await this.cmd("POST", `/element/${id}/click`, {});
  }

  async close() {
    try {
      await call(this.base, "DELETE", `/session/${this.session}`);
    } finally {
      this.driver.kill();
    }
  }
}

async function call(base: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as { value: any };
  if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${JSON.stringify(json.value)}`);
  return json.value;
}
