// The bench office: sizes, the master data to create, and the demand model (how popular each item
// is, how much of it a dispatch line takes, how HQ restocks it). The generator and the timed part
// both derive the model from the items in the database, so they agree without a side file.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OfficeFixture } from '../../electron/demo/seed';
import type { DB } from '../../electron/store/db';
import { rng, WeightedSampler } from './stats';

/** Bump when the generated data changes shape; the cached database is keyed by it. */
export const GEN_VERSION = 3; // 2: the history books each sale's money (the slips service owns stock and money); 3: reversals carry the manager's (and finance's) signature
export const SEED = 20261129;

export interface Variant {
  name: 'full' | 'small';
  items: number;
  customers: number;
  moves: number;
  /** the hot item should reach at least this many moves */
  hotMoves: number;
  /** the "long history" item: the non-hot item closest to this many moves */
  longMoves: number;
  /** slips per business day, so the history spans about two years */
  slipsPerDay: number;
}

export const VARIANTS: Record<Variant['name'], Variant> = {
  full: { name: 'full', items: 10_000, customers: 300, moves: 1_000_000, hotMoves: 100_000, longMoves: 2_000, slipsPerDay: 80 },
  small: { name: 'small', items: 1_000, customers: 60, moves: 100_000, hotMoves: 10_000, longMoves: 200, slipsPerDay: 8 },
};

