import "server-only";
import type { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { type Actor, actorFromRequest } from "../auth/session";
import { db } from "../db";
import { AppError, validationFailed } from "../errors";
import { localeOfRequest } from "../locale";
import { clientIpFrom } from "@/lib/server/net/client-ip";
import { type Access, accessOf } from "../permissions";
import { addSpan, recordSpans, serverTimingValue, span } from "../spans";
import { errorResponse, json } from "./respond";
import { readJsonBody } from "./read-body";
import { assertSameOrigin } from "./same-origin";

// Every route handler reads the same way, so a reviewer checks one place (docs/architecture.md, "Layers"):
// parse (zod) -> authenticate -> load the actor's Access -> call one service -> respond. Errors become
// the JSON body. The Access (the actor's team roles) is read from the database here, once per request,
// and handed to the handler: services authorize against that one snapshot and never read roles again,
// so a request cannot see two different answers to "what may this actor do".
type AuthMode = "public" | "user" | "admin";
type ActorFor<A extends AuthMode> = A extends "public" ? Actor | null : Actor;
type AccessFor<A extends AuthMode> = A extends "public" ? Access | null : Access;

export interface RouteContext<A extends AuthMode, B, Q, P> {
  req: Request;
  /** The signed-in actor with their team roles (null on a public route when signed out). */
  access: AccessFor<A>;
  /** `access.actor`, for handlers that only need the user. */
  actor: ActorFor<A>;
  body: B;
  query: Q;
  params: P;
  locale: Locale;
  ip: string;
}

interface RouteSpec<A extends AuthMode, B, Q, P> {
  auth: A;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  maxBodyBytes?: number;
}

type NextCtx = { params: Promise<Record<string, string | string[] | undefined>> };

/** Set by the HTTP entry point (scripts/lib/request-listener.mjs): when the request arrived, epoch ms. */
const RECEIVED_AT_HEADER = "x-framehouse-received-at";

/** With SERVER_TIMING on: "pre" (arrival to the handler: Next's routing and the event loop's queue), then the answer's Server-Timing. */
function timed(handle: (req: Request, nextCtx?: NextCtx) => Promise<Response>) {
  return (req: Request, nextCtx?: NextCtx) =>
    recordSpans(async (recorder) => {
      if (!recorder) return handle(req, nextCtx);
      const receivedAt = Number(req.headers.get(RECEIVED_AT_HEADER));
      if (receivedAt > 0) addSpan("pre", Math.max(0, performance.timeOrigin + performance.now() - receivedAt));
      const res = await span("route", () => handle(req, nextCtx));
      try {
        res.headers.set("Server-Timing", serverTimingValue(recorder));
      } catch {
        // Immutable headers (a redirect): answer without the timing.
      }
      return res;
    });
}

function parseWith<T>(schema: z.ZodType<T> | undefined, value: unknown, notFound = false): T {
  if (!schema) return undefined as T;
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  // A malformed id in the path is "no such object", not a validation error.
  if (notFound) throw new AppError("not_found");
  throw validationFailed(r.error);
}

export function route<A extends AuthMode, B = undefined, Q = undefined, P = undefined>(
  spec: RouteSpec<A, B, Q, P>,
  handler: (ctx: RouteContext<A, B, Q, P>) => Promise<unknown>,
) {
  return timed(async (req: Request, nextCtx?: NextCtx): Promise<Response> => {
    // Errors before the session is read answer in the device's language; from then on the account's
    // saved language counts too (the one rule: resolveLocale).
    let locale = localeOfRequest(req);
    try {
      if (req.method !== "GET" && req.method !== "HEAD") assertSameOrigin(req);
      const params = parseWith(spec.params, (await nextCtx?.params) ?? {}, true);
      const url = new URL(req.url);
      const query = parseWith(spec.query, Object.fromEntries(url.searchParams));
      const actor = await span("session", () => actorFromRequest(req));
      locale = localeOfRequest(req, actor?.locale);
      if (spec.auth !== "public" && !actor) throw new AppError("unauthenticated");
      if (spec.auth === "admin" && actor?.role !== "ADMIN") throw new AppError("forbidden");
      const access = actor ? await span("access", () => accessOf(db(), actor)) : null;
      const body = spec.body ? parseWith(spec.body, await span("body", () => readJsonBody(req, spec.maxBodyBytes ?? 64 * 1024))) : (undefined as B);
      const result = await span("handler", () => handler({
        req,
        access: access as AccessFor<A>,
        actor: actor as ActorFor<A>,
        body,
        query,
        params,
        locale,
        ip: clientIpFrom(req.headers),
      }));
      return result instanceof Response ? result : json(result ?? { ok: true });
    } catch (err) {
      return errorResponse(err, locale);
    }
  });
}
