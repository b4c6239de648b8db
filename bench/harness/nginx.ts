// Debian's nginx (nginx-light, installed when missing) on a loopback port with a temp prefix and
// config: the static-file floor for P4 (raw download) and P5 (Range serving). Foreground (daemon off)
// so the bench owns the process group; one worker, like the single Node process it is compared with.
// With `secureLink` it also serves signed media URLs with the recipe of docs/deploy.md ("Signed media
// URLs"), read from that file so the bench measures exactly what the documentation tells people to run.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureSystemDeps } from "@/scripts/lib/system-deps.mjs";
import { freePort, spawnManaged, waitForHttp } from "./processes";

export interface Nginx {
  origin: string;
  /** Its process group (master and worker), for CPU accounting (cpu-probe.ts). */
  pgid: number;
  stop(): Promise<void>;
}

const NGINX = "/usr/sbin/nginx";
const DEPLOY_DOC = path.resolve(import.meta.dirname, "../../docs/deploy.md");

/** P5's recommended deployment: nginx checks the app's signed media URLs (MEDIA_URL_SIGNING=nginx-md5). */
export interface SecureLinkMedia {
  /** DATA_DIR/media of the app that issues the URLs. */
  mediaDir: string;
  /** That app's MEDIA_URL_SECRET. */
  secret: string;
}

/** The `location` block between the bench markers of docs/deploy.md, for this data dir and secret. */
function secureLinkRecipe(s: SecureLinkMedia): string {
  const doc = fs.readFileSync(DEPLOY_DOC, "utf8");
  const block = /<!-- bench:secure-link:start -->\s*```nginx\n([\s\S]*?)```\s*<!-- bench:secure-link:end -->/.exec(doc)?.[1];
  if (!block) throw new Error("docs/deploy.md: the secure_link recipe between the bench markers is missing");
  for (const placeholder of ["/srv/framehouse/data/media/", "MEDIA_URL_SECRET_VALUE"]) {
    if (!block.includes(placeholder)) throw new Error(`docs/deploy.md: the secure_link recipe no longer contains ${placeholder}`);
  }
  return block.replaceAll("/srv/framehouse/data/media/", `${s.mediaDir}/`).replaceAll("MEDIA_URL_SECRET_VALUE", s.secret);
}

function assertSecureLinkModule(): void {
  // nginx -V prints its build options on stderr.
  const built = execFileSync("sh", ["-c", `${NGINX} -V 2>&1`], { encoding: "utf8" });
  if (!built.includes("--with-http_secure_link_module")) {
    throw new Error(`${NGINX} was built without ngx_http_secure_link_module (Debian's "nginx" package has it)`);
  }
}

export async function startNginx(root: string, secureLink?: SecureLinkMedia): Promise<Nginx> {
  ensureSystemDeps(["nginx"]);
  if (secureLink) assertSecureLinkModule();
  const port = await freePort();
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "bench-nginx-"));
  for (const d of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) fs.mkdirSync(path.join(prefix, d));
  // Running as root, nginx would drop its worker to "nobody", which can't read our temp dirs.
  const user = process.getuid?.() === 0 ? "user root;" : "";
  const conf = `${user}
worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  types { video/mp4 mp4; application/octet-stream bin; }
  default_type application/octet-stream;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location / { }
${secureLink ? secureLinkRecipe(secureLink) : ""}
  }
}
`;
  fs.writeFileSync(path.join(prefix, "nginx.conf"), conf, { mode: 0o600 });
  const proc = spawnManaged("nginx", NGINX, ["-p", prefix, "-c", path.join(prefix, "nginx.conf"), "-e", path.join(prefix, "error.log")]);
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${origin}/`, 15_000, proc);
  } catch (e) {
    await proc.stop();
    throw e;
  }
  return {
    origin,
    pgid: proc.pid,
    async stop() {
      await proc.stop();
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}
