// Report B 人员考勤表 as paper and as a sheet: the PDF laid out by printing/attendance-doc.ts, the
// XLSX written by the export layer (export/xlsx.ts), both from the same monthReport.

import type { AttendanceMonth } from '../../../shared/contract';
import type { SheetCell } from '../../../shared/sheets';
import { dateTimeIn } from '../../../shared/time';
import { buildAttendanceDoc } from '../../printing/attendance-doc';
import { renderPdf } from '../../printing/pdf';
import type { ReadableDB } from '../../store/db';
import { officeInfo } from '../documents/service';
import { sheetXlsx } from '../export/xlsx';

export async function attendancePdf(db: ReadableDB, report: AttendanceMonth, madeBy: string): Promise<{ fileName: string; base64: string; pages: number }> {
  const built = buildAttendanceDoc({ office: officeInfo(db), report, madeBy });
  const pdf = await renderPdf(built.doc);
  return { fileName: `人员考勤表_${report.month}.pdf`, base64: pdf.bytes.toString('base64'), pages: pdf.pages };
}

const COUNT_HEADERS = ['出勤', '迟到', '早退', '事假', '病假', '其他假', '旷工'] as const;

/** The sheet: a row per person, a column per day (1 … 31), the counts, the deduction in yuan; a totals row. */
export function attendanceSheet(report: AttendanceMonth) {
  const columns = [
    { header: '姓名', format: 'text' as const },
    { header: '职务', format: 'text' as const },
    ...report.days.map((d, i) => ({ header: `${i + 1}${d.workday ? '' : '休'}`, format: 'text' as const })),
    ...COUNT_HEADERS.map((header) => ({ header, format: 'int' as const })),
    { header: '扣款(元)', format: 'yuan' as const },
  ];
  const rows: SheetCell[][] = report.rows.map((r) => [
    r.user.name,
    r.title,
    ...r.marks,
    r.present,
    r.late,
    r.early,
    r.personal,
    r.sick,
    r.otherLeave,
    r.absent,
    r.deductionFen,
  ]);
  const sum = (k: 'present' | 'late' | 'early' | 'personal' | 'sick' | 'otherLeave' | 'absent' | 'deductionFen') => report.rows.reduce((a, r) => a + r[k], 0);
  rows.push([
    '合计',
    `${report.rows.length} 人`,
    ...report.days.map(() => ''),
    ...(['present', 'late', 'early', 'personal', 'sick', 'otherLeave', 'absent'] as const).map(sum),
    sum('deductionFen'),
  ]);
  const s = report.settings;
  const filters = [
    { label: '月份', value: report.month },
    { label: '作息时间', value: `${s.amStart}–${s.amEnd}, ${s.pmStart}–${s.pmEnd}` },
    { label: '迟到/早退每次扣款', value: `${(s.deductionFen / 100).toFixed(2)} 元` },
    { label: '标记', value: '√ 出勤 迟 迟到 早 早退 事 事假 病 病假 假 其他假 旷 旷工' },
  ];
  return { title: `人员考勤表 ${report.month}`, columns, rows, filters };
}

export function attendanceXlsx(report: AttendanceMonth, now: Date, timezone: string): { fileName: string; base64: string } {
  return { fileName: `人员考勤表_${report.month}.xlsx`, base64: sheetXlsx(attendanceSheet(report), dateTimeIn(now, timezone)) };
}
