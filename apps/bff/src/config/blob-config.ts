/**
 * Where blobs live (`COLIBRI_BLOBS`): `fs`, content-addressed files under the data folder (the
 * default), or `s3`, an S3-compatible bucket (DESIGN.md "Storage"). Credentials left unset fall
 * back to the AWS SDK's own chain (AWS_* variables, instance or pod role).
 */
export type BlobsConfig =
  | { kind: 'fs' }
  | {
      kind: 's3';
      bucket: string;
      /** null: AWS S3 itself. */
      endpoint: string | null;
      region: string;
      forcePathStyle: boolean;
      /** '' or ending with '/'. */
      prefix: string;
      credentials: { accessKeyId: string; secretAccessKey: string } | null;
    };

type Read = (name: string) => string | undefined;
type Flag = (name: string, fallback: boolean) => boolean;

/** Reads COLIBRI_BLOBS and COLIBRI_S3_*; problems are listed, never with the secret. */
export function parseBlobs(read: Read, flag: Flag, problems: string[]): BlobsConfig {
  const kind = read('COLIBRI_BLOBS')?.toLowerCase() ?? 'fs';
  if (kind === 'fs') return { kind: 'fs' };
  if (kind !== 's3') {
    problems.push(`COLIBRI_BLOBS must be fs or s3, not "${kind}".`);
    return { kind: 'fs' };
  }
  const bucket = read('COLIBRI_S3_BUCKET');
  if (bucket === undefined) problems.push('COLIBRI_S3_BUCKET is required when COLIBRI_BLOBS is s3.');
  const endpoint = read('COLIBRI_S3_ENDPOINT') ?? null;
  if (endpoint !== null && !/^https?:\/\/[^/]/.test(endpoint))
    problems.push(
      `COLIBRI_S3_ENDPOINT must be an http(s) URL such as http://127.0.0.1:9000, not "${endpoint}".`,
    );
  const accessKeyId = read('COLIBRI_S3_ACCESS_KEY_ID');
  const secretAccessKey = read('COLIBRI_S3_SECRET_ACCESS_KEY');
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined))
    problems.push(
      'COLIBRI_S3_ACCESS_KEY_ID and COLIBRI_S3_SECRET_ACCESS_KEY go together: set both, or neither (the AWS SDK chain).',
    );
  const prefix = read('COLIBRI_S3_PREFIX')?.replace(/^\/+/, '') ?? '';
  return {
    kind: 's3',
    bucket: bucket ?? '',
    endpoint,
    region: read('COLIBRI_S3_REGION') ?? 'us-east-1',
    forcePathStyle: flag('COLIBRI_S3_FORCE_PATH_STYLE', false),
    prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`,
    credentials:
      accessKeyId !== undefined && secretAccessKey !== undefined ? { accessKeyId, secretAccessKey } : null,
  };
}
