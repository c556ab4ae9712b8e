// The signature boxes at the foot of a slip or a finance paper: label, the signer's name in bold,
// role and time, and the signer's signature image when the desk has one.

import { COLOR, boxWidths, fit, type Node } from './layout';
import { gridTable } from './grid';

export interface SignBox {
  label: string;
  name?: string;
  detail?: string;
  /** the signer's signature image (PNG data URL), drawn at the right of the box */
  image?: string;
}

/** The boxes with each signer's image (user name → PNG data URL) where there is one. */
export function withSignatureImages(signs: SignBox[], images: Record<string, string> | undefined): SignBox[] {
  return signs.map((b) => (b.name && images?.[b.name] ? { ...b, image: images[b.name] } : b));
}

/** One signature box: label, the signer's name in bold, role and time; the signer's image at the
 * right of the label and name (above the role and time line), scaled to fit keeping its aspect.
 * w is the box width, h its height. */
export function signCell(b: SignBox, w: number, h: number): Node {
  const detail: Node = b.detail ? fit(b.detail, w - 6, { size: 6.5, color: COLOR.grey }) : { text: '' };
  const name: Node = b.name ? fit(b.name, w - 6, { size: 9.5, bold: true }) : { text: ' ', fontSize: 9.5 };
  if (!b.image) return { stack: [fit(b.label, w - 6, { size: 7, color: COLOR.grey }), name, detail] };
  const ih = Math.max(12, h - 14);
  const iw = Math.min(Math.round((w - 6) * 0.55), ih * 3);
  const tw = w - 6 - iw - 2;
  return {
    stack: [
      {
        columns: [
          {
            width: '*',
            stack: [fit(b.label, tw, { size: 7, color: COLOR.grey }), b.name ? fit(b.name, tw, { size: 9.5, bold: true }) : { text: ' ', fontSize: 9.5 }],
          },
          { width: iw, image: b.image, fit: [iw, ih], alignment: 'right' },
        ],
        columnGap: 2,
      },
      detail,
    ],
  };
}

/** Signature boxes side by side across the width W, `height` pt tall. */
export function signRow(W: number, signs: SignBox[], height: number): Node {
  const w = boxWidths(
    W,
    signs.map(() => '*' as const),
  );
  return {
    ...gridTable({
      boxes: w,
      heights: [height],
      pad: { x: 3, top: 1.5, bottom: 0 },
      body: [signs.map((b, i) => signCell(b, w[i], height))],
    }),
    margin: [0, 4, 0, 0],
  };
}
