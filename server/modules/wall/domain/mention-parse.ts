// Mentions are written in the text as @username (the web's autocomplete inserts them). Usernames are
// Latin letters, digits and . _ - (the staff form's rule), so the text after them — Persian or not — ends them.

const MENTION = /(^|[^\p{L}\p{N}._@-])@([a-z0-9._-]{3,50})/giu;

/**
 * The usernames named in a text, lowercased, each once, in order of appearance. An address such as
 * info@example.com is not a mention (a letter before the @), and a full stop ending a sentence is not
 * part of the name.
 */
export function parseMentions(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(MENTION)) {
    const name = m[2]!.toLowerCase().replace(/\.+$/, '');
    if (name.length >= 3) out.add(name);
  }
  return [...out];
}

/**
 * The text with each @username wrapped in a left-to-right isolate (U+2066…U+2069), for places that show
 * the post as plain text in a right-to-left line (the timeline): otherwise «@sara.m» reads «sara.m@».
 */
export const isolateMentions = (text: string) => text.replace(MENTION, '$1\u2066@$2\u2069');
