import { Capability } from '@colibri/jmap-types';
import type { Id, Invocation, JmapResponse, Session } from '@colibri/jmap-types';

/** Method arguments as they go over the wire: the suite sends malformed ones on purpose. */
export type Args = Record<string, unknown>;

/** Every capability a mail client uses; tests about `using` itself pass their own list. */
export const allMail: string[] = [
  Capability.Core,
  Capability.Mail,
  Capability.Submission,
  Capability.VacationResponse,
  Capability.Quota,
  Capability.Blob,
  Capability.Mdn,
];

/** An HTTP answer, read whole: status, headers, text, and the JSON when the text is JSON. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface BlobUploaded {
  accountId: Id;
  blobId: Id;
  type: string;
  size: number;
}

/** One authenticated JMAP user, talking raw HTTP to the server (no typed client in between). */
export interface JmapAccount {
  readonly email: string;
  readonly password: string;
  /** The `Authorization` header value (Basic). */
  readonly authorization: string;
  readonly session: Session;
  /** The primary mail account. */
  readonly accountId: Id;
  /** POSTs any body to the API URL: a string as is, anything else as JSON. */
  post(body: unknown, contentType?: string): Promise<RawAnswer>;
  /** One JMAP request; fails the test unless the server answers 200 with a Response object. */
  request(methodCalls: Invocation[], using?: string[], createdIds?: Record<Id, Id>): Promise<JmapResponse>;
  /** One method call; resolves with the response invocation, whatever its name. */
  invoke(name: string, args: Args, using?: string[]): Promise<Invocation>;
  /** One method call that must succeed: the response's arguments (typed by the caller). */
  ok<T = Args>(name: string, args: Args, using?: string[]): Promise<T>;
  upload(body: string | Uint8Array, type: string, accountId?: Id): Promise<BlobUploaded>;
  /** GET on the session's downloadUrl template. */
  download(blobId: Id, name: string, type: string, headers?: Record<string, string>): Promise<Response>;
}

export async function readAnswer(response: Response): Promise<RawAnswer> {
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: the test looks at `text`.
  }
  return { status: response.status, headers: response.headers, text, json };
}

export function basicAuthorization(email: string, password: string): string {
  return `Basic ${Buffer.from(`${email}:${password}`, 'utf8').toString('base64')}`;
}

/** RFC 6570 level 1, as RFC 8620 §2 uses it in downloadUrl and uploadUrl. */
export function expandTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
}

export async function fetchSession(baseURL: string, authorization: string): Promise<Session> {
  const response = await fetch(`${baseURL}/.well-known/jmap`, { headers: { Authorization: authorization } });
  if (response.status !== 200) throw new Error(`GET /.well-known/jmap answered ${response.status}`);
  return (await response.json()) as Session;
}

/** Logs in as `email` and reads its Session. */
export async function openAccount(baseURL: string, email: string, password: string): Promise<JmapAccount> {
  const authorization = basicAuthorization(email, password);
  const session = await fetchSession(baseURL, authorization);
  const accountId = session.primaryAccounts[Capability.Mail];
  if (!accountId) throw new Error(`${email} has no primary mail account.`);

  const post = async (body: unknown, contentType = 'application/json'): Promise<RawAnswer> =>
    readAnswer(
      await fetch(session.apiUrl, {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Type': contentType },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );

  const request = async (
    methodCalls: Invocation[],
    using: string[] = allMail,
    createdIds?: Record<Id, Id>,
  ): Promise<JmapResponse> => {
    const answer = await post({ using, methodCalls, ...(createdIds ? { createdIds } : {}) });
    const body = answer.json as JmapResponse | undefined;
    if (answer.status !== 200 || !Array.isArray(body?.methodResponses))
      throw new Error(`The API answered ${answer.status}: ${answer.text.slice(0, 500)}`);
    return body;
  };

  const invoke = async (name: string, args: Args, using?: string[]): Promise<Invocation> => {
    const { methodResponses } = await request([[name, args, 'c0']], using);
    const first = methodResponses[0];
    if (!first) throw new Error(`${name}: no method response`);
    return first;
  };

  return {
    email,
    password,
    authorization,
    session,
    accountId,
    post,
    request,
    invoke,
    async ok<T = Args>(name: string, args: Args, using?: string[]): Promise<T> {
      const [responseName, result] = await invoke(name, args, using);
      if (responseName !== name)
        throw new Error(`${name} answered ${responseName}: ${JSON.stringify(result)}`);
      return result as T;
    },
    async upload(body, type, uploadAccountId = accountId) {
      const response = await fetch(expandTemplate(session.uploadUrl, { accountId: uploadAccountId }), {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Type': type },
        body: typeof body === 'string' ? body : Buffer.from(body),
      });
      const answer = await readAnswer(response);
      if (answer.status !== 201 && answer.status !== 200)
        throw new Error(`Upload answered ${answer.status}: ${answer.text.slice(0, 500)}`);
      return answer.json as BlobUploaded;
    },
    download(blobId, name, type, headers = {}) {
      const url = expandTemplate(session.downloadUrl, { accountId, blobId, name, type });
      return fetch(url, { headers: { Authorization: authorization, ...headers } });
    },
  };
}
