// Writes the generated pages of docs/: the parameters of the law and the table of allowed actions.
import { writeFileSync } from 'node:fs';
import { run } from '../src/cli/main.ts';
import { renderActionsMarkdown } from '../src/domain/actions-doc.ts';
import { renderPermissionsMarkdown } from '../src/domain/permissions-doc.ts';

let params = '';
await run(['params', '--format', 'markdown'], {
  stdout: (t) => (params += t),
  stderr: (t) => process.stderr.write(t),
  now: () => new Date(),
});
writeFileSync(new URL('../docs/parameters.md', import.meta.url), params);
writeFileSync(new URL('../docs/ACTIONS.md', import.meta.url), renderActionsMarkdown());
writeFileSync(new URL('../docs/permissions.md', import.meta.url), renderPermissionsMarkdown());
console.log('wrote docs/parameters.md, docs/ACTIONS.md and docs/permissions.md');
