/**
 * "Removed X. Undo": a removal can be taken back for a few seconds. The notice is announced
 * politely, and the undo button takes the focus, since the removed entry's own button is gone.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { T } from './strings';

/** Long enough to read the notice and reach the button by keyboard. */
const UNDO_MS = 10_000;

interface Offer {
  message: string;
  revert: () => void;
}

export function useUndo() {
  const [current, setCurrent] = useState<Offer | null>(null);
  const timer = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);
  return {
    current,
    offer(message: string, revert: () => void) {
      clearTimeout(timer.current);
      setCurrent({ message, revert });
      timer.current = window.setTimeout(() => setCurrent(null), UNDO_MS);
    },
    take() {
      clearTimeout(timer.current);
      current?.revert();
      setCurrent(null);
    },
  };
}

export function UndoNotice({ undo }: { undo: ReturnType<typeof useUndo> }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (undo.current) button.current?.focus();
  }, [undo.current]);
  return (
    <p class="undo" role="status">
      {undo.current && (
        <>
          {undo.current.message}{' '}
          <button ref={button} type="button" class="bc-link" onClick={() => undo.take()}>
            {T.undo}
          </button>
        </>
      )}
    </p>
  );
}
