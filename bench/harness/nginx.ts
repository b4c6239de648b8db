// Debian's nginx (nginx-light) on a loopback port with a temp prefix and config: the static-file
// floor for P4 (raw download) and P5 (Range serving). Foreground (daemon off) so the bench owns the
// process group; one worker, like the single Node process it is compared with.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, spawnManaged, waitForHttp } from "./processes";

export interface Nginx {
  origin: string;
  stop(): Promise<void>;
}

const NGINX = "/usr/sbin/nginx";

export async function startNginx(root: string): Promise<Nginx> {
  if (!fs.existsSync(NGINX)) throw new Error(`${NGINX} not found (apt-get install nginx-light)`);
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
  }
}
`;
  fs.writeFileSync(path.join(prefix, "nginx.conf"), conf);
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
    async stop() {
      await proc.stop();
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}
