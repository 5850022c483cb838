import { SoundOutlined, MutedOutlined } from '@ant-design/icons';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { Badge, Button, Segmented, Space, Spin, Tooltip, Typography } from 'antd';
import { startTransition, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canTransition, type IncidentCardView, type IncidentStatus, type IncidentView, type UserView } from '@cert-hub/shared';
import { useUser } from '../auth/AuthContext.js';
import { TransitionModal } from '../incidents/TransitionModal.js';
import { useUrlParams } from '../lib/useUrlParams.js';
import { useApiError } from '../lib/useApiError.js';
import { fetchAll } from '../lib/useCursorList.js';
import { useDirectory } from '../lib/useDirectory.js';
import { useConnectionState, useLive } from '../realtime/LiveProvider.js';
import { useSearchParams } from 'react-router-dom';
import { boardFilters } from './boardQuery.js';
import { matchesFilters } from './cards.js';
import { IncidentCard } from './IncidentCard.js';
import { BOARD_PAGE, useBoard, useNow } from './useBoard.js';
import { BoardColumn, type DropMark } from './BoardColumn.js';
import { BoardToolbar } from './BoardToolbar.js';
import { useBoardDensity, type BoardDensity } from './density.js';
import { useBoardMoves, useNewIncidentAnnouncer } from './useBoardActions.js';
import './density.css';

const COLUMNS: IncidentStatus[] = ['received', 'triage', 'initial_response', 'containment', 'recovery', 'closed'];
const PAGE = 100;
/**
 * Cards per column in the board's first paint (about a screenful): the first cards show
 * without waiting for a whole page of them to render; the rest follow right after, in an
 * interruptible transition.
 */
const FIRST_PAINT = 8;
const MUTE_KEY = 'certhub.board.muted';

/**
 * The live board: every incident routed to the user's teams, by lifecycle state, updated
 * as events arrive. Drag a card (or use its menu) to move it; refused moves are explained
 * on the card; filters live in the URL; a new incident is announced on screen and by sound.
 */
