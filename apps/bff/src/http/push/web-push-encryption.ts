import { createCipheriv, createDecipheriv, createECDH, hkdfSync, randomBytes } from 'node:crypto';

/** RFC 8188 §2: one record holds the whole push message (push services take at most 4096 bytes). */
export const RECORD_SIZE = 4096;
const TAG_BYTES = 16;
/** The largest payload one record holds: the record minus the padding delimiter and the tag. */
export const MAX_PLAINTEXT_BYTES = RECORD_SIZE - 1 - TAG_BYTES;

export interface WebPushKeys {
  /** base64url of the user agent's uncompressed P-256 public key (65 bytes). */
  p256dh: string;
  /** base64url of the 16-byte authentication secret. */
  auth: string;
}

/** RFC 8291 §3.3-§3.4: the content encryption key and nonce from the ECDH secret. */
function derive(
  ecdhSecret: Buffer,
  authSecret: Buffer,
  uaPublic: Buffer,
  asPublic: Buffer,
  salt: Buffer,
): { key: Buffer; nonce: Buffer } {
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, authSecret, keyInfo, 32));
  // RFC 8188 §2.2-§2.3.
  const key = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  return { key, nonce };
}

/**
 * RFC 8291 (Message Encryption for Web Push) with the aes128gcm content coding of RFC 8188: a
 * fresh ECDH key pair per message, one record, the header carrying salt, record size and our
 * public key. `salt` and `senderPrivateKey` are for test vectors only.
 */
export function encryptWebPush(
  payload: Buffer,
  keys: WebPushKeys,
  options: { salt?: Buffer; senderPrivateKey?: Buffer } = {},
): Buffer {
  if (payload.length > MAX_PLAINTEXT_BYTES)
    throw new Error(`A push payload holds at most ${MAX_PLAINTEXT_BYTES} bytes.`);
  const uaPublic = Buffer.from(keys.p256dh, 'base64url');
  const authSecret = Buffer.from(keys.auth, 'base64url');
  const ecdh = createECDH('prime256v1');
  if (options.senderPrivateKey) ecdh.setPrivateKey(options.senderPrivateKey);
  else ecdh.generateKeys();
  const asPublic = ecdh.getPublicKey();
  const salt = options.salt ?? randomBytes(16);
  const { key, nonce } = derive(ecdh.computeSecret(uaPublic), authSecret, uaPublic, asPublic, salt);
  const cipher = createCipheriv('aes-128-gcm', key, nonce);
  // RFC 8188 §2: the last record's padding delimiter is 0x02.
  const body = Buffer.concat([cipher.update(Buffer.concat([payload, Buffer.from([2])])), cipher.final()]);
  const header = Buffer.alloc(21);
  salt.copy(header, 0);
  header.writeUInt32BE(RECORD_SIZE, 16);
  header.writeUInt8(asPublic.length, 20);
  return Buffer.concat([header, asPublic, body, cipher.getAuthTag()]);
}

/** The receiving side (a user agent): for tests, and to check the format end to end. */
export function decryptWebPush(message: Buffer, uaPrivateKey: Buffer, authSecret: Buffer): Buffer {
  const salt = message.subarray(0, 16);
  const idLength = message.readUInt8(20);
  const asPublic = message.subarray(21, 21 + idLength);
  const record = message.subarray(21 + idLength);
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(uaPrivateKey);
  const { key, nonce } = derive(
    ecdh.computeSecret(asPublic),
    authSecret,
    ecdh.getPublicKey(),
    asPublic,
    salt,
  );
  const decipher = createDecipheriv('aes-128-gcm', key, nonce);
  decipher.setAuthTag(record.subarray(record.length - TAG_BYTES));
  const padded = Buffer.concat([
    decipher.update(record.subarray(0, record.length - TAG_BYTES)),
    decipher.final(),
  ]);
  const end = padded.lastIndexOf(2);
  if (end < 0) throw new Error('no padding delimiter');
  return padded.subarray(0, end);
}
