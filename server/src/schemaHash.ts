/**
 * What dist/validators/manifest.json records of each schema file's text, and what
 * precompiledValidators.ts checks before it uses a validator generated from that file: the
 * CRC-32 (IEEE, as zip and zlib) of the text's UTF-8 bytes and their count. It only has to tell a
 * schema text from an older one (an accidental change goes unseen once in 2^32), not resist a
 * forger, and node:crypto's start-up cost a cold lint more than all the rest of the check. A
 * process's first kilobytes are hashed by a table in JavaScript, cheaper than loading zlib; past
 * them (a large file, or many files in a long run) zlib's native crc32, where Node has it (20.15+,
 * 22.2+). scripts/build-validators.mjs runs this same file.
 */
type Crc32 = (data: string | Uint8Array) => number;

/** Past this many bytes hashed in a process, loading zlib costs less than the loop below (Node 20). */
const NATIVE_AFTER_BYTES = 192 * 1024;
let hashedBytes = 0;
/** zlib's crc32 once loaded (null where Node has none), undefined before. */
let native: Crc32 | null | undefined;
let table: Int32Array | undefined;

function crcTable(): Int32Array {
  const out = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    out[n] = c;
  }
  return out;
}

/** CRC-32 in JavaScript (exported for the tests, which compare it with zlib's). */
export function crc32InScript(bytes: Uint8Array): number {
  table ??= crcTable();
  let crc = -1;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

function nativeCrc32(): Crc32 | null {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  native ??= (require('node:zlib') as { crc32?: Crc32 }).crc32 ?? null;
  return native;
}

/** `<crc32 in hex>-<UTF-8 length>` of the text. */
export function schemaTextHash(text: string): string {
  const length = Buffer.byteLength(text, 'utf8');
  hashedBytes += length;
  // zlib encodes the text itself: no Buffer of a large file's size to allocate (and collect).
  const native = hashedBytes > NATIVE_AFTER_BYTES ? nativeCrc32() : null;
  const crc = native ? native(text) : crc32InScript(Buffer.from(text, 'utf8'));
  return `${crc.toString(16).padStart(8, '0')}-${length}`;
}
