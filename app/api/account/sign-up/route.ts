import { signUpSchema } from "@/lib/shared/account-schemas";
import { withHashBudget } from "@/lib/server/auth/hash-gate";
import { registerUser } from "@/lib/server/auth/register";
import { db } from "@/lib/server/db";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";

// POST /api/account/sign-up {email, password, name?, invite?} -> 201 {email}
// The same answer whether the email was new (account created) or already registered (nothing
// changed): sign-up does not reveal which emails have accounts (lib/server/auth/register.ts).
// Hashes a password: through the hash gate (per-address rate, bounded concurrent hashes).
export const POST = route({ auth: "public", body: signUpSchema }, async ({ body, ip }) => {
  const { email } = await withHashBudget(ip, () => registerUser(db(), body));
  return json({ email }, { status: 201 });
});
