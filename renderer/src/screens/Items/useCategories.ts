// The item categories (商品类别) in use, by name (items.categories): the item dialog offers them, the
// stock summary filters by them.

import { useEffect, useState } from 'react';
import { call } from '../../api';

export function useCategories(): string[] {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    void call('items.categories', {}).then((r) => r.ok && setNames(r.value.map((c) => c.category)));
  }, []);
  return names;
}
