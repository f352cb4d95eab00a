// Child process of s3-server.ts: runs s3rver (an S3-compatible emulator) on a free loopback
// port with one bucket, in the given folder, and prints its port as one JSON line.
import S3rver from '@20minutes/s3rver';

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  directory,
  silent: true,
  // s3rver signs a path-style bucket URL without the trailing slash the SDK sends ("/bucket/"),
  // so bucket-level requests (HEAD bucket, list) would fail as mismatched; objects are unaffected.
  allowMismatchedSignatures: true,
  configureBuckets: [{ name: bucket }],
});
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
// The parent closes our stdin when it stops, or dies: either way, go.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
