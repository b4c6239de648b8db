// A small, strict XML reader for tests that check the XML we write (FCPXML): elements, attributes,
// text, the five predefined entities and numeric character references, comments, the XML declaration
// and a DOCTYPE without an internal subset. Anything malformed throws — an unclosed or mismatched tag,
// a raw "<" or "&" in text or attributes, a duplicate attribute, text outside the root — so a test
// parsing a file also checks that it is well-formed.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;

function decode(raw: string, where: number): string {
  if (/<|&(?!(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/.test(raw)) throw new Error(`unescaped markup near offset ${where}: ${JSON.stringify(raw.slice(0, 40))}`);
  return raw.replace(/&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (named[e]) return named[e];
    return String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

export function parseXml(source: string): XmlElement {
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at offset ${i}`);
  };
  const skipSpace = () => {
    while (i < source.length && /\s/.test(source[i]!)) i++;
  };
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (source.startsWith("<?", i)) {
        const end = source.indexOf("?>", i);
        if (end < 0) fail("unterminated processing instruction");
        i = end + 2;
      } else if (source.startsWith("<!--", i)) {
        const end = source.indexOf("-->", i);
        if (end < 0) fail("unterminated comment");
        i = end + 3;
      } else if (source.startsWith("<!DOCTYPE", i)) {
        const end = source.indexOf(">", i);
        if (end < 0 || source.slice(i, end).includes("[")) fail("unsupported DOCTYPE");
        i = end + 1;
      } else return;
    }
  };

  const element = (): XmlElement => {
    if (source[i] !== "<") fail("expected an element");
    i++;
    const name = NAME.exec(source.slice(i))?.[0] ?? fail("bad element name");
    i += name.length;
    const el: XmlElement = { name, attrs: {}, children: [], text: "" };
    for (;;) {
      const before = i;
      skipSpace();
      if (source.startsWith("/>", i)) {
        i += 2;
        return el;
      }
      if (source[i] === ">") {
        i++;
        break;
      }
      if (i === before) fail("expected whitespace before an attribute");
      const attr = NAME.exec(source.slice(i))?.[0] ?? fail("bad attribute name");
      i += attr.length;
      skipSpace();
      if (source[i] !== "=") fail("expected =");
      i++;
      skipSpace();
      const quote = source[i];
      if (quote !== '"' && quote !== "'") fail("expected a quoted value");
      const end = source.indexOf(quote!, i + 1);
      if (end < 0) fail("unterminated attribute");
      if (attr in el.attrs) fail(`duplicate attribute ${attr}`);
      el.attrs[attr] = decode(source.slice(i + 1, end), i);
      i = end + 1;
    }
    for (;;) {
      const lt = source.indexOf("<", i);
      if (lt < 0) fail(`unclosed <${name}>`);
      el.text += decode(source.slice(i, lt), i);
      i = lt;
      if (source.startsWith("</", i)) {
        i += 2;
        const close = NAME.exec(source.slice(i))?.[0];
        if (close !== name) fail(`</${close}> closes <${name}>`);
        i += name.length;
        skipSpace();
        if (source[i] !== ">") fail("expected >");
        i++;
        return el;
      }
      if (source.startsWith("<!--", i)) {
        const end = source.indexOf("-->", i);
        if (end < 0) fail("unterminated comment");
        i = end + 3;
        continue;
      }
      el.children.push(element());
    }
  };

  skipMisc();
  const root = element();
  skipMisc();
  if (i !== source.length) fail("content after the root element");
  return root;
}

export function child(el: XmlElement, name: string): XmlElement {
  const found = el.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${el.name}> has no <${name}>`);
  return found;
}
