// Where a built-in rule's documentation is: its README.md in the installed package (a real file,
// readable offline; `medpost explain RULE` prints it in the terminal).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from './package-root.js';

export function builtInRuleReadme(ruleId: string): string {
  return join(packageRoot, 'rules', ...ruleId.split('/'), 'README.md');
}

export function builtInDocsUrl(ruleId: string): string {
  return pathToFileURL(builtInRuleReadme(ruleId)).href;
}
