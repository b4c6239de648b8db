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
