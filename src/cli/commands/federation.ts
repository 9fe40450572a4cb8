// `pact federation keygen --party LT --out DIR`: this installation's signing key for the exchange between
// installations (docs/federation.md): DIR/lt.private.jwk (readable by its owner only: it signs in the state's
// name) and DIR/lt.public.jwk (to give to each peer's administrator, who puts it in their PACT_FEDERATION file).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { calculateJwkThumbprint } from 'jose';
import { Party } from '../../federation/contract.ts';
import { newKeyPair } from '../../federation/peers.ts';
import { type CliContext, UsageError } from '../context.ts';
import { writePrivateFile } from '../private-file.ts';

function partyArg(v: string): Party {
  const p = Party.safeParse(v.toUpperCase());
  if (!p.success) throw new InvalidArgumentError('a member state code (LT, PL, …) or EU');
  return p.data;
}

export function federationCommand(ctx: CliContext): Command {
  const cmd = new Command('federation').description(
    'the exchange with other installations (docs/federation.md)',
  );
  cmd
    .command('keygen')
    .description('write a new Ed25519 signing key pair for this installation')
    .addOption(
      new Option('--party <code>', 'this installation: a member state, or EU')
        .makeOptionMandatory()
        .argParser(partyArg),
    )
    .requiredOption('--out <dir>', 'folder for <party>.private.jwk and <party>.public.jwk')
    .option('--force', 'replace existing key files')
    .action(async (opts: { party: Party; out: string; force?: boolean }) => {
      const name = opts.party.toLowerCase();
      const privatePath = join(opts.out, `${name}.private.jwk`);
      const publicPath = join(opts.out, `${name}.public.jwk`);
      if (!opts.force && (existsSync(privatePath) || existsSync(publicPath)))
        throw new UsageError(
          `${privatePath} or ${publicPath} exists: --force to replace the key (peers must then get the new public key)`,
        );
      mkdirSync(opts.out, { recursive: true });
      const { privateJwk, publicJwk } = await newKeyPair(opts.party);
      writePrivateFile(privatePath, new TextEncoder().encode(`${JSON.stringify(privateJwk, null, 2)}\n`));
      writeFileSync(publicPath, `${JSON.stringify(publicJwk, null, 2)}\n`);
      const thumbprint = await calculateJwkThumbprint(publicJwk);
      ctx.stdout(
        `wrote ${privatePath} (owner only) and ${publicPath}\nkey thumbprint (RFC 7638): ${thumbprint}\n`,
      );
    });
  return cmd;
}
