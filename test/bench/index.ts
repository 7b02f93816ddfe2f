import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateTemplate } from './inputs/templates';
import { benchTemplateCheck, templatePath, type TemplateInput } from './template-check';

async function main(): Promise<void> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'presend-bench-'));
  const templates: TemplateInput[] = [['2 KB', 2048], ['20 KB', 20480], ['100 KB', 102400], ['1 MB', 1048576]].map(([label, bytes]) => {
    const file = templatePath(workspace, label as string);
    const text = generateTemplate(bytes as number);
    fs.writeFileSync(file, text);
    return { label: label as string, path: file, text };
  });
  const check = await benchTemplateCheck(templates, workspace);
  console.log(check.section.markdown);
}
void main();
