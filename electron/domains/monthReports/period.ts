// The days of a report month: its first and last day and the first day of its year (本年累计).

export interface MonthPeriod {
  /** YYYY-MM-01 */
  from: string;
  /** the month's last day */
  to: string;
  /** YYYY-01-01 */
  yearFrom: string;
}

export function monthPeriod(month: string): MonthPeriod {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}`, yearFrom: `${month.slice(0, 4)}-01-01` };
}
