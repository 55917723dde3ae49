// Command-line parsing for data:add and data:report.
import { describe, expect, it } from 'vitest';
import { flagValue, parseArgs } from '../../../../lib/curation/args';

describe('parseArgs', () => {
  it('reads positionals, --flag value, --flag=value and switches', () => {
    const args = parseArgs(['--', 'a.txt', '--date', '2021-01-28', '--title=Tiêu đề', '--no-title'], ['date', 'title'], ['no-title']);
    expect(args.positional).toEqual(['a.txt']);
    expect(flagValue(args, 'date')).toBe('2021-01-28');
    expect(flagValue(args, 'title')).toBe('Tiêu đề');
    expect(args.flags.get('no-title')).toBe(true);
  });
  it('refuses an unknown flag and a flag without its value', () => {
    expect(() => parseArgs(['--dat', 'x'], ['date'])).toThrow('unknown option --dat');
    expect(() => parseArgs(['a.txt', '--date'], ['date'])).toThrow('--date needs a value');
    expect(() => parseArgs(['--date', '--id', 'x'], ['date', 'id'])).toThrow('--date needs a value');
  });
});
