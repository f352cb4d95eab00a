import { landscapePng } from '../attachments.js';
import type { ThreadScript } from '../thread-builder.js';

/** Friends, family and errands: the demo is someone's mailbox, not only work. */
export const PERSONAL_THREADS: ThreadScript[] = [
  {
    key: 'lunch-thursday',
    subject: 'Lunch on Thursday?',
    daysAgo: 2,
    messages: [
      {
        from: 'bob',
        to: ['alice'],
        text: `Hey Alice,\n\nthe new ramen place opened next to the station. Lunch on Thursday, 12:30?\n\nBob`,
      },
      { from: 'alice', text: `Yes please! 12:30 works. Shall we ask Carol too?\n\nAlice` },
      {
        from: 'bob',
        to: ['alice'],
        cc: ['carol'],
        text: `Carol, ramen on Thursday 12:30 with us?\n\nBob`,
        unread: true,
      },
    ],
  },
  {
    key: 'hike-sunday',
    subject: 'Hiking on Sunday',
    daysAgo: 11,
    messages: [
      {
        from: 'hannah',
        to: ['alice'],
        text: `Hi Alice!\n\nThe weather looks great for Sunday. Ridge trail, leaving at 8 from the car park?\n\nHannah`,
      },
      { from: 'alice', text: `I'm in! I'll bring the thermos and the map.\n\nAlice` },
      { from: 'hannah', text: `Perfect. Don't forget sun cream, last time was a lesson.\n\nH.` },
      {
        from: 'hannah',
        afterHours: 40,
        text: `What a day! Here's the view from the top, I think it's my new wallpaper.\n\nHannah`,
        attachments: () => [
          { filename: 'ridge-view.png', contentType: 'image/png', content: landscapePng() },
        ],
      },
      { from: 'alice', text: `Gorgeous! Same time next month?\n\nAlice` },
    ],
  },
  {
    key: 'dinner-mum',
    subject: 'Dinner on Saturday',
    daysAgo: 24,
    messages: [
      {
        from: 'martine',
        to: ['alice'],
        text: `Hello darling,\n\nare you coming for dinner on Saturday? Your brother will be there too. I'm making the lemon tart.\n\nLove,\nMum`,
      },
      { from: 'alice', text: `Hi Mum, yes of course! I'll bring a bottle of cider. Around 7?\n\nAlice` },
      { from: 'martine', text: `7 is perfect. See you then!\n\nMum` },
    ],
  },
  {
    key: 'flat-viewing',
    subject: 'Flat viewing: 3 rooms, Rue des Lilas',
    daysAgo: 5,
    messages: [
      {
        from: 'agent',
        to: ['alice'],
        text: `Dear Ms Durand,\n\nfollowing your enquiry, the flat on Rue des Lilas (3 rooms, 68 m², second floor, balcony) can be visited on Wednesday at 18:00 or Saturday at 10:30. Which slot suits you?\n\nKind regards,\nLena\nHomes & Co`,
      },
      { from: 'alice', text: `Dear Lena,\n\nSaturday at 10:30 please.\n\nBest regards,\nAlice Durand` },
    ],
  },
  {
    key: 'book-club',
    subject: 'Book club pick for next month',
    daysAgo: 38,
    messages: [
      {
        from: 'hannah',
        to: ['alice'],
        text: `Your turn to pick the book! Something shorter than last time, please :)\n\nHannah`,
      },
      {
        from: 'alice',
        text: `How about "The Left Hand of Darkness"? Short-ish, and we never did any science fiction.\n\nAlice`,
      },
      { from: 'hannah', text: `Great choice, I'll tell the others.\n\nHannah` },
    ],
  },
  {
    key: 'bob-carol-handover',
    subject: 'On-call handover',
    daysAgo: 4,
    messages: [
      {
        from: 'bob',
        to: ['carol'],
        text: `Hi Carol,\n\nI'm on holiday next week, could you take the on-call phone from Friday evening? Runbook is up to date.\n\nBob`,
      },
      { from: 'carol', text: `Sure, I'll pick it up on Friday at 17:00. Enjoy your holiday!\n\nCarol` },
    ],
  },
];
