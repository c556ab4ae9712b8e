// B 人员考勤表: the office's attendance sheet for a month, sent to HQ with the month's reports. Pure:
// data in, pdfmake definition out (attendance/files.ts gathers it from attendance.month).
//
// A4 landscape: the title band; a grid of one row per person — name, post, a narrow column per day
// of the month with its mark (rest days shaded), then 出勤 / 迟到 / 早退 / 事假 / 病假 / 其他假 / 旷工
// and 扣款 (元); the totals; the key to the marks and the rules it was judged by; on the last page
// the signed boxes 制表 / 财务主管 / 经理, left blank to be signed on paper.

import type { AttendanceMonth } from '../../shared/contract';
import { money } from './format';
import { COLOR, MARGIN, PAGE, boxWidths, fit, type Node } from './layout';
import { gridTable } from './grid';
import { docDefinition, spanFit } from './blocks';
import { FOOT, ROW, SIZE, THEAD, TITLE_BAND, cellFit, footer, infoRows, titleBand, type OfficeInfo } from './finance-form';
import { signRow } from './signatures';

export interface AttendanceSheetData {
  office: OfficeInfo;
  report: AttendanceMonth;
  /** who made the sheet (制表) */
  madeBy: string;
  /** false inside the signed month pack: its print is logged as the pack's, so no 'preview, not logged' footer (default true) */
  footer?: boolean;
}

const WEEKDAY_ZH = ['', '一', '二', '三', '四', '五', '六', '日'];
const COUNTS = ['出勤', '迟到', '早退', '事假', '病假', '其他假', '旷工'] as const;
const SIGN_H = 40;

/** Person rows per page: what is left after the title, the info, the heads, the totals, the key and the boxes. */
export function attendanceRowsPerPage(): number {
  const avail = PAGE.A4L.height - MARGIN.top - MARGIN.bottom;
  const fixed = TITLE_BAND + ROW + 6 + 2 * THEAD + ROW + 2 * 11 + SIGN_H + 8 + FOOT + 8;
  return Math.floor((avail - fixed) / ROW);
}

function pages<T>(rows: T[], per: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += per) out.push(rows.slice(i, i + per));
  return out.length ? out : [[]];
}

export function buildAttendanceDoc(d: AttendanceSheetData): { doc: Node; pages: number } {
  const page = PAGE.A4L;
  const W = page.width - MARGIN.left - MARGIN.right;
  const boxes = boxWidths(W, ['*', 44, ...d.report.days.map(() => 15.5), ...COUNTS.map(() => 24), 46]);
  const chunks = pages(d.report.rows, attendanceRowsPerPage());
  const content = chunks.map((rows, p) => {
    const stack: Node[] = [title(d, W, p, chunks.length), info(d, W), table(d, boxes, rows, p === chunks.length - 1)];
    if (p === chunks.length - 1) stack.push(key(d, W), signRow(W, [{ label: '制表', name: d.madeBy }, { label: '财务主管' }, { label: '经理' }], SIGN_H));
    if (d.footer !== false) stack.push(footer(W, d.office, `人员考勤表 · ${d.report.month}`, p + 1, chunks.length, null));
    return { stack, ...(p > 0 ? { pageBreak: 'before' } : {}) };
  });
  const info0 = { title: `人员考勤表 ${d.report.month}`, author: d.office.name, subject: 'B 人员考勤表' };
  return { doc: docDefinition(page, info0, SIZE, content), pages: chunks.length };
}

function title(d: AttendanceSheetData, W: number, p: number, count: number): Node {
  const [y, m] = d.report.month.split('-');
  return titleBand(W, {
    office: d.office.name,
    title: '人员考勤表',
    sub: `${y} 年 ${Number(m)} 月`,
    left: [{ text: '报表 B' }, { text: '报总部 · 每月30日前', bold: false, color: COLOR.grey }],
    pageNo: p + 1,
    pageCount: count,
  });
}

function info(d: AttendanceSheetData, W: number): Node {
  const s = d.report.settings;
  return infoRows(
    W,
    [40, '*', 50, 120, 60, 70],
    [
      [
        ['作息时间', `上午 ${s.amStart}–${s.amEnd}  下午 ${s.pmStart}–${s.pmEnd}`],
        ['迟到/早退', `每次扣 ${money(s.deductionFen)} 元`],
        ['统计至', d.report.today < `${d.report.month}-99` ? d.report.today : '全月'],
      ],
    ],
  );
}

