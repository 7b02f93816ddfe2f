/**
 * Fills `{{name}}` placeholders in a rule's message template. A placeholder without a value is
 * a bug in the rule, so it throws instead of printing a half-filled message to the user.
 */
export function formatMessage(template: string, data: Record<string, string | number> = {}, ruleId = '?'): string {
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (_match, name: string) => {
    if (!(name in data)) {
      throw new Error(`Rule ${ruleId}: message placeholder "${name}" has no value in the report's data.`);
    }
    return String(data[name]);
  });
}
