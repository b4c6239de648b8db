import { z } from "zod";
import { userText } from "./user-text";

// Request schemas shared by the sign-up form (client-side checks) and the route handler.
// Error messages are message keys (errors.field.*), translated by the UI and the API.
export const signUpSchema = z.object({
  email: z.email({ error: "errors.field.email" }).max(320, { error: "errors.field.email" }),
  password: z.string({ error: "errors.field.password" }).min(10, { error: "errors.field.password" }).max(200, { error: "errors.field.password" }),
  name: userText(z.string().trim().max(80, { error: "errors.field.name" })).optional(),
  invite: z.string().trim().max(200).optional(),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

const password = (key: "errors.field.password" | "errors.field.currentPassword") =>
  z.string({ error: key }).min(1, { error: key }).max(200, { error: key });

/** PATCH /api/account: what a person may change about themself (email is not changeable here). */
export const profileSchema = z
  .object({
    name: userText(z.string().trim().max(80, { error: "errors.field.name" })).nullable().optional(),
    locale: z.enum(["zh-CN", "en"], { error: "errors.field.invalid" }).optional(),
  })
  .strict();
export type ProfileInput = z.infer<typeof profileSchema>;

/** POST /api/account/password: the current password, and a new one under the sign-up policy. */
export const passwordChangeSchema = z.object({
  current: password("errors.field.currentPassword"),
  next: signUpSchema.shape.password,
});
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>;

/** POST /api/account/reset: a reset link's token and the new password (sign-up policy). */
export const passwordResetSchema = z.object({
  token: z.string({ error: "errors.field.invalid" }).trim().min(1).max(200),
  password: signUpSchema.shape.password,
});

/** POST /api/account/reset-request: the email to send a reset link to ("Forgot password?"). */
export const resetRequestSchema = z.object({ email: signUpSchema.shape.email });
