/** Command-line arguments of the curators' commands: positionals and `--name value` flags. */

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/**
 * `valued` lists the flags that take a value; others are switches. A problem (unknown flag,
 * missing value) is thrown as a one-line message.
 */
export function parseArgs(argv: readonly string[], valued: readonly string[], switches: readonly string[] = []): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq > 0 ? eq : undefined);
    if (switches.includes(name) && eq < 0) {
      flags.set(name, true);
      continue;
    }
    if (!valued.includes(name)) throw new Error(`unknown option --${name}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new Error(`--${name} needs a value`);
    flags.set(name, value);
  }
  return { positional, flags };
}

export function flagValue(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}
