// Mends the documentation text of the CloudFormation spec, used by generate-cfn-schemas.mjs:
// product names the spec dropped ("an Amazon  topic": a name macro left empty), spaces before
// punctuation, and words glued together. Only holes whose name the words around them tell are
// filled; any other hole is closed to one space rather than guessed.

/** A dropped name, told by the word after the hole. */
const HOLES = [
  // KMS: keys, customer managed keys, multi-Region keys, encryption with KMS.
  [
    /\bAWS {2}(?=(?:managed |customer managed |multi-Region )?keys?\b|customer managed\b|encryption\b|multi-Region\b|key ARN\b)/g,
    'AWS KMS ',
  ],
  // SNS: topics and their subscriptions.
  [/\bAmazon {2}(?=topics?\b|subscriptions?\b)/g, 'Amazon SNS '],
];

/** Words the spec glued together. */
const GLUED = [
  [/\binformationabout\b/g, 'information about'],
  [/\bofthe\b/g, 'of the'],
];

/** The text with the holes, stray spaces and glued words mended. */
export function mendDocText(text) {
  let out = text;
  for (const [pattern, replacement] of HOLES) out = out.replace(pattern, replacement);
  // Any other hole: one space, no guess.
  out = out.replace(/\b(AWS|Amazon) {2,}(?=\S)/g, '$1 ');
  for (const [pattern, replacement] of GLUED) out = out.replace(pattern, replacement);
  // A space before punctuation that ends a clause ("the key , and" / "a bucket ."), outside code
  // spans (`! " # , - .` lists characters) and only after a word, not after other punctuation.
  const spans = [];
  out = out.replace(/`[^`\n]*`/g, (span) => `\uE000${spans.push(span) - 1}\uE000`);
  out = out.replace(/([\w*\])\uE000]) +([.,;:!?)])(?=\s|$)/g, '$1$2');
  out = out.replace(/\( +(?=\w)/g, '(');
  out = out.replace(/\uE000(\d+)\uE000/g, (_, index) => spans[Number(index)]);
  return out;
}

/** The spec's markdown, or undefined when it is missing, blank or a stringified "undefined". */
export function cleanDoc(text) {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (!trimmed || trimmed === 'undefined' || trimmed === 'null') return undefined;
  return mendDocText(trimmed);
}
