import { describe, expect, it } from 'vitest';
import { MAX_FEN } from '../../shared/money';
import { MAX_QTY, Qty } from '../../shared/contract';
import { translate } from '../../renderer/src/i18n';
import {
  amountFen,
  formatFenSafe,
  hasValidEanCheck,
  looksLikeBarcode,
  parseMoney,
  parseQty,
  refusalText,
  toHalfWidth,
  type Parsed,
} from '../../renderer/src/numbers';
import { lineAmountFen, lineAmountOver, overLines, totals, type EditLine } from '../../renderer/src/slip/lines';

const value = (p: Parsed) => (p.ok ? p.value : `refused:${p.refusal.reason}`);

describe('typed quantities', () => {
  it('reads whole numbers, full-width digits, separators and spaces', () => {
    expect(value(parseQty('45'))).toBe(45);
    expect(value(parseQty('４５'))).toBe(45);
    expect(value(parseQty('  12 '))).toBe(12);
    expect(value(parseQty('\u3000１２\u3000'))).toBe(12);
    expect(value(parseQty('1,234'))).toBe(1234);
    expect(value(parseQty('1，234'))).toBe(1234);
    expect(value(parseQty('１，２３４'))).toBe(1234);
    expect(value(parseQty('3.0'))).toBe(3);
    expect(value(parseQty('0', { min: 0 }))).toBe(0);
  });

  it('refuses decimals, letters, bad separators and empty text instead of rounding', () => {
    expect(value(parseQty('3.5'))).toBe('refused:decimal');
    expect(value(parseQty('４５．５'))).toBe('refused:decimal');
    expect(value(parseQty('3.05'))).toBe('refused:decimal');
    expect(value(parseQty('abc'))).toBe('refused:notNumber');
    expect(value(parseQty('12a'))).toBe('refused:notNumber');
    expect(value(parseQty('1e3'))).toBe('refused:notNumber');
    expect(value(parseQty('12,34'))).toBe('refused:notNumber');
    expect(value(parseQty('1..2'))).toBe('refused:notNumber');
    expect(value(parseQty(''))).toBe('refused:empty');
    expect(value(parseQty('   '))).toBe('refused:empty');
  });

  it('keeps to the core bounds (Qty schema max) and the field minimum', () => {
    expect(Qty.safeParse(MAX_QTY).success).toBe(true);
    expect(Qty.safeParse(MAX_QTY + 1).success).toBe(false);
    expect(value(parseQty('1,000,000,000'))).toBe(MAX_QTY);
    expect(value(parseQty('1,000,000,001'))).toBe('refused:tooLarge');
    expect(value(parseQty('999,999,999,999,999,999,999'))).toBe('refused:tooLarge');
    expect(value(parseQty('0'))).toBe('refused:tooSmall');
    expect(value(parseQty('-3'))).toBe('refused:tooSmall');
    expect(value(parseQty('－３', { min: 0 }))).toBe('refused:tooSmall');
    expect(value(parseQty('5', { max: 4 }))).toBe('refused:tooLarge');
  });

  it('takes 8+ plain digits or a valid EAN for a barcode, not a quantity', () => {
    expect(hasValidEanCheck('6923456000100')).toBe(true);
    expect(hasValidEanCheck('6923456000101')).toBe(false);
    expect(hasValidEanCheck('96385074')).toBe(true); // EAN-8
    expect(looksLikeBarcode('6923456000100')).toBe(true);
    expect(looksLikeBarcode('６９２３４５６０００１００')).toBe(true);
    expect(looksLikeBarcode('12345678')).toBe(true);
    expect(looksLikeBarcode('1234567')).toBe(false);
    expect(looksLikeBarcode('12,345,678')).toBe(false); // separators: a quantity someone meant
    expect(value(parseQty('6923456000100'))).toBe('refused:barcode');
    expect(value(parseQty('12,345,678'))).toBe(12_345_678);
  });

  it('says in Chinese and English what the field must be', () => {
    const r = parseQty('3.5');
    if (r.ok) throw new Error('taken');
    expect(refusalText(r.refusal, (k, v) => translate('zh', k, v))).toBe('数量不能有小数:须为 1 到 1,000,000,000 的整数,“3.5”未接受');
    expect(refusalText(r.refusal, (k, v) => translate('en', k, v))).toBe(
      'Qty cannot have decimals: it must be a whole number from 1 to 1,000,000,000; "3.5" was not taken',
    );
    const b = parseQty('6923456000100');
    if (b.ok) throw new Error('taken');
    expect(refusalText(b.refusal, (k, v) => translate('zh', k, v))).toContain('这像是条码,不是数量');
    expect(refusalText(b.refusal, (k, v) => translate('en', k, v))).toContain('looks like a barcode, not a quantity');
  });
});

