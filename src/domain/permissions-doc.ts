// docs/permissions.md, generated from the permission matrix (npm run docs); a test checks it is current.
import { ACCOUNT_RULES_DOC } from './account-rules.ts';
import {
  COMMAND_PERMISSION,
  MATRIX,
  PERMISSION_TITLES,
  PERMISSIONS,
  ROLE_TITLES,
  ROLES,
  UNION_ROLES,
} from './roles.ts';

export function renderPermissionsMarkdown(): string {
  const lines = [
    '# Roles, jurisdictions and permissions',
    '',
    '<!-- generated from src/domain/roles.ts by `npm run docs`; do not edit by hand -->',
    '',
    'Every account holds one role bound to one jurisdiction: a member state (its ISO code) or the Union (`EU`).',
    `Union-level roles (${UNION_ROLES.join(', ')}) see aggregates only, never personal data. An administrator`,
    "of a state manages that state's accounts; an administrator of the EU manages every account.",
    '',
    "Personal data — cases, encounters, the deadline queue — is read and written only inside the user's own",
    'state. A case of another state answers **404**, exactly as a case that does not exist; a permission the',
    'role lacks answers **403**. Every read of a case is recorded in the audit log (`case.viewed`: who, whom, when).',
    '',
    '## The matrix',
    '',
    `| permission | ${ROLES.join(' | ')} |`,
    `|---|${ROLES.map(() => '---').join('|')}|`,
    ...PERMISSIONS.map(
      (p) =>
        `| \`${p}\` — ${PERMISSION_TITLES[p]} | ${ROLES.map((r) => (MATRIX[p].includes(r) ? '✓' : '')).join(' | ')} |`,
    ),
    '',
    '## Roles',
    '',
    ...ROLES.map((r) => `- \`${r}\`: ${ROLE_TITLES[r]}`),
    '',
    '## Case commands and the permission each needs',
    '',
    '| command | permission |',
    '|---|---|',
    ...Object.entries(COMMAND_PERMISSION).map(([c, p]) => `| \`${c}\` | \`${p}\` |`),
    '',
    ...ACCOUNT_RULES_DOC,
    '',
  ];
  return lines.join('\n');
}