export function BoardPage() {
  const { t } = useTranslation();
  const user = useUser();
  const directory = useDirectory();
  const showError = useApiError();
  const live = useLive();
  const connection = useConnectionState();
  const now = useNow(5_000);
  const { set: setParam } = useUrlParams();
  const [density, setDensity] = useBoardDensity(user.id);
  const [muted, setMuted] = useState(() => localStorage.getItem(MUTE_KEY) === '1');
  const { fresh, announce } = useNewIncidentAnnouncer(muted);
  const [limits, setLimits] = useState<Record<string, number>>({});
  const [firstPaint, setFirstPaint] = useState(true);
  const [users, setUsers] = useState<UserView[]>([]);
  const [dragged, setDragged] = useState<IncidentCardView | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor));

  useEffect(() => {
    void fetchAll<UserView>('/users').then(setUsers, () => undefined);
  }, []);

  const [params] = useSearchParams();
  const search = params.toString();
  // One reading of the address for the board and for the pages asked for at sign-in.
  const filters = useMemo(() => boardFilters(new URLSearchParams(search)), [search]);
  const board = useBoard(announce, filters, user.id);
  const { refusal, moving, setMoving, move, setSeverity } = useBoardMoves(board.upsert);

  // The overdue filter moves with the clock; otherwise the list need not recompute every tick.
  const overdueNow = filters.overdue ? now : 0;
  const visible = useMemo(() => {
    const list = [...board.incidents.values()].filter((i) => matchesFilters(i, filters, user.id, overdueNow));
    // Just-announced cards first, so the toast's card is on screen without searching; then
    // serious first. New arrivals on top of "received", the latest closed on top of "closed",
    // elsewhere the longest-waiting first.
    list.sort(
      (a, b) =>
        Number(fresh.has(b.id)) - Number(fresh.has(a.id)) ||
        Number(b.serious) - Number(a.serious) ||
        (a.status === 'received'
          ? b.reportedAt.localeCompare(a.reportedAt)
          : a.status === 'closed'
            ? b.statusChangedAt.localeCompare(a.statusChangedAt)
            : a.statusChangedAt.localeCompare(b.statusChangedAt)),
    );
    return list;
  }, [board.incidents, filters, overdueNow, user.id, fresh]);

  // The hub says what this user may do with each card (shared access rules).
  const canWork = (i: IncidentCardView) => i.abilities.includes('transition');
  // The same names array for the same assignees, so a card re-renders only when its own props change.
  const assigneeNames = useMemo(() => {
    const cache = new Map<string, string[]>();
    return (ids: string[] = []) => {
      const key = ids.join(',');
      let names = cache.get(key);
      if (!names) cache.set(key, (names = ids.map((id) => users.find((u) => u.id === id)?.displayName ?? id)));
      return names;
    };
  }, [users]);

  useEffect(() => {
    if (board.loading || !firstPaint) return;
    // Once the first cards are on screen (after the next frame), the rest of each column.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setFirstPaint(false)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [board.loading, firstPaint]);

  const onDragStart = ({ active }: DragStartEvent) => {
    const incident = (active.data.current as { incident?: IncidentView } | undefined)?.incident;
    setDragged(incident ? (board.incidents.get(incident.id) ?? incident) : null);
  };
  const dropMark = (status: IncidentStatus): DropMark => {
    if (!dragged || dragged.status === status) return null;
    return canTransition(dragged.status as IncidentStatus, status) ? 'allowed' : 'forbidden';
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const incident = (active.data.current as { incident?: IncidentCardView } | undefined)?.incident;
    if (!incident || !over) return;
    move(board.incidents.get(incident.id) ?? incident, over.id as IncidentStatus);
  };

  const connectionBadge =
    connection === 'online' ? (
      <Badge status="success" text={t('board.online')} />
    ) : (
      <Badge
        status={connection === 'offline' ? 'error' : 'processing'}
        text={t(connection === 'offline' ? 'board.offline' : 'board.connecting')}
      />
    );

  return (
    <div
      className={`board-page${density === 'compact' ? ' compact' : ''}`}
      data-testid="board"
      data-density={density}
      data-last-seq={live?.seq ?? 0}
      data-delivered={live?.delivered.join(',') ?? ''}
    >
      <div className="page-header">
        <Space align="center" size="large">
          <Typography.Title level={3}>{t('board.title')}</Typography.Title>
          <span data-testid="connection-state" data-state={connection}>
            {connectionBadge}
          </span>
          {board.loading ? (
            <Spin size="small" />
          ) : (
            <Typography.Text type="secondary">{t('board.count', { count: visible.length })}</Typography.Text>
          )}
        </Space>
        <Space>
          <Segmented
            size="small"
            aria-label={t('boardView.density')}
            data-testid="board-density"
            value={density}
            onChange={(v) => setDensity(v as BoardDensity)}
            options={[
              { value: 'comfortable', label: t('boardView.comfortable') },
              { value: 'compact', label: t('boardView.compact') },
            ]}
          />
          <Tooltip title={muted ? t('board.unmute') : t('board.mute')}>
            <Button
              icon={muted ? <MutedOutlined /> : <SoundOutlined />}
              aria-label={muted ? t('board.unmute') : t('board.mute')}
              onClick={() => {
                localStorage.setItem(MUTE_KEY, muted ? '0' : '1');
                setMuted(!muted);
              }}
            />
          </Tooltip>
        </Space>
      </div>
      <BoardToolbar filters={filters} setParam={setParam} directory={directory} />
      {/* The columns are laid out while the first pages travel, so their arrival only adds cards. */}
      <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragged(null)}>
        <div className="board-columns" aria-busy={board.loading}>
          {COLUMNS.map((status) => {
            const cards = visible.filter((i) => i.status === status);
            const limit = firstPaint ? FIRST_PAINT : (limits[status] ?? PAGE);
            return (
              <BoardColumn key={status} status={status} count={cards.length} drop={dropMark(status)}>
                {cards.slice(0, limit).map((incident) => (
                  <IncidentCard
                    key={incident.id}
                    incident={incident}
                    compact={density === 'compact'}
                    agencyName={directory.agencyName(incident.agencyId)}
                    assigneeNames={assigneeNames(incident.assigneeIds)}
                    now={now}
                    fresh={fresh.has(incident.id)}
                    refusal={refusal?.id === incident.id && refusal.status === incident.status ? refusal.text : null}
                    canWork={canWork(incident)}
                    onMove={move}
                    onSeverity={setSeverity}
                  />
                ))}
                {firstPaint ? null : cards.length > limit ? (
                  <Button block size="small" onClick={() => setLimits((l) => ({ ...l, [status]: limit + PAGE }))}>
                    {t('board.showMore', { count: Math.min(PAGE, cards.length - limit) })}
                  </Button>
                ) : (
                  board.hasMore(status) && (
                    <Button block size="small" onClick={() => void board.loadMore(status).catch(showError)}>
                      {t('board.showMore', { count: BOARD_PAGE })}
                    </Button>
                  )
                )}
              </BoardColumn>
            );
          })}
        </div>
        {/* The card follows the pointer above every column instead of sliding under them. */}
        <DragOverlay dropAnimation={null}>
          {dragged && (
            <div data-testid="drag-overlay">
              <IncidentCard
                incident={dragged}
                compact={density === 'compact'}
                agencyName={directory.agencyName(dragged.agencyId)}
                assigneeNames={assigneeNames(dragged.assigneeIds)}
                now={now}
                fresh={false}
                refusal={null}
                canWork={false}
                overlay
                onMove={move}
                onSeverity={setSeverity}
              />
            </div>
          )}
        </DragOverlay>
      </DndContext>
      {moving && (
        <TransitionModal
          incident={moving.incident}
          to={moving.to}
          onClose={() => setMoving(null)}
          onMoved={(next) => {
            board.upsert(next);
            setMoving(null);
          }}
          onConflict={board.upsert}
        />
      )}
    </div>
  );
}