describe('typed money', () => {
  it('reads yuan with at most two decimals into fen, full-width and with separators', () => {
    expect(value(parseMoney('52'))).toBe(5200);
    expect(value(parseMoney('58.5'))).toBe(5850);
    expect(value(parseMoney('1,234.50'))).toBe(123450);
    expect(value(parseMoney('1，234'))).toBe(123400);
    expect(value(parseMoney('４５．５'))).toBe(4550);
    expect(value(parseMoney('¥12.30'))).toBe(1230);
    expect(value(parseMoney('￥１２'))).toBe(1200);
    expect(value(parseMoney('.5'))).toBe(50);
    expect(value(parseMoney('1.230'))).toBe(123); // a trailing zero is not a third decimal
    expect(value(parseMoney('-3', { min: -MAX_FEN }))).toBe(-300);
    expect(value(parseMoney('－0'))).toBe(0);
  });

  it('refuses a third decimal, letters, negatives where not allowed, and beyond MAX_FEN', () => {
    expect(value(parseMoney('1.234'))).toBe('refused:tooManyDecimals');
    expect(value(parseMoney('12元'))).toBe('refused:notNumber');
    expect(value(parseMoney('abc'))).toBe('refused:notNumber');
    expect(value(parseMoney('-3'))).toBe('refused:tooSmall');
    expect(value(parseMoney('100,000,000,000'))).toBe(MAX_FEN);
    expect(value(parseMoney('100,000,000,000.01'))).toBe('refused:tooLarge');
    expect(value(parseMoney('99999999999999999999'))).toBe('refused:tooLarge');
    expect(value(parseMoney(''))).toBe('refused:empty');
    const r = parseMoney('1.234', { field: 'unitCost' });
    if (r.ok) throw new Error('taken');
    expect(refusalText(r.refusal, (k, v) => translate('zh', k, v))).toBe('单位成本最多两位小数(到分),“1.234”未接受');
  });
});

describe('amounts never throw', () => {
  const line = (qty: number, unitCostFen: number | null): EditLine => ({
    key: 'k',
    itemId: 1,
    itemCode: 'A',
    itemName: 'a',
    spec: '',
    unit: '片',
    qty,
    unitCostFen,
    enteredAmountFen: null,
    priceFen: null,
    sourceLineId: null,
    memo: '',
    returnableQty: null,
    shippedQty: null,
  });
  it('qty × unit beyond MAX_FEN is marked, left out of the total, and formats as a dash', () => {
    expect(amountFen(4, 5200)).toBe(20800);
    expect(amountFen(6923456000100, 5200)).toBeNull();
    expect(amountFen(MAX_QTY, MAX_FEN)).toBeNull();
    const lines = [line(4, 5200), line(MAX_QTY, 1_000_000_00)];
    expect(lineAmountFen(lines[1])).toBeNull();
    expect(lineAmountOver(lines[1])).toBe(true);
    expect(lineAmountOver(line(3, null))).toBe(false);
    expect(overLines(lines)).toEqual([2]);
    expect(totals(lines)).toEqual({ qty: 4 + MAX_QTY, amountFen: 20800 });
    expect(formatFenSafe(6923456000100 * 5200)).toBe('—');
    expect(toHalfWidth(' ４５．５ ')).toBe('45.5');
  });
});
