'use client';

import {
  type DragEvent,
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { cx } from '@/lib/cx';
import {
  applyMove,
  describeMove,
  isNoOp,
  keyboardMove,
  MOVE_KEYS,
  type Move,
  type SortGroup,
} from '@/lib/reorder';

const DRAG_TYPE = 'application/x-ec3l-sort-item';

/**
 * Items in groups (fields in sections) that can be reordered and moved between groups by drag and drop,
 * and by keyboard: each item's handle takes the arrow keys (up/down within the group and across its
 * ends, left/right to the previous/next group, Home/End), and visible "up"/"down" buttons do the same.
 * Every move is announced in a live region and focus stays on the moved item's handle. `onMove` does the
 * work (a request); `disabled` (with its reason) turns moving off.
 */
export function SortableGroups<T extends { id: string }>({
  label,
  groups,
  labelOf,
  onMove,
  renderItem,
  renderGroupActions,
  disabled = false,
  emptyGroup,
  testId,
}: {
  label: string;
  groups: readonly SortGroup<T>[];
  labelOf: (item: T) => string;
  onMove: (move: Move) => void;
  renderItem: (item: T) => ReactNode;
  renderGroupActions?: (group: SortGroup<T>) => ReactNode;
  disabled?: boolean;
  emptyGroup?: ReactNode;
  testId?: string;
}) {
  const instructionsId = useId();
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<{ groupId: string; index: number } | null>(null);
  const focusAfter = useRef<string | null>(null);
  const root = useRef<HTMLDivElement>(null);

  // After a move lands (the groups change), focus returns to the moved item's handle.
  useEffect(() => {
    const id = focusAfter.current;
    if (!id || !root.current) return;
    const handle = root.current.querySelector<HTMLElement>(`[data-sort-handle="${CSS.escape(id)}"]`);
    if (handle && groups.some((g) => g.items.some((i) => i.id === id))) {
      handle.focus();
      focusAfter.current = null;
    }
  }, [groups]);

  const move = (m: Move | null) => {
    if (!m || disabled || isNoOp(groups, m)) return;
    focusAfter.current = m.itemId;
    setAnnouncement(describeMove(applyMove(groups, m), m.itemId, labelOf));
    onMove(m);
  };

  const onHandleKey = (event: KeyboardEvent<HTMLButtonElement>, itemId: string) => {
    const key = MOVE_KEYS[event.key];
    if (!key) return;
    event.preventDefault();
    move(keyboardMove(groups, itemId, key));
  };

  const onDragOver = (event: DragEvent<HTMLElement>, groupId: string, index: number) => {
    if (!dragging) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (over?.groupId !== groupId || over.index !== index) setOver({ groupId, index });
  };

  /** Dropped before the item at `index` of the group (its index once the dragged item has left). */
  const onDrop = (event: DragEvent<HTMLElement>, groupId: string, index: number) => {
    event.preventDefault();
    event.stopPropagation();
    const itemId = dragging ?? event.dataTransfer.getData(DRAG_TYPE);
    setDragging(null);
    setOver(null);
    if (!itemId) return;
    const group = groups.find((g) => g.id === groupId);
    const from = group?.items.findIndex((i) => i.id === itemId) ?? -1;
    move({ itemId, toGroupId: groupId, toIndex: from !== -1 && from < index ? index - 1 : index });
  };

  return (
    <div ref={root} data-testid={testId}>
      <p id={instructionsId} className="sr-only">
        To move a field, focus its handle and press Arrow Up or Arrow Down; Arrow Left and Arrow Right move it
        to the previous or next section, Home and End to the start or end of its section.
      </p>
      <div role="status" aria-live="assertive" className="sr-only" data-testid="sort-announcement">
        {announcement}
      </div>
      <ul aria-label={label} className="space-y-4">
        {groups.map((group, groupIndex) => (
          <li
            key={group.id}
            data-testid="sort-group"
            data-group={group.title}
            className="rounded-lg ring-1 ring-slate-200"
          >
            <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 bg-slate-50 px-4 py-2">
              <h3 className="text-sm font-semibold text-slate-900">{group.title}</h3>
              {renderGroupActions?.(group)}
            </div>
            <ol
              aria-label={`Fields in ${group.title}`}
              className="min-h-12 divide-y divide-slate-100"
              onDragOver={(e) => onDragOver(e, group.id, group.items.length)}
              onDrop={(e) => onDrop(e, group.id, group.items.length)}
            >
              {group.items.length === 0 ? (
                <li
                  className={cx(
                    'px-4 py-3 text-sm text-slate-500',
                    over?.groupId === group.id && 'bg-indigo-50',
                  )}
                >
                  {emptyGroup ?? 'No fields yet. Drop one here.'}
                </li>
              ) : null}
              {group.items.map((item, index) => {
                const name = labelOf(item);
                const first = groupIndex === 0 && index === 0;
                const last = groupIndex === groups.length - 1 && index === group.items.length - 1;
                return (
                  <li
                    key={item.id}
                    data-testid="sort-item"
                    data-item={name}
                    draggable={!disabled}
                    onDragStart={(event) => {
                      event.dataTransfer.effectAllowed = 'move';
                      event.dataTransfer.setData(DRAG_TYPE, item.id);
                      setDragging(item.id);
                    }}
                    onDragEnd={() => {
                      setDragging(null);
                      setOver(null);
                    }}
                    onDragOver={(e) => {
                      e.stopPropagation();
                      onDragOver(e, group.id, index);
                    }}
                    onDrop={(e) => onDrop(e, group.id, index)}
                    className={cx(
                      'flex flex-wrap items-center gap-2 px-3 py-2',
                      dragging === item.id && 'opacity-50',
                      over?.groupId === group.id && over.index === index && 'border-t-2 border-t-indigo-500',
                    )}
                  >
                    <button
                      type="button"
                      data-sort-handle={item.id}
                      aria-label={`Reorder ${name}`}
                      aria-describedby={instructionsId}
                      disabled={disabled}
                      onKeyDown={(e) => onHandleKey(e, item.id)}
                      className="cursor-grab rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed"
                    >
                      <svg viewBox="0 0 20 20" className="size-4" fill="currentColor" aria-hidden="true">
                        <path d="M7 4a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0Zm0 6a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0Zm-1.5 7.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3ZM16 4a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0Zm-1.5 7.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3ZM16 16a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0Z" />
                      </svg>
                    </button>
                    <div className="min-w-0 flex-1">{renderItem(item)}</div>
                    <span className="flex gap-1">
                      <MoveButton
                        label={`Move ${name} up`}
                        disabled={disabled || first}
                        onClick={() => move(keyboardMove(groups, item.id, 'up'))}
                        path="M10 15V5m0 0-4 4m4-4 4 4"
                      />
                      <MoveButton
                        label={`Move ${name} down`}
                        disabled={disabled || last}
                        onClick={() => move(keyboardMove(groups, item.id, 'down'))}
                        path="M10 5v10m0 0-4-4m4 4 4-4"
                      />
                    </span>
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
      </ul>
    </div>
  );
}

function MoveButton({
  label,
  disabled,
  onClick,
  path,
}: {
  label: string;
  disabled: boolean;
  onClick: () => void;
  path: string;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="rounded p-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:text-slate-300"
    >
      <svg
        viewBox="0 0 20 20"
        className="size-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        aria-hidden="true"
      >
        <path strokeLinecap="round" strokeLinejoin="round" d={path} />
      </svg>
    </button>
  );
}
