import type { Command } from '../command.js';
import { aliasAdd, aliasDelete, aliasList } from './alias.js';
import { dkimRecord } from './dkim.js';
import { domainAdd, domainList } from './domain.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { quotaSet, quotaShow } from './quota.js';
import { resourceAdd, resourceDelete, resourceList } from './resource.js';
import { tokenCreate, tokenList, tokenRevoke } from './token.js';
import { userAdd, userDelete, userList, userPasswd, userReset, userThrowaway } from './user.js';

/** Every `colibri` command; a new one (e.g. `alias add`) is one file and one entry here. */
export const commands: readonly Command[] = [
  domainAdd,
  domainList,
  userAdd,
  userList,
  userPasswd,
  userDelete,
  userThrowaway,
  userReset,
  aliasAdd,
  aliasList,
  aliasDelete,
  resourceAdd,
  resourceList,
  resourceDelete,
  dkimRecord,
  quotaSet,
  quotaShow,
  tokenCreate,
  tokenList,
  tokenRevoke,
  importCommand,
  exportCommand,
];
