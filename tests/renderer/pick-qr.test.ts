// The pick screens' reading of a scanned slip QR (screens/Pick/pickQr.ts): a signed dispatch or an
// approved return still in draft opens for picking; anything else says why, naming the slip.
import { describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract';
import { pickTargetOf } from '../../renderer/src/screens/Pick/pickQr';

type QrCheck = Output<'documents.verifyQr'>;
type Summary = NonNullable<QrCheck['slip']>;

const slip = (over: Partial<Summary> = {}): Summary => ({
  id: 7,
  no: 'FH202611290007',
  kind: 'dispatch',
  state: 'draft',
  businessDate: '2026-11-29',
  customerName: '吉野建材',
  supplierName: null,
  deliveryNoteNo: null,
  paymentMode: 'cash',
  sourceSlipNo: null,
  preGoLive: false,
  totalQty: 3,
  totalAmountFen: 300,
  createdAt: 'c',
  postedAt: null,
  reversedBy: null,
  missingSignatures: [],
  carrier: null,
  lineCount: 1,
  contentHash: 'h',
  ...over,
});
const check = (status: QrCheck['status'], s: Summary | null = slip()): QrCheck => ({
  status,
  message_zh: '',
  message_en: '',
  no: s?.no ?? null,
  printedHash: 'h',
  slip: s,
});

describe('a slip QR scanned on the pick screen', () => {
  it('opens a signed dispatch and an approved return in draft', () => {
    expect(pickTargetOf(check('genuine'))).toEqual({ open: 7, no: 'FH202611290007' });
    expect(pickTargetOf(check('genuine', slip({ id: 9, no: 'TH202611290001', kind: 'return' })))).toEqual({ open: 9, no: 'TH202611290001' });
  });

  it('says why any other slip cannot be picked', () => {
    const why = (c: QrCheck) => {
      const a = pickTargetOf(c);
      return 'open' in a ? 'open' : [a.key, a.why ?? null];
    };
    expect(why(check('genuine', slip({ missingSignatures: ['finance'] })))).toEqual(['pick.qrNotReady', 'pick.qrWhyUnsigned']);
    expect(why(check('genuine', slip({ state: 'posted' })))).toEqual(['pick.qrNotReady', 'pick.qrWhyPosted']);
    expect(why(check('reversed', slip({ state: 'posted', reversedBy: { id: 8, no: 'HC202611290001' } })))).toEqual(['pick.qrNotReady', 'pick.qrWhyPosted']);
    expect(why(check('void', slip({ state: 'void' })))).toEqual(['pick.qrNotReady', 'pick.qrWhyVoid']);
    expect(why(check('genuine', slip({ kind: 'inbound', no: 'JC202611290001' })))).toEqual(['pick.qrNotReady', 'pick.qrWhyKind']);
    expect(why(check('altered'))).toEqual(['pick.qrAltered', null]);
    expect(why(check('foreign', null))).toEqual(['pick.qrForeign', null]);
    expect(pickTargetOf(check('altered'))).toMatchObject({ no: 'FH202611290007' });
  });
});
