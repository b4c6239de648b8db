import { apiFetch } from "@/lib/client/api";
import type { AdminUserRow, ResetLinkView } from "@/lib/shared/account-views";

/** The admin's user list calls (GET /api/admin/users, disable/enable, reset link). */
export const adminUsersApi = {
  list: (q: string, signal?: AbortSignal) => apiFetch<{ users: AdminUserRow[] }>(`/api/admin/users?q=${encodeURIComponent(q)}`, { signal }),
  setDisabled: (id: string, disabled: boolean) => apiFetch<AdminUserRow>(`/api/admin/users/${id}/${disabled ? "disable" : "enable"}`, { method: "POST" }),
  resetLink: (id: string) => apiFetch<ResetLinkView>(`/api/admin/users/${id}/reset-link`, { method: "POST" }),
};