export function loadFixture(): OfficeFixture {
  const path = fileURLToPath(new URL('../../electron/demo/demo-office.json', import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as OfficeFixture;
}

/** The best seller that goes on nearly every dispatch: tile adhesive (瓷砖胶). */
export const HOT_CODE = 'FL-0001';

// ------------------------------------------------------------------ master data

const TILE_TYPES: [string, number][] = [
  ['抛光砖', 5000],
  ['仿古砖', 3200],
  ['釉面墙砖', 1000],
  ['木纹砖', 2800],
  ['防滑地砖', 500],
  ['大理石瓷砖', 8000],
  ['微晶石', 12000],
  ['岩板', 60000],
  ['柔光砖', 4500],
  ['通体大理石', 9500],
];
const TILE_COLOURS = [
  '雅典米白',
  '卡拉拉白',
  '鱼肚白',
  '爵士白',
  '象牙白',
  '浅灰',
  '深灰',
  '水泥灰',
  '云朵白',
  '黑金花',
  '奶油黄',
  '侘寂米',
  '北欧橡木',
  '胡桃木',
  '地中海蓝',
  '托斯卡纳',
  '潘多拉',
  '鱼肚灰',
  '银白龙',
  '金丝玉',
];
const TILE_SIZES = ['300×600mm', '600×600mm', '800×800mm', '600×1200mm', '750×1500mm', '900×1800mm'];
const WARE_TYPES: [string, string, number][] = [
  ['连体马桶', '件', 80000],
  ['壁挂马桶', '件', 140000],
  ['智能马桶', '件', 260000],
  ['台上盆', '件', 18000],
  ['台下盆', '件', 15000],
  ['立柱盆', '件', 12000],
  ['浴室柜组合', '套', 120000],
  ['镜柜', '件', 40000],
  ['恒温花洒套装', '套', 45000],
  ['淋浴花洒', '套', 22000],
  ['面盆龙头', '件', 9000],
  ['厨房龙头', '件', 16000],
  ['地漏', '件', 1800],
  ['小便器', '件', 30000],
  ['蹲便器', '件', 9000],
  ['浴缸', '件', 180000],
  ['置物架', '件', 6000],
  ['毛巾架', '件', 7000],
];
const WARE_SERIES = ['喆系列', '堃系列', '镕金', '静音', '简约', '轻奢', '经典', '北欧', '新中式', '极简'];
const AUX_TYPES: [string, string, number][] = [
  ['瓷砖胶', '袋', 4000],
  ['美缝剂', '支', 3500],
  ['填缝剂', '袋', 1500],
  ['十字卡', '包', 600],
  ['找平器', '包', 2500],
  ['防水涂料', '桶', 18000],
  ['界面剂', '桶', 9000],
  ['背胶', '桶', 12000],
  ['瓷砖保护剂', '瓶', 5000],
  ['清洁剂', '瓶', 2000],
];

function ean13(body12: string): string {
  let s = 0;
  for (let i = 0; i < 12; i++) s += Number(body12[i]) * (i % 2 ? 3 : 1);
  return body12 + String((10 - (s % 10)) % 10);
}

export interface NewItem {
  code: string;
  name: string;
  spec: string;
  unit: string;
  priceFen: number;
  safetyStock: number;
  barcodes: { code: string; packQty: number }[];
}

/** Items beyond the fixture's, so the office has `total` items. */
export function extraItems(total: number, have: number): NewItem[] {
  const r = rng(SEED + 1);
  const out: NewItem[] = [];
  for (let i = 1; i <= total - have; i++) {
    const kind = r();
    const body = `6923457${String(i).padStart(5, '0')}`;
    if (kind < 0.6) {
      const [type, cost] = TILE_TYPES[Math.floor(r() * TILE_TYPES.length)];
      const colour = TILE_COLOURS[Math.floor(r() * TILE_COLOURS.length)];
      const size = Math.floor(r() * TILE_SIZES.length);
      const price = Math.round((cost * (0.6 + size * 0.3) * (0.8 + r() * 0.4) * 1.5) / 10) * 10;
      out.push({
        code: `CZ-${10000 + i}`,
        name: `${type} ${colour} ${String.fromCharCode(65 + (i % 26))}${i % 100}`,
        spec: TILE_SIZES[size],
        unit: '片',
        priceFen: price,
        safetyStock: 20 * (1 + (i % 5)),
        barcodes: [{ code: ean13(body), packQty: 1 }],
      });
    } else if (kind < 0.85) {
      const [type, unit, cost] = WARE_TYPES[Math.floor(r() * WARE_TYPES.length)];
      const series = WARE_SERIES[Math.floor(r() * WARE_SERIES.length)];
      out.push({
        code: `WY-${10000 + i}`,
        name: `${type} ${series} ${i % 1000}型`,
        spec: '',
        unit,
        priceFen: Math.round((cost * (0.7 + r() * 0.6) * 1.5) / 100) * 100,
        safetyStock: 1 + (i % 4),
        barcodes: [{ code: ean13(body), packQty: 1 }],
      });
    } else {
      const [type, unit, cost] = AUX_TYPES[Math.floor(r() * AUX_TYPES.length)];
      out.push({
        code: `FL-${10000 + i}`,
        name: `${type} ${['标准', '加强', '快干', '防霉', '白色', '灰色'][i % 6]}型 ${i % 100}`,
        spec: '',
        unit,
        priceFen: Math.round((cost * (0.8 + r() * 0.4) * 1.6) / 10) * 10,
        safetyStock: 10 * (1 + (i % 3)),
        barcodes: [{ code: ean13(body), packQty: 1 }],
      });
    }
  }
  return out;
}

const PLACES = ['城东', '城西', '城南', '城北', '高新区', '开发区', '滨江', '新城', '老城', '平安县', '临江县', '古镇', '大学城', '港口'];
const SHOPS = ['建材城 李记瓷砖', '装饰工程有限公司', '专卖店', '家居馆', '卫浴商行', '陶瓷批发部', '装修队 王师傅', '设计工作室', '房产项目部', '酒店工程'];
const KINDS = ['经销商', '工程公司', '专卖店', '家居馆', '经销商', '批发', '散客', '设计院', '工程', '工程'];

export function extraCustomers(total: number, have: number): { code: string; name: string; kind: string; creditLimitFen: number }[] {
  const out = [];
  for (let i = 1; i <= total - have; i++) {
    const s = i % SHOPS.length;
    out.push({
      code: `KH${String(100 + i).padStart(4, '0')}`,
      name: `${PLACES[i % PLACES.length]}${SHOPS[s]} ${i}号`,
      kind: KINDS[s],
      creditLimitFen: (i % 4) * 1_000_000,
    });
  }
  return out;
}

// ------------------------------------------------------------------ demand model

export interface ItemModel {
  id: number;
  code: string;
  /** unit cost HQ charges, in fen (drifts a little over time) */
  costFen: number;
  /** a typical dispatch line's quantity */
  lineQty: number;
  /** HQ's restock quantity (one layer) */
  orderQty: number;
  /** restock when on hand falls below this */
  reorderAt: number;
}

export interface Model {
  items: Map<number, ItemModel>;
  hot: ItemModel;
  /** samples a non-hot item id, Zipf-like popularity */
  sampleItem(r: () => number): number;
}

function hashOf(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function buildModel(db: DB): Model {
  const rows = db.prepare('SELECT id, code, unit, price_fen FROM items WHERE active = 1 ORDER BY id').all() as {
    id: number;
    code: string;
    unit: string;
    price_fen: number;
  }[];
  const items = new Map<number, ItemModel>();
  for (const row of rows) {
    const h = hashOf(row.code);
    const costFen = Math.max(100, Math.round(row.price_fen / 1.5 / 10) * 10);
    let lineQty: number;
    if (row.unit === '片') lineQty = row.price_fen > 50_000 ? 2 + (h % 5) : 20 + (h % 60);
    else if (row.unit === '件' || row.unit === '套') lineQty = 1 + (h % 4);
    else lineQty = 10 + (h % 30);
    const layers = 3 + ((h >>> 8) % 6); // one restock serves 3..8 typical lines
    items.set(row.id, { id: row.id, code: row.code, costFen, lineQty, orderQty: lineQty * layers, reorderAt: lineQty * 2 });
  }
  const hot = [...items.values()].find((i) => i.code === HOT_CODE);
  if (!hot) throw new Error(`the bench office has no item ${HOT_CODE}`);
  // The best seller: each HQ batch (批次) is about one dispatch line's worth, so nearly every line
  // crosses a layer boundary and the item collects a very long stock card.
  hot.lineQty = 30;
  hot.orderQty = 30;
  hot.reorderAt = 30 * 4;
  // Popularity: a seeded shuffle of the other items, weight 1/(rank + 10).
  const others = [...items.keys()].filter((id) => id !== hot.id);
  const r = rng(SEED + 2);
  for (let i = others.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [others[i], others[j]] = [others[j], others[i]];
  }
  const sampler = new WeightedSampler(others.map((_, rank) => 1 / (rank + 11)));
  return { items, hot, sampleItem: (rr) => others[sampler.sample(rr)] };
}
