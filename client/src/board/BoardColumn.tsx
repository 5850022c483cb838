import { useDroppable } from '@dnd-kit/core';
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_LABELS, type IncidentStatus } from '@cert-hub/shared';
import { useLabel } from '../lib/labels.js';

/** While a card is dragged, each column says whether the card may go there. */
export type DropMark = 'allowed' | 'forbidden' | null;

export function BoardColumn({
  status,
  children,
  count,
  drop,
}: {
  status: IncidentStatus;
  children: React.ReactNode;
  count: number;
  drop: DropMark;
}) {
  const label = useLabel();
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: status });
  return (
    <section
      ref={setNodeRef}
      className={`board-column${isOver ? ' over' : ''}${drop ? ` drop-${drop}` : ''}`}
      data-testid={`column-${status}`}
      data-drop={drop ?? undefined}
      aria-label={label(STATUS_LABELS[status])}
      title={drop ? t(drop === 'allowed' ? 'usability.dropAllowed' : 'usability.dropForbidden') : undefined}
    >
      <header className="board-column-head">
        <span>{label(STATUS_LABELS[status])}</span>
        <Badge count={count} showZero color="#595959" overflowCount={9999} />
      </header>
      <div className="board-column-body">{children}</div>
    </section>
  );
}
