import { randomUUID } from 'node:crypto';

export interface FilePart {
  name: string;
  filename: string;
  type: string;
  bytes: Uint8Array;
}

/**
 * A multipart/form-data body encoded as FormData does (names escaped, line breaks in values as
 * CRLF), built in one copy: FormData would copy a large file into a Blob and again into the body.
 */
export function encodeMultipart(fields: Record<string, string | undefined>, file: FilePart): { body: Uint8Array; contentType: string } {
  const boundary = `----sqle-action-${randomUUID()}`;
  let head = '';
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"\r\n\r\n${value.replace(/\r(?!\n)|(?<!\r)\n/g, '\r\n')}\r\n`;
  }
  head += `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(file.name)}"; filename="${escapeName(file.filename)}"\r\nContent-Type: ${file.type}\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head, 'utf8'), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The escaping of the HTML standard's multipart/form-data encoding, as FormData applies it. */
function escapeName(name: string): string {
  return name.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
}
