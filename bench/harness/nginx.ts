// Debian's nginx (nginx-light) on a loopback port with a temp prefix and config: the static-file
// floor for P4 (raw download) and P5 (Range serving). Foreground (daemon off) so the bench owns the
// process group; one worker, like the single Node process it is compared with. With `accel` it also
// fronts an app server the way docs/deploy.md configures production (P5's X-Accel fast path).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, spawnManaged, waitForHttp } from "./processes";

export interface Nginx {
  origin: string;
  stop(): Promise<void>;
}

const NGINX = "/usr/sbin/nginx";

/** P5's fast path: nginx in front of the app (client → nginx → app authorizes → X-Accel-Redirect →
 *  nginx sends the file from an internal location), configured as docs/deploy.md recommends. */
export interface AccelProxy {
  /** The app's origin, e.g. http://127.0.0.1:3001. */
  upstream: string;
  /** MEDIA_ACCEL_REDIRECT_PREFIX of that app, e.g. /_protected_media/. */
  prefix: string;
  /** DATA_DIR/media of that app. */
  mediaDir: string;
}

function accelLocations(a: AccelProxy): string {
  return `
    location /api/ {
      proxy_pass http://framehouse_app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
    }
    location ${a.prefix} {
      internal;
      alias ${a.mediaDir}/;
      add_header Content-Security-Policy $upstream_http_content_security_policy always;
      add_header X-Content-Type-Options nosniff always;
      add_header Referrer-Policy $upstream_http_referrer_policy always;
      add_header X-Robots-Tag $upstream_http_x_robots_tag always;
    }`;
}

export async function startNginx(root: string, accel?: AccelProxy): Promise<Nginx> {
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
  ${accel ? `upstream framehouse_app { server ${new URL(accel.upstream).host}; keepalive 32; }` : ""}
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location / { }${accel ? accelLocations(accel) : ""}
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
