import { connect } from 'node:net';

/** A line to send and how many replies it gets (LMTP answers DATA once per recipient). */
export type DialogueStep = string | { send: string; replies: number };

/**
 * Plays a scripted SMTP/LMTP dialogue on a raw socket: waits for the greeting, then sends each
 * step once the previous one has all its replies. Resolves with every reply, greeting first
 * (a multi-line reply is one string).
 */
export function dialogue(port: number, steps: DialogueStep[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let buffer = '';
    const replies: string[] = [];
    let next = 0;
    let awaiting = 1;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      // A reply ends with a line "NNN text" (no dash after the code).
      while (/^\d{3} .*\r\n/m.test(buffer)) {
        const end = buffer.search(/^\d{3} .*\r\n/m);
        const lineEnd = buffer.indexOf('\r\n', end) + 2;
        replies.push(buffer.slice(0, lineEnd));
        buffer = buffer.slice(lineEnd);
        if (--awaiting > 0) continue;
        const step = steps[next++];
        if (step === undefined) {
          socket.end();
          resolve(replies);
          return;
        }
        const { send, replies: count } = typeof step === 'string' ? { send: step, replies: 1 } : step;
        awaiting = count;
        socket.write(`${send}\r\n`);
      }
    });
    socket.on('error', reject);
  });
}
