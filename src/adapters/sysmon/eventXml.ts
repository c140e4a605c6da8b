/**
 * A small, dependency-free reader for the flat XML of one Windows-style event, as Sysmon (Linux or
 * Windows) renders it: `<Event><System>...</System><EventData><Data Name="...">value</Data>...`.
 * Not a general XML parser: no nesting beyond that shape, no CDATA, no namespaces.
 */
export interface EventXml {
  system: {
    provider?: string;
    eventId?: string;
    recordId?: string;
    systemTime?: string;
    channel?: string;
    computer?: string;
  };
  /** Complete `<Data>` elements only: a value cut off by truncation is left out, not kept partial. */
  data: Record<string, string>;
  /** The document does not end with `</Event>`: it was cut, e.g. by syslog's message size limit. */
  truncated: boolean;
}

export function readEventXml(xml: string): EventXml {
  const system = section(xml, 'System');
  return {
    system: {
      provider: attribute(system, 'Provider', 'Name'),
      eventId: elementText(system, 'EventID'),
      recordId: elementText(system, 'EventRecordID'),
      systemTime: attribute(system, 'TimeCreated', 'SystemTime'),
      channel: elementText(system, 'Channel'),
      computer: elementText(system, 'Computer'),
    },
    data: dataElements(section(xml, 'EventData')),
    truncated: !/<\/Event\s*>\s*$/.test(xml),
  };
}

const entityPattern = /&(lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;
const namedEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** One pass, so `&amp;lt;` becomes `&lt;`, not `<`. Unknown entities and invalid code points stay as written. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(entityPattern, (whole, name: string) => {
    const named = namedEntities[name];
    if (named !== undefined) return named;
    const codePoint = name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
  });
}

/** The inside of `<Tag>...</Tag>`, or everything after `<Tag>` when the closing tag was cut off. */
function section(xml: string, tag: string): string {
  const open = new RegExp(`<${tag}(?:\\s[^>]*)?>`).exec(xml);
  if (!open) return '';
  const start = open.index + open[0].length;
  const end = xml.indexOf(`</${tag}>`, start);
  return end < 0 ? xml.slice(start) : xml.slice(start, end);
}

function elementText(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
  return m ? decodeXmlEntities(m[1]!) : undefined;
}

function attribute(xml: string, tag: string, name: string): string | undefined {
  const m = new RegExp(`<${tag}\\s[^>]*?\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(xml);
  return m ? decodeXmlEntities(m[1] ?? m[2]!) : undefined;
}

const dataPattern = /<Data\s+Name\s*=\s*(?:"([^"]*)"|'([^']*)')\s*(?:\/>|>([^<]*)<\/Data>)/g;

/** Built with fromEntries so a `Data Name="__proto__"` is an ordinary key, not a prototype change. */
function dataElements(eventData: string): Record<string, string> {
  const entries = [...eventData.matchAll(dataPattern)].map((m) => [decodeXmlEntities(m[1] ?? m[2]!), decodeXmlEntities(m[3] ?? '')] as const);
  return Object.fromEntries(entries);
}
