// PrintButtons under the paper's name, for a screen whose own document is not the paper printed: the
// pick list (拣货单) on the pick screen, a count's sheet or report (盘点表 / 盘点报告) on the count screen.

import { PrintButtons, type DocTarget } from './PrintButtons';

export function NamedPrint({ name, target, testId }: { name: string; target: DocTarget; testId: string }) {
  return (
    <span className="named-print" data-testid={testId}>
      <span className="muted">{name}</span>
      <PrintButtons target={target} />
    </span>
  );
}
