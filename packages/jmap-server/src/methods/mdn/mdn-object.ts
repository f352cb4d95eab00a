import {
  actionModes,
  dispositionTypes,
  extensionFieldName,
  mdnLimits,
  sendingModes,
  standardMdnFields,
} from '@colibri/mail-store';
import { z } from 'zod';

const field = z.string().max(mdnLimits.maxFieldChars);
/** A message/disposition-notification field value is US-ASCII on one line (RFC 8098 §3.1). */
const asciiField = field.regex(/^[\x20-\x7e\t]*$/, 'US-ASCII on one line');

/** RFC 9007 §2: the disposition, its three parts from RFC 8098 §3.2.6. */
export const dispositionSchema = z.strictObject({
  actionMode: z.enum(actionModes),
  sendingMode: z.enum(sendingModes),
  type: z.enum(dispositionTypes),
});

/** RFC 8098 §3.3: extension fields are header fields that are not the standard ones. */
const extensionFieldsSchema = z
  .record(z.string(), asciiField)
  .refine((fields) => Object.keys(fields).length <= mdnLimits.maxExtensionFields, {
    message: `At most ${mdnLimits.maxExtensionFields} extension fields.`,
  })
  .refine(
    (fields) =>
      Object.keys(fields).every(
        (name) => extensionFieldName.test(name) && !standardMdnFields.has(name.toLowerCase()),
      ),
    { message: 'An extension field name must be a header field name other than the RFC 8098 fields.' },
  );

/** The properties RFC 9007 §2 lets the server set; a client may send them only as null. */
const serverSet = z.null().optional();

/**
 * RFC 9007 §2.1: an MDN to send. forEmailId and disposition are required; finalRecipient may
 * override the identity's address; mdnGateway, originalRecipient, originalMessageId and error
 * are the server's.
 */
export const sendMdnSchema = z.strictObject({
  forEmailId: z.string(),
  subject: field.nullable().optional(),
  textBody: z.string().max(mdnLimits.maxTextBodyChars).nullable().optional(),
  includeOriginalMessage: z.boolean().optional(),
  reportingUA: asciiField.nullable().optional(),
  disposition: dispositionSchema,
  finalRecipient: asciiField.nullable().optional(),
  extensionFields: extensionFieldsSchema.nullable().optional(),
  mdnGateway: serverSet,
  originalRecipient: serverSet,
  originalMessageId: serverSet,
  error: serverSet,
});

export type SendMdn = z.infer<typeof sendMdnSchema>;
