// documents.verifyQr: a scanned slip QR — is it this office's, and does the paper still match the
// books? The QR's format and its signature check are pure (qr.ts); the books are read here.

import { SLIP_KIND_ZH, type QrCheck, type Slip, type SlipKind } from '../../../shared/contract';
import type { ReadableDB } from '../../store/db';
import { requireOffice } from '../office/repo';
import { slipIdByNo, slipRowByNo, slipView } from '../slips/repo';
import { officePublicKeyPems } from '../../ledger/officeKey';
import { verifyQrPayload, type QrVerdict } from './qr';

const KIND_EN: Record<SlipKind, string> = {
  inbound: 'inbound slip',
  dispatch: 'dispatch slip',
  return: 'return slip',
  reversal: 'reversal slip',
  opening: 'opening slip',
  count: 'stock count',
  writeoff: 'write-off slip',
  hqReturn: 'return to HQ slip',
  repair: 'repair slip',
};

function summaryOf(slip: Slip): NonNullable<QrCheck['slip']> {
  return {
    id: slip.id,
    no: slip.no,
    kind: slip.kind,
    state: slip.state,
    businessDate: slip.businessDate,
    customerName: slip.customerName,
    supplierName: slip.supplierName,
    deliveryNoteNo: slip.deliveryNoteNo,
    paymentMode: slip.paymentMode,
    sourceSlipNo: slip.sourceSlipNo,
    preGoLive: slip.preGoLive,
    totalQty: slip.totalQty,
    totalAmountFen: slip.totalAmountFen,
    createdAt: slip.createdAt,
    postedAt: slip.postedAt,
    reversedBy: slip.reversedBy,
    missingSignatures: slip.missingSignatures,
    carrier: slip.carrier,
    lineCount: slip.lines.length,
    contentHash: slip.contentHash,
  };
}

function foreign(zh: string, en: string, no: string | null = null, hash: string | null = null): QrCheck {
  return { status: 'foreign', message_zh: zh, message_en: en, no, printedHash: hash, slip: null };
}

/** A QR signed with any key the office has used (the current one first; retired keys still verify what they signed). */
function verifyByAnyKey(payload: string, publicKeyPems: string[]): QrVerdict {
  const verdicts = publicKeyPems.map((pem) => verifyQrPayload(payload, pem));
  return verdicts.find((v) => v.valid) ?? verdicts[0];
}

/** documents.verifyQr: is the QR this office's, and does the paper still match the books? */
export function verifyQr(db: ReadableDB, payload: string): QrCheck {
  const office = requireOffice(db);
  const verdict = verifyByAnyKey(payload, officePublicKeyPems(db));
  if (!verdict.valid) {
    if (verdict.reason === 'malformed') return foreign('不是本系统的单据二维码', 'Not a Branch Desk slip QR code');
    return foreign(
      `二维码签名无效: 不是本办事处(${office.name})签发的单据, 或已被篡改`,
      `The QR signature does not verify: not issued by this office (${office.name}), or tampered with`,
      verdict.no,
      verdict.hash,
    );
  }
  if (slipIdByNo(db, verdict.no) === undefined)
    return foreign(
      `签名有效, 但本办事处账上没有单据 ${verdict.no}`,
      `The signature verifies, but the books have no slip ${verdict.no}`,
      verdict.no,
      verdict.hash,
    );
  const slip = slipView(db, slipRowByNo(db, verdict.no));
  return { ...paperVerdict(slip, verdict.hash), no: verdict.no, printedHash: verdict.hash, slip: summaryOf(slip) };
}

/** A genuine QR of a slip the books have: does the paper still stand? */
function paperVerdict(slip: Slip, printedHash: string): Pick<QrCheck, 'status' | 'message_zh' | 'message_en'> {
  const zh = `${SLIP_KIND_ZH[slip.kind]} ${slip.no}`;
  const en = `${KIND_EN[slip.kind]} ${slip.no}`;
  if (slip.contentHash !== printedHash)
    return {
      status: 'altered',
      message_zh: `${zh} 打印后内容已变更: 纸面与账簿不符, 以账簿为准`,
      message_en: `${en} has changed since this paper was printed: the paper does not match the books`,
    };
  if (slip.state === 'void') return { status: 'void', message_zh: `${zh} 已作废, 此单据无效`, message_en: `${en} was voided; this paper is not valid` };
  if (slip.reversedBy)
    return {
      status: 'reversed',
      message_zh: `${zh} 是本办事处的真实单据, 但已被红字冲销(${slip.reversedBy.no})`,
      message_en: `${en} is genuine but has been reversed by ${slip.reversedBy.no}`,
    };
  const missing = slip.missingSignatures;
  const state =
    slip.state === 'posted' ? '已过账' : `草稿, 尚未过账${missing.length ? `; 缺签字: ${missing.map((r) => ROLE_ZH_SHORT[r] ?? r).join('、')}` : ''}`;
  const stateEn = slip.state === 'posted' ? 'posted' : `a draft, not yet posted${missing.length ? `; still needs: ${missing.join(', ')}` : ''}`;
  return {
    status: 'genuine',
    message_zh: `${zh} 是本办事处的真实单据, 与账簿一致(${state})`,
    message_en: `${en} is genuine and matches the books (${stateEn})`,
  };
}

const ROLE_ZH_SHORT: Record<string, string> = { manager: '经理签发', finance: '财务' };
