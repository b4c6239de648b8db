// Share links, team invitation links and instance registration invitations all carry the same kind
// of token: 32 random bytes in base64url without padding (256 bits, 43 characters). Pure, so pages
// and route params can refuse a malformed token before any database lookup.

export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function isLinkToken(value: string): boolean {
  return LINK_TOKEN_PATTERN.test(value);
}
