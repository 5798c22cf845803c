import { FormData, Response } from 'undici';
import { describe, expect, it } from 'vitest';
import { encodeMultipart } from '../../src/http/multipart.js';

/** The body FormData would send for the same fields, with its boundary swapped for ours. */
async function formDataBody(fields: Record<string, string>, file: Uint8Array, boundary: string): Promise<string> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set('input_zip_file', new Blob([file], { type: 'application/zip' }), 'sql.zip');
  const res = new Response(form);
  const theirs = /boundary=(.+)$/.exec(res.headers.get('content-type') ?? '')?.[1] ?? '';
  return Buffer.from(await res.arrayBuffer()).toString('latin1').split(theirs).join(boundary);
}

describe('encodeMultipart', () => {
  it('encodes fields and a file byte for byte as FormData does', async () => {
    const fields = { instance_name: 'mysql "prod"\n2', instance_schema: '库\r\nx', rule_template_name: 'default' };
    const file = Uint8Array.from({ length: 3000 }, (_, i) => (i * 37) % 256);
    const { body, contentType } = encodeMultipart(fields, { name: 'input_zip_file', filename: 'sql.zip', type: 'application/zip', bytes: file });
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(contentType)?.[1] ?? '';
    expect(boundary).not.toBe('');
    expect(Buffer.concat(body).toString('latin1')).toBe(await formDataBody(fields, file, boundary));
  });

  it('leaves out fields without a value', () => {
    const { body } = encodeMultipart({ db_type: 'MySQL', rule_template_name: undefined }, { name: 'f', filename: 'a.zip', type: 'application/zip', bytes: new Uint8Array(1) });
    const text = Buffer.concat(body).toString('latin1');
    expect(text).toContain('name="db_type"');
    expect(text).not.toContain('rule_template_name');
  });
});
