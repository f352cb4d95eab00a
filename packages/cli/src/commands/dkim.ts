import { dkimDnsRecord } from '@colibri/mail-store';
import { takePositionals } from '../args.js';
import type { Command } from '../command.js';

export const dkimRecord: Command = {
  path: ['dkim', 'record'],
  usage: '<domain>',
  summary: "Print the DNS TXT record to publish for the domain's DKIM key (made on first use)",
  async run(ctx, { positionals }) {
    const [domain] = takePositionals(this, positionals, 1);
    const record = dkimDnsRecord(await (await ctx.store()).dkimKey(domain!.toLowerCase()));
    ctx.io.out(`${record.zoneLine}\n`);
    return 0;
  },
};
