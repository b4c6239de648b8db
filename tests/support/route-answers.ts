import { expect } from "vitest";
import { jsonRequest } from "./route-env";

// What the route tests of the films API ask of every answer: a success with its status, or a refusal
// with its status, its code and a message in both languages (the error taxonomy's promise).

export type Json = Record<string, unknown>;
export type ErrorBody = { error: { code: string; messages: { en: string; "zh-CN": string }; fields?: { path: string; key?: string }[] } };

/** A JSON request carrying `user`'s session cookie. */
export function sendAs(user: { cookie: string }, method: string, url: string, body?: unknown, extra: Record<string, string> = {}): Request {
  return jsonRequest(url, method, body, { cookie: user.cookie, ...extra });
}

/** The answer's JSON after checking its status (the body is printed when the status differs). */
export async function expectOk<T = Json>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const got = await res;
  expect(got.status, await got.clone().text()).toBe(status);
  return (await got.json()) as T;
}

/** A coded refusal with both messages filled in; answers the error for further checks. */
export async function expectRefused(res: Response | Promise<Response>, status: number, code: string): Promise<ErrorBody["error"]> {
  const got = await res;
  const body = (await got.json()) as ErrorBody;
  expect([got.status, body.error.code], JSON.stringify(body)).toEqual([status, code]);
  expect(body.error.messages.en.length).toBeGreaterThan(0);
  expect(body.error.messages["zh-CN"].length).toBeGreaterThan(0);
  return body.error;
}
