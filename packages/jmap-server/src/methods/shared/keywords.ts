import { z } from 'zod';

/**
 * RFC 8621 §4.1.1: a keyword is 1-255 characters of ASCII %x21-%x7E except ( ) { ] % * " \
 * (IMAP atom-specials). Keywords are case-insensitive, so the server keeps them lower-cased.
 */
export const keywordSchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/, 'not a keyword')
  .refine((value) => !/[(){\]%*"\\]/.test(value), 'not a keyword')
  .transform((value) => value.toLowerCase());
