/**
 * What dist/validators/manifest.json records of each schema file's text, and what
 * precompiledValidators.ts checks before it uses a validator generated from that file: the
 * CRC-32 (IEEE, as zip and zlib) of the text's UTF-8 bytes and their count. It only has to tell a
 * schema text from an older one (an accidental change goes unseen once in 2^32), not resist a
 * forger, and node:crypto's start-up cost a cold lint more than all the rest of the check. Large
 * texts use zlib's native crc32 where Node has it (20.15+, 22.2+); others a table in JavaScript,
 * cheaper than loading zlib. scripts/build-validators.mjs runs this same file.
 */
/** Past this many bytes, loading zlib costs less than the loop below (measured on Node 20). */
const NATIVE_FROM_BYTES = 192 * 1024;
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

function crc32(bytes: Uint8Array): number {
  table ??= crcTable();
  let crc = -1;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** `<crc32 in hex>-<UTF-8 length>` of the text. */
export function schemaTextHash(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  let crc: number | undefined;
  if (bytes.length >= NATIVE_FROM_BYTES) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const zlib = require('node:zlib') as { crc32?: (data: Uint8Array) => number };
    crc = zlib.crc32?.(bytes);
  }
  crc ??= crc32(bytes);
  return `${crc.toString(16).padStart(8, '0')}-${bytes.length}`;
}
