import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { boundaries } from './boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;

const root = path.resolve(import.meta.dirname, '../..');
const at = (rel: string) => path.join(root, rel);
const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
});

tester.run('colibri/boundaries', boundaries, {
  valid: [
    {
      filename: at('apps/web/src/app/app.tsx'),
      code: "import { createJmapClient } from '@colibri/jmap-client';",
    },
    { filename: at('apps/web/src/app/app.tsx'), code: "import '@colibri/ui/tokens.css';" },
    {
      filename: at('apps/web/src/features/mail/components/list.tsx'),
      code: "import { x } from '../api/keys';",
    },
    {
      filename: at('apps/web/src/features/mail/components/list.tsx'),
      code: "import { x } from '../../../lib/jmap';",
    },
    {
      filename: at('packages/jmap-server/src/engine.ts'),
      code: "import { openMailStore } from '@colibri/mail-store';",
    },
    {
      filename: at('apps/bff/src/config/stores.ts'),
      code: "import { openMailStore } from '@colibri/mail-store';",
    },
    {
      filename: at('packages/ui/src/avatar/avatar.tsx'),
      code: "import type { EmailAddress } from '@colibri/jmap-types';",
    },
  ],
  invalid: [
    {
      filename: at('apps/web/src/app/app.tsx'),
      code: "import { openMailStore } from '@colibri/mail-store';",
      errors: 1,
    },
    {
      filename: at('apps/web/src/app/app.tsx'),
      code: "import { x } from '@colibri/jmap-server';",
      errors: 1,
    },
    { filename: at('apps/web/src/lib/x.ts'), code: "import { readFile } from 'node:fs';", errors: 1 },
    {
      filename: at('apps/web/src/features/mail/api/x.ts'),
      code: "import { login } from '../../auth/api/login';",
      errors: 1,
    },
    {
      filename: at('packages/mail-store/src/x.ts'),
      code: "import type { Email } from '@colibri/jmap-types';",
      errors: 1,
    },
    {
      filename: at('packages/jmap-client/src/x.ts'),
      code: "import { x } from '@colibri/jmap-types/src/core';",
      errors: 1,
    },
    {
      filename: at('packages/jmap-client/src/x.ts'),
      code: "import { x } from '../../jmap-types/src/core.js';",
      errors: 1,
    },
    {
      filename: at('packages/ui/src/x.tsx'),
      code: "import { Capability } from '@colibri/jmap-types';",
      errors: 1,
    },
    {
      filename: at('apps/bff/src/http/app.ts'),
      code: "import { openMailStore } from '@colibri/mail-store';",
      errors: 1,
    },
    { filename: at('e2e/tests/x.spec.ts'), code: "import { startColibri } from '@colibri/bff';", errors: 1 },
  ],
});
