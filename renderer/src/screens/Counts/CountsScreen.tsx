// 盘点: the list of counts (#/counts) or one count (#/counts/12): entry by scanning, the variance
// report, the manager's approval. The core decides everything (counts.*); the screen offers only
// what the session may call.

import { CountList } from './CountList';
import { CountScreen } from './CountScreen';

export function CountsScreen({ countId }: { countId: number | null }) {
  return countId ? <CountScreen countId={countId} /> : <CountList />;
}
