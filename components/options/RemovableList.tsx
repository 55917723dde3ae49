/** A list whose entries each have a remove button named after them (for screen readers). */
import { T } from '../strings';

interface Props {
  labelledBy: string;
  empty: string;
  items: Array<{ key: string; label: string }>;
  onRemove: (key: string) => void;
}

export function RemovableList({ labelledBy, empty, items, onRemove }: Props) {
  if (items.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="removable" aria-labelledby={labelledBy}>
      {items.map((item) => (
        <li key={item.key}>
          <span>{item.label}</span>
          <button type="button" class="remove" aria-label={T.removeLabel(item.label)} onClick={() => onRemove(item.key)}>
            {T.remove}
          </button>
        </li>
      ))}
    </ul>
  );
}
