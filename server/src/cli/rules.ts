import { RULES } from '../core/rules/index';
import { EXIT_OK, UsageError, type CliIo } from './io';

/** Prints every rule with its family and default severity. */
export function runRules(argv: string[], io: CliIo): number {
  const unknown = argv.filter((arg) => arg !== '--json');
  if (unknown.length > 0) {
    throw new UsageError(`Unknown argument "${unknown[0]}"; presend rules takes only --json.`);
  }
  if (argv.includes('--json')) {
    const rules = RULES.map((rule) => ({
      id: rule.meta.id,
      family: rule.meta.family,
      defaultSeverity: rule.meta.defaultSeverity,
      fixable: rule.meta.fixable,
      description: rule.meta.description,
    }));
    io.stdout(JSON.stringify(rules, null, 2) + '\n');
    return EXIT_OK;
  }

  const idWidth = Math.max(...RULES.map((rule) => rule.meta.id.length));
  const familyWidth = Math.max(...RULES.map((rule) => rule.meta.family.length));
  for (const rule of RULES) {
    const { id, family, defaultSeverity, description } = rule.meta;
    io.stdout(`${id.padEnd(idWidth)}  ${family.padEnd(familyWidth)}  ${defaultSeverity.padEnd(7)}  ${description}\n`);
  }
  return EXIT_OK;
}
