/** Escaping for XML 1.0 text and attribute values. */
import { escapeUnsafe, visibleEscape } from './findings';

/**
 * Characters XML 1.0 cannot carry at all, not even as references: C0 controls other than tab, line feed and
 * carriage return; U+FFFE and U+FFFF; and unpaired surrogates. They are written as a visible `\uXXXX` instead.
 */
// eslint-disable-next-line no-control-regex -- these control characters are what the pattern is for
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;

/** What XML carries safely as references; every other control and bidi character is escaped (`escapeUnsafe`). */
const KEPT = '\t\n\r';

const ENTITIES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;',
  '\t': '&#9;', '\n': '&#10;', '\r': '&#13;',
};

/** Text content: markup characters escaped; a carriage return kept as a reference so parsers do not fold it. */
export function escapeXmlText(text: string): string {
  return escapeUnsafe(text.replace(FORBIDDEN, visibleEscape), KEPT).replace(/[&<>\r]/g, (char) => ENTITIES[char]);
}

/** An attribute value in double quotes: tabs and line breaks kept as references, which parsers do not normalise. */
export function escapeXmlAttribute(text: string): string {
  return escapeUnsafe(text.replace(FORBIDDEN, visibleEscape), KEPT).replace(/[&<>"'\t\n\r]/g, (char) => ENTITIES[char]);
}
