import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { SignInDevice } from "./user-sessions";

// next-auth's jwt callback, where a sign-in's session row is written (auth-options.ts), is not given
// the request. Its route (http/next-auth-route.ts) runs next-auth inside this context so the row can
// record the browser and the address that signed in.
const current = new AsyncLocalStorage<SignInDevice>();

export function withSignInDevice<T>(device: SignInDevice, run: () => T): T {
  return current.run(device, run);
}

/** The device of the sign-in in progress (empty outside next-auth's route). */
export function signInDevice(): SignInDevice {
  return current.getStore() ?? {};
}
