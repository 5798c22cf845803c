import { once } from 'node:events';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

export interface Deflated {
  /** zlib's output as it came: joined only once, into the request body. */
  chunks: Buffer[];
  compressedSize: number;
  /** CRC-32 and length of the input. */
  crc: number;
  size: number;
}

const LEVEL = 6;
const OUTPUT_CHUNK_BYTES = 256 * 1024;
/** Up to this size a hop to the thread pool costs more than it saves: deflated in place. */
const IN_PLACE_BYTES = 1024 * 1024;

/**
 * Deflates the chunks (`size` bytes in all) as one stream on zlib's thread pool, taking each chunk
 * only when zlib is ready for it: the input is never joined or held whole, and the main thread
 * stays free for the requests in flight.
 */
export async function deflateChunks(chunks: Iterable<Uint8Array>, size: number): Promise<Deflated> {
  const output: Buffer[] = [];
  let compressedSize = 0;
  let crc = 0;
  await deflateStream(
    chunks,
    size,
    (chunk) => void (crc = crc32(chunk, crc)),
    (chunk) => {
      output.push(chunk);
      compressedSize += chunk.length;
    },
  );
  return { chunks: output, compressedSize, crc, size };
}

/** How many bytes the chunks deflate to, keeping none of the output. */
export async function deflatedSize(chunks: Iterable<Uint8Array>, size: number): Promise<number> {
  let compressed = 0;
  await deflateStream(chunks, size, () => undefined, (chunk) => void (compressed += chunk.length));
  return compressed;
}

async function deflateStream(chunks: Iterable<Uint8Array>, size: number, onInput: (chunk: Uint8Array) => void, onOutput: (chunk: Buffer) => void): Promise<void> {
  if (size <= IN_PLACE_BYTES) {
    const input = [...chunks];
    input.forEach(onInput);
    onOutput(ownBytes(deflateRawSync(input.length === 1 ? (input[0] as Uint8Array) : Buffer.concat(input), { level: LEVEL })));
    return;
  }
  const deflate = createDeflateRaw({ level: LEVEL, chunkSize: OUTPUT_CHUNK_BYTES });
  deflate.on('data', onOutput);
  for (const chunk of chunks) {
    onInput(chunk);
    if (!deflate.write(chunk)) await once(deflate, 'drain');
  }
  const ended = once(deflate, 'end');
  deflate.end();
  await ended;
}

/**
 * The output of a small deflate is a view on zlib's 64 KiB work buffer: kept as is, each entry of
 * a zip of 3,000 small files would hold one until the zip is sent (60 MB). A copy holds its bytes.
 */
function ownBytes(data: Buffer): Buffer {
  if (data.buffer.byteLength <= 2 * data.length) return data;
  const own = Buffer.allocUnsafeSlow(data.length);
  data.copy(own);
  return own;
}
