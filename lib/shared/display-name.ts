/** How a person is named in the studio: their display name, else the part of the email before "@". */
export function displayName(user: { name: string | null; email: string }): string {
  return user.name?.trim() || user.email.split("@")[0] || user.email;
}
