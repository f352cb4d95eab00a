import { makePdf } from '../attachments.js';
import type { DemoContext, DemoMessage } from '../demo-message.js';
import type { ContactKey } from '../people.js';

interface Vendor {
  from: ContactKey;
  subject: (n: string) => string;
  document: string;
  items: (ctx: DemoContext) => [string, number][];
  text: string;
}

const VENDORS: Vendor[] = [
  {
    from: 'cloud',
    subject: (n) => `Your Nimbus Cloud invoice ${n}`,
    document: 'Invoice',
    items: (ctx) => [
      ['Compute, 2 instances', 38 + ctx.rng.int(0, 9)],
      ['Object storage, 1.2 TB', 24],
      ['Backups', 6],
    ],
    text: 'Thank you for using Nimbus Cloud. Your invoice is attached as a PDF; the amount will be charged to your card on file.',
  },
  {
    from: 'books',
    subject: (n) => `Order ${n} confirmed, receipt attached`,
    document: 'Receipt',
    items: (ctx) => [
      [
        ctx.rng.pick([
          'The Left Hand of Darkness',
          'Designing Data-Intensive Applications',
          'The Dispossessed',
          'Braiding Sweetgrass',
        ]),
        14 + ctx.rng.int(0, 20),
      ],
      ['Shipping', 3],
    ],
    text: 'Thanks for your order! Your books are on their way. The receipt is attached.',
  },
  {
    from: 'rail',
    subject: (n) => `Your e-ticket ${n}`,
    document: 'E-ticket',
    items: (ctx) => [
      [
        `Return ticket, ${ctx.rng.pick(['Lyon', 'Geneva', 'Basel', 'Turin'])}, 2nd class`,
        60 + ctx.rng.int(0, 60),
      ],
    ],
    text: 'Your ticket is attached. Please show it on your phone or printed during the journey.',
  },
];

const euros = (amount: number) => `${amount.toFixed(2)} EUR`;

/** Invoices, receipts and tickets, each with a small PDF, filed by alice into Receipts. */
export function receipts(ctx: DemoContext): DemoMessage[] {
  const messages: DemoMessage[] = [];
  VENDORS.forEach((vendor, v) => {
    for (let month = 2; month >= 0; month--) {
      const number = `${['NC', 'PL', 'RT'][v]}-${ctx.rng.int(10000, 99999)}`;
      const date = ctx.at(month * 30 + 3 + v * 4);
      const items = vendor.items(ctx);
      const total = items.reduce((sum, [, price]) => sum + price, 0);
      const key = `receipt-${number}`;
      const lines = [
        `Number: ${number}`,
        `Date: ${date.toISOString().slice(0, 10)}`,
        'Billed to: Alice Durand, alice@colibri.test',
        '',
        ...items.map(([label, price]) => `${label.padEnd(48, '.')} ${euros(price)}`),
        '',
        `Total (VAT included) ${euros(total)}`,
      ];
      messages.push({
        key,
        messageId: ctx.messageId(key, vendor.from),
        from: vendor.from,
        to: ['alice'],
        subject: vendor.subject(number),
        date,
        text: `Hello Alice,\n\n${vendor.text}\n\n${lines.slice(0, 2).join('\n')}\nTotal: ${euros(total)}\n`,
        attachments: [
          {
            filename: `${vendor.document.replace(/\W/g, '')}-${number}.pdf`,
            contentType: 'application/pdf',
            content: makePdf(`${vendor.document} ${number}`, lines),
          },
        ],
        folder: { alice: 'Receipts' },
      });
    }
  });
  return messages;
}
