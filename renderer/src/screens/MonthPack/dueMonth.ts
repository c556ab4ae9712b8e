// The month the 月报 tab opens on: this month from the 20th (when the banner starts), else last
// month (the one due). Plain date arithmetic on the office's YYYY-MM-DD.

export function dueMonth(today: string): string {
  if (Number(today.slice(8, 10)) >= 20) return today.slice(0, 7);
  const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 7);
}
