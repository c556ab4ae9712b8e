// The stock card a user looked at last (item and period), per user on this PC, so the screen
// opens where they left it. The item is checked against the core before it is shown again.

export interface LastCard {
  itemId: number | null;
  from: string;
  to: string;
}

const key = (userId: number) => `branch-desk.card.${userId}`;
const DATE = /^(\d{4}-\d{2}-\d{2})?$/;

export function readLastCard(userId: number | undefined): LastCard | null {
  if (userId === undefined) return null;
  try {
    const v = JSON.parse(localStorage.getItem(key(userId)) ?? 'null') as Partial<LastCard> | null;
    if (!v || typeof v.from !== 'string' || typeof v.to !== 'string' || !DATE.test(v.from) || !DATE.test(v.to)) return null;
    const itemId = Number.isSafeInteger(v.itemId) && (v.itemId as number) > 0 ? (v.itemId as number) : null;
    return { itemId, from: v.from, to: v.to };
  } catch {
    return null;
  }
}

export function saveLastCard(userId: number | undefined, v: LastCard): void {
  if (userId === undefined) return;
  try {
    localStorage.setItem(key(userId), JSON.stringify(v));
  } catch {
    /* storage full or off: the screen still works, it only forgets */
  }
}