function head(d: AttendanceSheetData, boxes: number[]): Node[][] {
  const days = d.report.days;
  const shade = (workday: boolean) => (workday ? {} : { fillColor: COLOR.fill });
  const first: Node[] = [
    { ...cellFit('姓名', boxes[0], { bold: true, align: 'center', size: 7.5 }), rowSpan: 2, fillColor: COLOR.fill },
    { ...cellFit('职务', boxes[1], { bold: true, align: 'center', size: 7.5 }), rowSpan: 2, fillColor: COLOR.fill },
    ...days.map((x, i) => ({ ...cellFit(String(i + 1), boxes[2 + i], { bold: true, align: 'center', size: 7 }), ...shade(x.workday) })),
    ...COUNTS.map((c, i) => ({ ...cellFit(c, boxes[2 + days.length + i], { bold: true, align: 'center', size: 7 }), rowSpan: 2, fillColor: COLOR.fill })),
    { ...cellFit('扣款(元)', boxes[boxes.length - 1], { bold: true, align: 'center', size: 7 }), rowSpan: 2, fillColor: COLOR.fill },
  ];
  const second: Node[] = [
    {},
    {},
    ...days.map((x, i) => ({ ...cellFit(WEEKDAY_ZH[x.weekday], boxes[2 + i], { align: 'center', size: 6.5, color: COLOR.grey }), ...shade(x.workday) })),
    ...COUNTS.map(() => ({})),
    {},
  ];
  return [first, second];
}

function counts(r: AttendanceMonth['rows'][number]): number[] {
  return [r.present, r.late, r.early, r.personal, r.sick, r.otherLeave, r.absent];
}

function table(d: AttendanceSheetData, boxes: number[], rows: AttendanceMonth['rows'], last: boolean): Node {
  const days = d.report.days;
  const body: Node[][] = head(d, boxes);
  for (const r of rows) {
    body.push([
      cellFit(r.user.name, boxes[0], { bold: true }),
      cellFit(r.title, boxes[1], { size: 7 }),
      ...r.marks.map((m, i) => ({
        ...fit(m, boxes[2 + i] - 4, {
          align: 'center',
          size: m.length > 1 ? 5 : 7.5,
          minSize: 4,
          color: m === '旷' || m.includes('迟') || m.includes('早') ? COLOR.red : undefined,
        }),
        ...(days[i].workday ? {} : { fillColor: COLOR.fill }),
      })),
      ...counts(r).map((c, i) => cellFit(c ? String(c) : '', boxes[2 + days.length + i], { align: 'center' })),
      cellFit(r.deductionFen ? money(r.deductionFen) : '', boxes[boxes.length - 1], { align: 'right' }),
    ]);
  }
  if (last) body.push(totalsRow(d, boxes));
  const heights = body.map((_, i) => (i < 2 ? THEAD : ROW));
  return { ...gridTable({ boxes, heights, body }), margin: [0, 2, 0, 0] };
}

function totalsRow(d: AttendanceSheetData, boxes: number[]): Node[] {
  const sum = (k: 'present' | 'late' | 'early' | 'personal' | 'sick' | 'otherLeave' | 'absent') => d.report.rows.reduce((a, r) => a + r[k], 0);
  const n = d.report.days.length;
  const keys = ['present', 'late', 'early', 'personal', 'sick', 'otherLeave', 'absent'] as const;
  return [
    spanFit(`合计 ${d.report.rows.length} 人`, boxes, 0, n + 1, { size: SIZE, bold: true, align: 'center' }),
    ...Array.from({ length: n + 1 }, () => ({})),
    ...keys.map((k, i) => cellFit(String(sum(k)), boxes[2 + n + i], { align: 'center', bold: true })),
    cellFit(money(d.report.totals.deductionFen), boxes[boxes.length - 1], { align: 'right', bold: true }),
  ];
}

function key(d: AttendanceSheetData, W: number): Node {
  const s = d.report.settings;
  return {
    stack: [
      fit('说明: √ 出勤  迟 迟到  早 早退(当日未签退计早退)  事 事假(病假无区级以上医院证明按事假计)  病 病假  假 其他假  旷 旷工  灰底为休息日', W, {
        size: 7,
        color: COLOR.grey,
      }),
      fit(`迟到、早退每次扣 ${money(s.deductionFen)} 元; 请假一天由经理批准, 两天及以上由总部分管副总批准; 无故缺勤为旷工, 连续三天及以上按自动离职处理。`, W, {
        size: 7,
        color: COLOR.grey,
      }),
    ],
    margin: [0, 3, 0, 0],
  };
}
