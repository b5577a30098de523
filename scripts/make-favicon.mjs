// Writes src/web/assets/favicon.ico: a 32×32 PNG (a blue disc, the console's primary colour) in
// an ICO container, so /favicon.ico answers without an image toolchain. Run: node scripts/make-favicon.mjs
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import zlib from 'node:zlib';

const size = 32;
const [r, g, b] = [0x01, 0x72, 0xad];
const rows = [];
for (let y = 0; y < size; y++) {
  const row = Buffer.alloc(1 + size * 4);
  for (let x = 0; x < size; x++) {
    const d = Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2);
    const alpha = Math.round(255 * Math.max(0, Math.min(1, size / 2 - 0.5 - d + 0.5)));
    // A white ring inside the disc: the "C" of circuit, open on the right.
    const ring = d > 6 && d < 10 && !(x > size / 2 + 2 && Math.abs(y + 0.5 - size / 2) < 4);
    row.set(ring ? [255, 255, 255, alpha] : [r, g, b, alpha], 1 + x * 4);
  }
  rows.push(row);
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(size, 0);
ihdr.writeUInt32BE(size, 4);
ihdr.set([8, 6, 0, 0, 0], 8);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
  chunk('IEND', Buffer.alloc(0)),
]);
const header = Buffer.alloc(6 + 16);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(1, 4);
header.set([size, size, 0, 0], 6);
header.writeUInt16LE(1, 10);
header.writeUInt16LE(32, 12);
header.writeUInt32LE(png.length, 14);
header.writeUInt32LE(22, 18);
fs.writeFileSync(new URL('../src/web/assets/favicon.ico', import.meta.url), Buffer.concat([header, png]));
console.log(`favicon.ico written: ${22 + png.length} bytes`);
