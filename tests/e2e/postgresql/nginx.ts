/**
 * Runs docs/nginx/mlprep.conf, the sample deployment's proxy, in front of the test's app servers: the
 * file as shipped, with only its upstream ports, listen addresses and certificate paths replaced, under
 * a minimal main configuration in a temporary folder, with a self-signed certificate.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const SAMPLE = path.join(process.cwd(), "docs/nginx/mlprep.conf");
const NGINX_CANDIDATES = ["/usr/sbin/nginx", "/usr/bin/nginx"];
const START_BUDGET_MS = 30_000;

export type Nginx = { httpUrl: string; httpsUrl: string; stop: () => Promise<void> };

/** Replaces `from` in the sample once, failing when the sample no longer has it: the test would drift. */
function replaceOnce(text: string, from: string, to: string): string {
  if (text.split(from).length !== 2) throw new Error(`docs/nginx/mlprep.conf: expected "${from}" once`);
  return text.replace(from, to);
}

export async function startNginx({
  upstreamPorts: [first, second],
  httpPort,
  httpsPort,
}: {
  upstreamPorts: [number, number];
  httpPort: number;
  httpsPort: number;
}): Promise<Nginx> {
  const binary = NGINX_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!binary) {
    throw new Error(
      "nginx not found: the deployment test runs the sample nginx configuration. Install it (Debian: apt-get install nginx-light).",
    );
  }
  const dir = mkdtempSync(path.join(tmpdir(), "mlprep-nginx-"));
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"].concat([
      "-keyout",
      path.join(dir, "key.pem"),
      "-out",
      path.join(dir, "cert.pem"),
    ]),
    { stdio: "ignore" },
  );
  let site = readFileSync(SAMPLE, "utf8");
  site = replaceOnce(site, "server 127.0.0.1:3000 ", `server 127.0.0.1:${first} `);
  site = replaceOnce(site, "server 127.0.0.1:3001 ", `server 127.0.0.1:${second} `);
  site = replaceOnce(site, "listen 80;", `listen 127.0.0.1:${httpPort};`);
  site = replaceOnce(site, "listen 443 ssl http2;", `listen 127.0.0.1:${httpsPort} ssl http2;`);
  site = replaceOnce(site, "/etc/ssl/mlprep/fullchain.pem", path.join(dir, "cert.pem"));
  site = replaceOnce(site, "/etc/ssl/mlprep/privkey.pem", path.join(dir, "key.pem"));
  writeFileSync(path.join(dir, "mlprep.conf"), site);
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  writeFileSync(
    path.join(dir, "nginx.conf"),
    [
      "daemon off;",
      "worker_processes 1;",
      `pid ${path.join(dir, "nginx.pid")};`,
      `error_log ${path.join(dir, "error.log")} warn;`,
      "events { worker_connections 512; }",
      "http {",
      "  access_log off;",
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => `  ${temp(name)}`),
      `  include ${path.join(dir, "mlprep.conf")};`,
      "}",
    ].join("\n"),
  );
  // As root (CI), nginx's workers run as nobody: they must be able to read the folder.
  execFileSync("chmod", ["755", dir]);

  const child = spawn(binary, ["-p", dir, "-e", path.join(dir, "error.log"), "-c", path.join(dir, "nginx.conf")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const log = () =>
    errors + (existsSync(path.join(dir, "error.log")) ? readFileSync(path.join(dir, "error.log"), "utf8") : "");
  const nginx: Nginx = {
    httpUrl: `http://127.0.0.1:${httpPort}`,
    httpsUrl: `https://127.0.0.1:${httpsPort}`,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGQUIT");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + START_BUDGET_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited while starting:\n${log()}`);
    try {
      await fetch(nginx.httpUrl, { redirect: "manual" });
      return nginx;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  await nginx.stop();
  throw new Error(`nginx did not listen within ${START_BUDGET_MS / 1000} s:\n${log()}`);
}
