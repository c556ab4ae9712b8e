// A message for the next screen ("已过账 JC20261129001"), shown once.
let pending: string | null = null;
export function setFlash(msg: string): void {
  pending = msg;
}
export function takeFlash(): string | null {
  const m = pending;
  pending = null;
  return m;
}
