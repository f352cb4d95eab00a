import { makePdf, mockupPng } from '../attachments.js';
import type { ThreadScript } from '../thread-builder.js';

/** Work conversations of the demo organisation, with partners and contributors. */
export const WORK_THREADS: ThreadScript[] = [
  {
    key: 'release-checklist',
    subject: 'Colibri 0.1 release checklist',
    daysAgo: 6,
    folder: 'Projects/Colibri',
    messages: [
      {
        from: 'carol',
        to: ['alice', 'bob'],
        text: `Hi both,\n\nhere is the checklist for Friday's release. Please tick what you own:\n\n- [ ] migration notes (Bob)\n- [ ] changelog and screenshots (Alice)\n- [ ] announcement draft (me)\n- [ ] smoke test on the staging server (Bob)\n\nIf anything slips, tell me before Thursday noon so we can move the date calmly.\n\nCarol`,
        flaggedBy: ['alice'],
      },
      {
        from: 'bob',
        text: `Migration notes are done, they're in docs/upgrading.md. I'll run the smoke test tomorrow morning.\n\nBob`,
      },
      {
        from: 'alice',
        to: ['carol'],
        cc: ['bob'],
        text: `Changelog is merged. For the screenshots I'd like to wait for the dark theme fix, it should land tonight.\n\nAlice`,
      },
      {
        from: 'carol',
        text: `Sounds good. I'll hold the announcement until you send the screenshots.\n\nCarol`,
      },
      {
        from: 'bob',
        afterHours: 15,
        text: `Smoke test passed on staging: login, inbox, search, sending. One warning in the logs about a slow query, I opened an issue for it. Good to go from my side.\n\nBob`,
      },
    ],
  },
  {
    key: 'northwind-contract',
    subject: 'Contract renewal — Northwind',
    daysAgo: 34,
    messages: [
      {
        from: 'dora',
        to: ['alice'],
        text: `Dear Alice,\n\nour support contract ends at the end of next month. Please find attached the renewal draft our legal team prepared. The main change is the response time for priority-one incidents, which we would like to bring down from eight to four hours.\n\nCould you have a look and tell me whether that works for you?\n\nBest regards,\nDora Keller\nHead of IT, Northwind`,
        attachments: () => [
          {
            filename: 'Northwind-support-renewal-draft.pdf',
            contentType: 'application/pdf',
            content: makePdf('Support contract renewal (draft)', [
              'Between Northwind Ltd and the Colibri team.',
              '',
              '1. Scope: hosting, updates and support of the Colibri mail suite.',
              '2. Term: twelve months, renewed by written agreement.',
              '3. Response times: priority 1 within 4 hours, priority 2 within 1 business day.',
              '4. Fees: as per the annex, invoiced quarterly.',
              '',
              'Draft for discussion - not signed.',
            ]),
          },
        ],
        flaggedBy: ['alice'],
      },
      {
        from: 'alice',
        cc: ['carol'],
        text: `Hello Dora,\n\nthank you for the draft. Four hours for priority one is fine if we agree on what priority one means: I suggest "mail cannot be sent or received by more than a quarter of your users". I'm copying Carol, who handles the commercial side.\n\nBest,\nAlice`,
      },
      {
        from: 'dora',
        text: `That definition works for us. I'll ask legal to add it to section 3 and send you the final version.\n\nDora`,
      },
      {
        from: 'carol',
        to: ['dora'],
        cc: ['alice'],
        text: `Thanks Dora, I'll prepare the annex with the fees so both can be signed together.\n\nCarol Nguyen`,
      },
    ],
  },
  {
    key: 'server-migration',
    subject: 'Server migration weekend',
    daysAgo: 47,
    messages: [
      {
        from: 'bob',
        to: ['alice', 'carol'],
        text: `Hi,\n\nthe new machines are racked. I'd like to migrate the mail storage on Saturday the week after next, starting 8:00. Expected downtime: about two hours, most of it copying blobs.\n\nObjections?\n\nBob`,
      },
      { from: 'carol', text: `Fine for me. Please post a notice on the status page a week before.\n\nCarol` },
      {
        from: 'alice',
        text: `Fine too. Could we keep the old server read-only for a week afterwards, just in case?\n\nAlice`,
      },
      {
        from: 'bob',
        afterHours: 30,
        text: `Yes, I'll keep it around read-only until the end of that month. Notice is up on the status page.\n\nBob`,
      },
    ],
  },
  {
    key: 'jmap-push',
    subject: 'Question about JMAP push and EventSource',
    daysAgo: 21,
    messages: [
      {
        from: 'eitan',
        to: ['alice'],
        text: `Hi Alice,\n\nI'm writing a small JMAP client for the terminal and trying your server. Is the EventSource endpoint meant to work already? I get a 501 from /jmap/eventsource.\n\nThanks for the nice code base, it's a pleasure to read.\n\nEitan`,
      },
      {
        from: 'alice',
        text: `Hi Eitan,\n\nthanks for trying it! Push is not implemented yet, the 501 is on purpose. It's next on our list, together with /changes for every type. Until then, polling Email/changes every minute is the way to go.\n\nAlice`,
      },
      {
        from: 'eitan',
        text: `Perfect, I'll poll for now. I'm happy to test the push branch when it's ready.\n\nEitan`,
      },
    ],
  },
  {
    key: 'onboarding-mockups',
    subject: 'Feedback on the onboarding flow mockups',
    daysAgo: 12,
    messages: [
      {
        from: 'fatima',
        to: ['alice'],
        cc: ['carol'],
        text: `Hello Alice, hello Carol,\n\nattached is the first mockup of the onboarding flow: three steps, import, signature, done. I kept the mailbox list visible behind the dialog so people see where they land.\n\nLooking forward to your comments,\nFatima`,
        attachments: () => [
          { filename: 'onboarding-step-1.png', contentType: 'image/png', content: mockupPng() },
        ],
      },
      {
        from: 'alice',
        text: `Hi Fatima,\n\nI like it a lot. Two things: the import step should say how long it will take, and the "Skip" link needs to be reachable by keyboard before the "Next" button.\n\nAlice`,
      },
      {
        from: 'carol',
        to: ['fatima'],
        cc: ['alice'],
        text: `Agree with Alice. Also, could the last step suggest installing the mobile app? Nothing pushy.\n\nCarol`,
      },
      { from: 'fatima', text: `Noted, all three. New version on Monday.\n\nFatima` },
    ],
  },
  {
    key: 'search-escalation',
    subject: 'Escalation: search is slow for the finance team',
    daysAgo: 3,
    messages: [
      {
        from: 'dora',
        to: ['alice'],
        cc: ['bob'],
        text: `Hi Alice,\n\nsince yesterday the finance team reports that searching their shared mailbox takes 20 to 30 seconds. It is month-end closing for them, so this is urgent.\n\nDora`,
        flaggedBy: ['alice'],
      },
      {
        from: 'alice',
        text: `Hi Dora, thanks for the report. Bob is looking at it right now; I'll keep you posted within the hour.\n\nAlice`,
      },
      {
        from: 'bob',
        to: ['alice', 'dora'],
        text: `Found it: the full-text index of that mailbox was not rebuilt after the migration, so every search scanned the messages. The rebuild is running and should finish in about 40 minutes.\n\nBob`,
      },
      { from: 'dora', text: `Searches are instant again. Thank you both for the quick reaction.\n\nDora` },
      {
        from: 'alice',
        to: ['bob'],
        cc: [],
        text: `Nice catch. Could you add an index check to the migration script so this cannot happen again?\n\nAlice`,
        unread: true,
      },
    ],
  },
  {
    key: 'security-review',
    subject: 'Security review findings',
    daysAgo: 27,
    messages: [
      {
        from: 'bob',
        to: ['alice', 'carol'],
        text: `Hi,\n\nthe external review is back. No critical findings. Two mediums:\n\n1. the login endpoint did not slow down repeated failures;\n2. downloads were served with the type the client asked for, without a sandbox.\n\nBoth have fixes in review. Report attached to the ticket.\n\nBob`,
        flaggedBy: ['alice', 'carol'],
      },
      {
        from: 'alice',
        text: `Good news overall. For (2), let's add Content-Security-Policy: sandbox on every download response, not only HTML.\n\nAlice`,
      },
      {
        from: 'carol',
        text: `Thanks Bob. Can we have both fixes deployed before the Northwind renewal is signed?\n\nCarol`,
      },
      { from: 'bob', text: `Both are merged and deployed since this morning.\n\nBob` },
    ],
  },
  {
    key: 'a11y-audit',
    subject: 'Accessibility audit results',
    daysAgo: 55,
    messages: [
      {
        from: 'fatima',
        to: ['alice', 'carol'],
        text: `Hi both,\n\nthe audit of the web app is done. The good: keyboard navigation in the message list, contrast of the main theme. To fix: the mailbox tree does not announce unread counts to screen readers, and focus is lost after deleting a message.\n\nFatima`,
      },
      { from: 'alice', text: `Thanks Fatima, very useful. I'll take both issues this sprint.\n\nAlice` },
      { from: 'carol', text: `Great work. Let's run the same audit again before the release.\n\nCarol` },
    ],
  },
  {
    key: 'interviews',
    subject: 'Interview schedule for the frontend role',
    daysAgo: 16,
    messages: [
      {
        from: 'carol',
        to: ['alice', 'bob'],
        text: `Hi,\n\nwe have three candidates for the frontend position. I'd like each of them to meet Alice for the technical part and Bob for the pairing session. Proposed slots: Tuesday 10:00, Wednesday 14:00, Thursday 11:00.\n\nCarol`,
      },
      {
        from: 'bob',
        text: `Tuesday and Thursday are fine, Wednesday afternoon I'm at the data centre.\n\nBob`,
      },
      {
        from: 'alice',
        text: `All three work for me. Could we move Wednesday's candidate to Friday morning so Bob can join?\n\nAlice`,
      },
      { from: 'carol', text: `Done, Friday 9:30. Invitations will follow.\n\nCarol` },
    ],
  },
  {
    key: 'translation',
    subject: 'French translation of the web app',
    daysAgo: 40,
    messages: [
      {
        from: 'alice',
        to: ['jules'],
        text: `Bonjour Jules,\n\nas discussed, here is the list of strings for the French version of the web app: about 300, most of them short. Would two weeks work for you?\n\nMerci !\nAlice`,
      },
      {
        from: 'jules',
        text: `Bonjour Alice,\n\ntwo weeks is fine. One question: do you prefer "courriel" or "e-mail"?\n\nJules`,
      },
      {
        from: 'alice',
        text: `"Courriel" in the interface, please, and "e-mail" only where the context is technical.\n\nAlice`,
      },
      {
        from: 'jules',
        afterHours: 200,
        text: `The translation is done and pushed to the translation branch. I left three comments where the English was ambiguous.\n\nJules`,
      },
    ],
  },
  {
    key: 'welcome-idris',
    subject: 'Welcome Idris!',
    daysAgo: 9,
    messages: [
      {
        from: 'carol',
        to: ['alice', 'bob'],
        cc: ['idris'],
        text: `Hi everyone,\n\nplease welcome Idris, who joins us on Monday as our new frontend developer. Idris, Alice will be your onboarding buddy for the first weeks.\n\nCarol`,
      },
      { from: 'bob', text: `Welcome aboard Idris! Coffee on Monday?\n\nBob` },
      { from: 'idris', text: `Thank you all, I'm looking forward to it. Coffee sounds great.\n\nIdris` },
      {
        from: 'alice',
        text: `Welcome Idris! I've set up your accounts; we'll go through the code base together on Monday afternoon.\n\nAlice`,
      },
    ],
  },
  {
    key: 'backup-alerts',
    subject: 'Backup alerts last night',
    daysAgo: 1,
    messages: [
      {
        from: 'bob',
        to: ['alice'],
        text: `Hi Alice,\n\nyou may have seen the backup alerts last night. The object storage was briefly unreachable; the job retried and completed at 03:40. Nothing lost, but I'd like to add a second target. Can we talk about the budget?\n\nBob`,
      },
      { from: 'alice', text: `Thanks for handling it. Yes, let's discuss it at the weekly sync.\n\nAlice` },
    ],
  },
  {
    key: 'offsite',
    subject: 'Team offsite: venue options',
    daysAgo: 18,
    messages: [
      {
        from: 'carol',
        to: ['alice', 'bob'],
        text: `Hi,\n\nthree options for the offsite in June:\n\n1. a farmhouse near the lake, 2 hours by train;\n2. a coworking space in the old town, no travel;\n3. a mountain lodge, beautiful but 4 hours away.\n\nVotes by Friday please.\n\nCarol`,
      },
      { from: 'bob', text: `1, without hesitation.\n\nBob` },
      {
        from: 'alice',
        text: `1 for me too, as long as the wifi holds up. 3 would be lovely for a longer stay.\n\nAlice`,
      },
      { from: 'carol', text: `Farmhouse it is. I'll book it today.\n\nCarol` },
    ],
  },
  {
    key: 'talk-proposal',
    subject: 'Talk proposal: a mail server you can read in an afternoon',
    daysAgo: 63,
    messages: [
      {
        from: 'alice',
        to: ['carol'],
        text: `Hi Carol,\n\nI'd like to submit a talk to the open source summit about how we keep Colibri small and readable. Deadline is Sunday. Would you review the abstract?\n\nAlice`,
      },
      {
        from: 'carol',
        text: `Gladly. Send it over. Maybe lead with the demo, people love a live login.\n\nCarol`,
      },
      { from: 'alice', text: `Good idea, I reordered it. Submitted!\n\nAlice` },
    ],
  },
  {
    key: 'hardware-budget',
    subject: 'Hardware budget for next quarter',
    daysAgo: 74,
    messages: [
      {
        from: 'carol',
        to: ['alice'],
        text: `Hi Alice,\n\nfinance asks for next quarter's hardware budget by the end of the week. Do you need anything besides the two laptops for the new hires?\n\nCarol`,
      },
      {
        from: 'alice',
        text: `A second test server would help; the current one is shared with the CI. Around 2,000 EUR.\n\nAlice`,
      },
    ],
  },
];
