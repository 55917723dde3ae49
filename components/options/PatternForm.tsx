/** Adds a site pattern to turn off; says what is wrong with one that is not a site. */
import { useState } from 'preact/hooks';
import { normalizePattern } from '../../lib/settings';
import { T } from '../strings';

export function PatternForm({ onAdd }: { onAdd: (pattern: string) => void }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    const pattern = normalizePattern(value);
    if (pattern === null) {
      setError(T.badPattern(value.trim()));
      return;
    }
    onAdd(pattern);
    setValue('');
    setError(null);
  };
  return (
    <form class="pattern-form" onSubmit={submit}>
      <label for="pattern-input">{T.addPattern}</label>
      <div class="pattern-row">
        <input
          id="pattern-input"
          type="text"
          value={value}
          spellcheck={false}
          autocomplete="off"
          placeholder="*.example.com"
          aria-describedby="pattern-hint pattern-error"
          aria-invalid={error !== null}
          onInput={(e) => {
            setValue(e.currentTarget.value);
            setError(null);
          }}
        />
        <button type="submit">{T.add}</button>
      </div>
      <p id="pattern-hint" class="muted">
        {T.addPatternHint}
      </p>
      <p id="pattern-error" class="error" role="alert">
        {error}
      </p>
    </form>
  );
}
