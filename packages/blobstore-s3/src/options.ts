import { S3Client } from '@aws-sdk/client-s3';

/** Where and how the S3 blob store keeps its objects. No secret has a default. */
export interface S3BlobStoreOptions {
  /** The bucket; it must exist (`openS3BlobStore` checks). */
  bucket: string;
  /** The S3 region; S3-compatible servers mostly ignore it. Default `us-east-1`. */
  region?: string;
  /** An S3-compatible server's URL (`http://127.0.0.1:9000`); unset means AWS S3 itself. */
  endpoint?: string;
  /** Path-style URLs (`endpoint/bucket/key`), which most S3-compatible servers need. Default false. */
  forcePathStyle?: boolean;
  /** Static credentials; unset uses the AWS SDK's default chain (AWS_* variables, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Prepended to every key, so that one bucket can hold several stores (`colibri/`). Default ''. */
  prefix?: string;
  /** Multipart part size for `putStream`, at least 5 MiB (the S3 minimum). Default 8 MiB. */
  partSize?: number;
  /** Parts uploaded at once: a stream holds at most partSize × queueSize bytes. Default 2. */
  queueSize?: number;
  /** Attempts per request, retries included (the SDK's backoff). Default 3. */
  maxAttempts?: number;
  /** Milliseconds to open a connection before giving up. Default 5000. */
  connectionTimeoutMs?: number;
  /** The clock of the idle rule (STYLE 22); compared with the server's LastModified. */
  now?: () => number;
}

/** Where the store's objects live under `prefix`. */
export interface KeyLayout {
  blob(hex: string): string;
  claim(hex: string): string;
  temporary(name: string): string;
  aside(name: string): string;
  /** The prefix of all blob objects (for listing). */
  blobs: string;
  /** The prefix of temporary objects (for sweeping). */
  temporaries: string;
  /** The prefix of blobs set aside by delete (for sweeping). */
  asides: string;
}

export function keyLayout(prefix = ''): KeyLayout {
  return {
    blob: (hex) => `${prefix}blobs/${hex}`,
    claim: (hex) => `${prefix}claims/${hex}`,
    temporary: (name) => `${prefix}tmp/${name}`,
    aside: (name) => `${prefix}gc/${name}`,
    blobs: `${prefix}blobs/`,
    temporaries: `${prefix}tmp/`,
    asides: `${prefix}gc/`,
  };
}

/** The SDK client for these options. */
export function createS3Client(options: S3BlobStoreOptions): S3Client {
  return new S3Client({
    region: options.region ?? 'us-east-1',
    ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
    forcePathStyle: options.forcePathStyle ?? false,
    ...(options.credentials !== undefined ? { credentials: options.credentials } : {}),
    maxAttempts: options.maxAttempts ?? 3,
    // The SDK's default CRC checksums send unknown-length streams as aws-chunked bodies, which
    // several S3-compatible servers store verbatim or refuse; the content address is our check.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { connectionTimeout: options.connectionTimeoutMs ?? 5000 },
  });
}
