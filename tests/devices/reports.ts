// Recorded HID-POS input reports, 64 bytes each as node-hid hands them over (report id first),
// written out byte by byte from the layouts in electron/devices/hid/report.ts: what a Honeywell
// and a Newland scanner send for an EAN-13, a long QR split over two reports, and a GS1 DataMatrix.
// The fake transport replays them; nothing here is produced by the code under test.

/** A 64-byte report: `head` bytes from 0, `tail` bytes from index 61 (vendor id, reserved, continued). */
function report(head: (number | string)[], tail: [number, number, number] = [0, 0, 0]): Buffer {
  const buf = Buffer.alloc(64);
  let at = 0;
  for (const h of head) {
    if (typeof h === 'number') buf[at++] = h;
    else at += buf.write(h, at, 'latin1');
  }
  buf[61] = tail[0];
  buf[62] = tail[1];
  buf[63] = tail[2];
  return buf;
}

const GS = '\x1d';

/** Honeywell: EAN-13 6923456000100, AIM ]E0 in bytes 2–4, Honeywell code id 'd' (0x64) at 61. */
export const HONEYWELL_EAN13 = [report([0x02, 13, ']E0', '6923456000100'], [0x64, 0, 0])];

/** Newland: the same EAN-13 with the AIM id in the data (length 16 = 3 + 13), Newland code id at 62. */
export const NEWLAND_EAN13 = [report([0x02, 16, ']E06923456000100'], [0, 0x64, 0])];

/** A QR of 72 characters from a Honeywell scanner: 56 bytes with the continued bit, then 16. */
export const QR_TEXT = 'LONG-QR-' + 'A1B2C3D4'.repeat(7) + '-END-OF-CODE';
export const HONEYWELL_QR_CONTINUED = [
  report([0x02, 56, ']Q1', QR_TEXT.slice(0, 56)], [0x73, 0, 1]),
  report([0x02, QR_TEXT.length - 56, '\0\0\0', QR_TEXT.slice(56)], [0x73, 0, 0]),
];

/** The same QR from a Newland scanner: data (with the AIM id) from byte 2, continued bit in 63. */
const NL_QR = ']Q1' + QR_TEXT;
export const NEWLAND_QR_CONTINUED = [report([0x02, 56, NL_QR.slice(0, 56)], [0, 0, 1]), report([0x02, NL_QR.length - 56, NL_QR.slice(56)], [0, 0, 0])];

/** A GS1 DataMatrix on a case of CZ-8801: (01) GTIN-14 16923456000107 (17) 2027-06-30 (10) LOT42 GS (21) SN7 — Honeywell layout. */
export const GS1_CASE_GTIN = '16923456000107';
export const HONEYWELL_GS1_DATAMATRIX = (() => {
  const data = `01${GS1_CASE_GTIN}17270630` + `10LOT42${GS}21SN7`;
  return [report([0x02, data.length, ']d2', data], [0x77, 0, 0])];
})();

/** A GS1-128 logistic label from a Newland scanner: (02) 06923456000100 (37) 24 GS (10) L9 — 24 of CZ-8801, AIM id in the data. */
export const NEWLAND_GS1_128_LOGISTIC = (() => {
  const data = `]C10206923456000100` + `3724${GS}10L9`;
  return [report([0x02, data.length, data], [0, 0x6a, 0])];
})();
