// The signed pack as HQ gets it, always from the payload as signed (month_packs), never from the
// books as they are today: the JSON file (monthPack.export), one PDF — the cover
// (printing/month-pack-doc.ts) and each part's pages — and one workbook, a sheet per part.

import type { MonthPackFile } from '../../../shared/contract';
import { fail } from '../../../shared/errors';
import { dateTimeIn } from '../../../shared/time';
import { docDefinition } from '../../printing/blocks';
import { SIZE } from '../../printing/finance-form';
import { PAGE, type Node } from '../../printing/layout';
import { buildMonthPackCover } from '../../printing/month-pack-doc';
import { renderPdf } from '../../printing/pdf';
import { qrPngDataUrl } from '../../printing/qr-image';
import type { ReadableDB } from '../../store/db';
import { sheetsXlsx, type Sheet } from '../export/xlsx';
import { PACK_FORMAT, packQrPayload, type PackPayload } from './file';
import { PARTS, type PackFrame } from './parts';
import { packRow, type PackRow } from './repo';
import { payloadOf } from './service';

export function requirePack(db: ReadableDB, month: string): PackRow {
  return packRow(db, month) ?? fail('month_pack_not_signed', { month });
}

export function packFile(db: ReadableDB, month: string): MonthPackFile {
  const r = requirePack(db, month);
  return { format: PACK_FORMAT, month, payload: r.payload_json, sha256: r.sha256, signature: r.signature, keyFingerprint: r.key_fingerprint };
}

/** The parts the payload holds that this desk can lay out, in key order. */
function signedParts(p: PackPayload) {
  return PARTS.filter((part) => Object.prototype.hasOwnProperty.call(p.parts, part.key));
}

const titleOf = (p: PackPayload, key: string) => p.titles[key]?.zh ?? key;

export function packPdf(db: ReadableDB, month: string, madeBy: string): Promise<{ fileName: string; base64: string; pages: number }> {
  return renderPackPdf(requirePack(db, month), madeBy);
}

/** The PDF of a stored pack: laid out from its payload alone. */
export async function renderPackPdf(r: PackRow, madeBy: string): Promise<{ fileName: string; base64: string; pages: number }> {
  const month = r.month;
  const p = payloadOf(r);
  const office = { ...p.office };
  const frame: PackFrame = { office, month, madeBy };
  const cover = buildMonthPackCover({
    office,
    month,
    parts: Object.keys(p.parts)
      .sort()
      .map((key) => ({ key, title: titleOf(p, key) })),
    sha256: r.sha256,
    signature: r.signature,
    keyFingerprint: r.key_fingerprint,
    signedBy: p.signedBy.name,
    signedAt: p.signedAt,
    auditHead: p.auditHead,
    qr: qrPngDataUrl(packQrPayload(month, r.sha256, r.signature)).dataUrl,
    madeBy,
  });
  const parts: Node[] = signedParts(p).map((part) => ({
    stack: part.content(p.parts[part.key], 'zh', frame),
    pageBreak: 'before',
    pageOrientation: part.orientation,
  }));
  const info = { title: `月报 ${month}`, author: office.name, subject: '月报 报总部' };
  const pdf = await renderPdf(docDefinition(PAGE.A4P, info, SIZE, [...cover, ...parts]));
  return { fileName: `月报_${month}.pdf`, base64: pdf.bytes.toString('base64'), pages: pdf.pages };
}

function coverSheet(r: PackRow, p: PackPayload): Sheet {
  const rows: [string, string | number][] = [
    ['办事处', p.office.name],
    ['月份', p.month],
    [
      '本月报包含',
      Object.keys(p.parts)
        .sort()
        .map((k) => `${k} ${titleOf(p, k)}`)
        .join('、'),
    ],
    ['签署人(经理)', p.signedBy.name],
    ['签署时间', dateTimeIn(new Date(p.signedAt), p.office.timezone)],
    ['内容 SHA-256', r.sha256],
    ['办事处签名 Ed25519', r.signature],
    ['公钥指纹', r.key_fingerprint],
    ['审计链头(条)', p.auditHead.seq],
    ['审计链头哈希', p.auditHead.hash],
  ];
  return {
    title: '封面',
    columns: [
      { header: '项目', format: 'text' },
      { header: '内容', format: 'text' },
    ],
    rows: rows.map(([k, v]) => [k, String(v)]),
    filters: [],
  };
}

export function packXlsx(db: ReadableDB, month: string): { fileName: string; base64: string } {
  return packWorkbook(requirePack(db, month));
}

/** The workbook of a stored pack: the cover sheet and a sheet per part, from its payload alone. */
export function packWorkbook(r: PackRow): { fileName: string; base64: string } {
  const month = r.month;
  const p = payloadOf(r);
  const sheets = [coverSheet(r, p), ...signedParts(p).map((part) => ({ ...part.sheet(p.parts[part.key]), title: `${part.key} ${titleOf(p, part.key)}` }))];
  return { fileName: `月报_${month}.xlsx`, base64: sheetsXlsx(sheets) };
}
