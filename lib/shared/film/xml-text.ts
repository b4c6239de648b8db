// Escaping for the XML hand-off files (FCPXML). One function for text and attribute values: the five
// predefined entities, and characters XML 1.0 cannot carry at all (C0 controls other than tab, newline
// and carriage return; lone surrogates; U+FFFE/U+FFFF) dropped rather than written as invalid references.

// eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(value: string): string {
  return value
    .replace(NOT_XML_CHAR, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    // Attribute values normalise raw newlines and tabs to spaces; references keep them.
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}
