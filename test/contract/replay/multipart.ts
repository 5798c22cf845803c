// A multipart/form-data encoder that sends text fields byte for byte. (FormData turns "\n" into
// "\r\n" in text fields, as the HTML spec says; curl, which made the recordings, does not.)
import { randomBytes } from 'node:crypto';

export type Part = { name: string; value: string } | { name: string; filename: string; data: Uint8Array };

export function encodeMultipart(parts: Part[]): { body: Buffer; contentType: string } {
  const boundary = `------------------------${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const file = 'filename' in part;
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${file ? `; filename="${part.filename}"\r\nContent-Type: application/octet-stream` : ''}\r\n\r\n`;
    chunks.push(Buffer.from(head), file ? Buffer.from(part.data) : Buffer.from(part.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
