// Reads ESC/POS bytes back as a person would read the paper: the text in GBK, one line per LF,
// with the commands the receipt builder sends (electron/devices/receipt/escpos.ts) shown as marks:
// [center] [bold] [big] [QR:…] [CODE128:…] [feed 3] [CUT]. An unknown command fails the read, so a
// stray byte shows up in a test instead of on paper.

import iconv from 'iconv-lite';

const ALIGNS = ['left', 'center', 'right'];

function readGsParenK(b: Buffer, i: number, out: string[]): number {
  const len = b[i + 3] | (b[i + 4] << 8);
  const fn = b[i + 6];
  if (fn === 0x50) out.push(`[QR:${b.subarray(i + 8, i + 5 + len).toString('utf8')}]`);
  return i + 5 + len;
}

/** One command at b[i]: its mark (if any) pushed, the index after it returned. */
function readCommand(b: Buffer, i: number, out: string[]): number {
  const [c, d, n] = [b[i], b[i + 1], b[i + 2]];
  if (c === 0x1b && d === 0x40) return i + 2;
  if (c === 0x1c && d === 0x26) return (out.push('[chinese]'), i + 2);
  if (c === 0x1b && d === 0x61) return (out.push(`[${ALIGNS[n]}]`), i + 3);
  if (c === 0x1b && d === 0x45) return (out.push(n ? '[bold]' : '[/bold]'), i + 3);
  if (c === 0x1d && d === 0x21) return (out.push(n ? '[big]' : '[/big]'), i + 3);
  if (c === 0x1c && d === 0x21) return i + 3;
  if (c === 0x1b && d === 0x64) return (out.push(`[feed ${n}]\n`), i + 3);
  if (c === 0x1d && (d === 0x68 || d === 0x77 || d === 0x48)) return i + 3;
  if (c === 0x1d && d === 0x28 && n === 0x6b) return readGsParenK(b, i, out);
  if (c === 0x1d && d === 0x6b && n === 73) {
    const len = b[i + 3];
    out.push(`[CODE128:${b.subarray(i + 6, i + 4 + len).toString('ascii')}]`);
    return i + 4 + len;
  }
  if (c === 0x1d && d === 0x56 && n === 0x42) return (out.push('[CUT]'), i + 4);
  throw new Error(`unknown ESC/POS command at ${i}: ${b.subarray(i, i + 4).toString('hex')}`);
}

/** The bytes as marked text: GBK decoded, commands as marks. */
export function readEscpos(b: Buffer): string {
  const out: string[] = [];
  let text: number[] = [];
  const flush = () => {
    if (text.length) out.push(iconv.decode(Buffer.from(text), 'gbk'));
    text = [];
  };
  for (let i = 0; i < b.length;) {
    const c = b[i];
    if (c === 0x1b || c === 0x1c || c === 0x1d) {
      flush();
      i = readCommand(b, i, out);
    } else if (c === 0x0a) {
      flush();
      out.push('\n');
      i++;
    } else {
      text.push(c);
      i++;
    }
  }
  flush();
  return out.join('');
}

/** Only the printed text lines (marks removed), as the paper shows them. */
export function escposText(b: Buffer): string[] {
  return readEscpos(b)
    .replace(/\[[^\]\n]*\]/g, '')
    .split('\n');
}
