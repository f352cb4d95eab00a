import { createECDH, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_PLAINTEXT_BYTES, decryptWebPush, encryptWebPush } from './web-push-encryption.js';

const b64 = (text: string) => Buffer.from(text, 'base64url');

describe('RFC 8291 Web Push message encryption (aes128gcm, RFC 8188)', () => {
  it('reproduces the RFC 8291 Appendix A example exactly', () => {
    const message = encryptWebPush(
      Buffer.from('When I grow up, I want to be a watermelon'),
      {
        p256dh: 'BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4',
        auth: 'BTBZMqHH6r4Tts7J_aSIgg',
      },
      {
        salt: b64('DGv6ra1nlYgDCS1FRnbzlw'),
        senderPrivateKey: b64('yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw'),
      },
    );
    expect(message.toString('base64url')).toBe(
      'DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN',
    );
  });

  it('round-trips with a fresh key pair and refuses a payload over one record', () => {
    const ua = createECDH('prime256v1');
    ua.generateKeys();
    const auth = randomBytes(16);
    const keys = { p256dh: ua.getPublicKey().toString('base64url'), auth: auth.toString('base64url') };
    const payload = Buffer.from('{"@type":"StateChange","changed":{}}');
    const message = encryptWebPush(payload, keys);
    expect(decryptWebPush(message, ua.getPrivateKey(), auth).toString()).toBe(payload.toString());
    expect(() => encryptWebPush(Buffer.alloc(MAX_PLAINTEXT_BYTES + 1), keys)).toThrow(/at most/);
  });
});
