import { randomUUID } from 'node:crypto';

export interface FilePart {
  name: string;
  filename: string;
  type: string;
  /** The file's content, or the chunks it is made of. */
  bytes: Uint8Array | readonly Uint8Array[];
}

/**
 * A multipart/form-data body encoded as FormData does (names escaped, line breaks in values as
 * CRLF), as the chunks to send one after the other: the file is never copied (FormData would copy a
 * large file into a Blob and again into the body).
 */
export function encodeMultipart(fields: Record<string, string | undefined>, file: FilePart): { body: Uint8Array[]; contentType: string } {
  const boundary = `----sqle-action-${randomUUID()}`;
  let head = '';
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"\r\n\r\n${value.replace(/\r(?!\n)|(?<!\r)\n/g, '\r\n')}\r\n`;
  }
  head += `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(file.name)}"; filename="${escapeName(file.filename)}"\r\nContent-Type: ${file.type}\r\n\r\n`;
  const content = file.bytes instanceof Uint8Array ? [file.bytes] : file.bytes;
  const body = [Buffer.from(head, 'utf8'), ...content, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')];
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The escaping of the HTML standard's multipart/form-data encoding, as FormData applies it. */
function escapeName(name: string): string {
  return name.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
}
