import { nextAuthRoute } from "@/lib/server/http/next-auth-route";

// next-auth's own endpoints (lib/server/http/next-auth-route.ts).
export { nextAuthRoute as GET, nextAuthRoute as POST };
