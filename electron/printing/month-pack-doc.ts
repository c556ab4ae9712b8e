// The month pack's cover (月报封面): what HQ reads first and checks — the office, the month, the
// parts it holds, the SHA-256 of the signed payload, the office's Ed25519 signature and key, the
// manager who signed and when, the audit chain's head, and a QR carrying the same signature. The
// boxes 制表 / 财务主管 / 经理 close it, the manager's filled from the signature. Pure: data in,
// pdfmake nodes out (monthPack/papers.ts puts each part's pages after it).

import { localTime } from './format';
import { COLOR, MARGIN, PAGE, fit, type Node } from './layout';
import { caption, infoRows, titleBand, type OfficeInfo } from './finance-form';
import { signRow } from './signatures';

export interface MonthPackCoverData {
  office: OfficeInfo;
  month: string;
  parts: { key: string; title: string }[];
  sha256: string;
  signature: string;
  keyFingerprint: string;
  signedBy: string;
  signedAt: string;
  auditHead: { seq: number; hash: string };
  qr: string;
  madeBy: string;
}

const W = PAGE.A4P.width - MARGIN.left - MARGIN.right;

/** A long code in lines of `per` characters, in a monospace-like small size. */
function codeLines(text: string, per: number): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < text.length; i += per) out.push(fit(text.slice(i, i + per), W - 120, { size: 7.5 }));
  return out;
}

export function buildMonthPackCover(d: MonthPackCoverData): Node[] {
  const [y, m] = d.month.split('-');
  const signedAt = localTime(d.signedAt, d.office.timezone);
  return [
    titleBand(W, {
      office: d.office.name,
      title: '月报',
      sub: `${y} 年 ${Number(m)} 月 · 报总部`,
      left: [{ text: '经理已签署' }, { text: signedAt, bold: false, color: COLOR.grey }],
      pageNo: 1,
      pageCount: 1,
    }),
    infoRows(
      W,
      [50, '*', 50, '*'],
      [
        [
          ['办事处', d.office.name, true],
          ['月份', `${y} 年 ${Number(m)} 月`, true],
        ],
        [
          ['签署人', `${d.signedBy}(经理)`, true],
          ['签署时间', signedAt],
        ],
      ],
    ),
    caption('本月报包含', W),
    ...d.parts.map((p) => fit(`${p.key}  ${p.title}`, W, { size: 10 })),
    caption('核验 (总部以办事处公钥离线核验: desk verify-pack 文件 --key 公钥)', W),
    {
      columns: [
        {
          width: '*',
          stack: [
            fit('内容 SHA-256', W - 120, { size: 7, color: COLOR.grey }),
            ...codeLines(d.sha256, 64),
            fit('办事处签名 Ed25519', W - 120, { size: 7, color: COLOR.grey }),
            ...codeLines(d.signature, 64),
            fit(`公钥指纹 ${d.keyFingerprint}`, W - 120, { size: 7.5 }),
            fit(`审计链头 第 ${d.auditHead.seq} 条`, W - 120, { size: 7.5 }),
            ...codeLines(d.auditHead.hash, 64),
          ],
        },
        { width: 110, image: d.qr, fit: [110, 110] },
      ],
      columnGap: 8,
    },
    { text: '', margin: [0, 16, 0, 0] },
    signRow(W, [{ label: '制表', name: d.madeBy }, { label: '财务主管' }, { label: '经理', name: d.signedBy, detail: signedAt }], 44),
  ];
}
