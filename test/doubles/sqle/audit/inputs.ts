// Turns the inputs of a sql_audit_records request into located statements, as SQLE 3.2412.1 does:
// zip entries ending in lower-case `.sql` are read in zip order, then those ending in `.xml`; every
// file is decoded (UTF-8 or GBK) and split on its own.
import { unzipSync } from 'fflate';
import { decodeUpload } from './decode.js';
import type { SourceStatement } from './engine.js';
import { mapperStatements } from './mybatis.js';
import { splitMySql } from './splitter.js';

export type SqlSource = 'form_data' | 'sql_file' | 'mybatis_xml_file' | 'zip_file';

export interface ReadFile {
  path: string;
  bytes: number;
}

export interface ReadInput {
  statements: SourceStatement[];
  files: ReadFile[];
}

export function fromText(text: string, file: string): SourceStatement[] {
  return splitMySql(text).map((s) => ({ sql: s.sql, line: s.line, file }));
}

export function fromMapper(text: string, file: string): SourceStatement[] {
  return mapperStatements(text).map((s) => ({ sql: s.sql, line: s.line, file }));
}

export function fromSqlFile(bytes: Uint8Array, name: string): ReadInput {
  return { statements: fromText(decodeUpload(bytes), name), files: [{ path: name, bytes: bytes.length }] };
}

export function fromMapperFile(bytes: Uint8Array, name: string): ReadInput {
  return { statements: fromMapper(decodeUpload(bytes), name), files: [{ path: name, bytes: bytes.length }] };
}

export class ZipError extends Error {}

/** Reads a zip upload; throws ZipError with Go's archive/zip wording when it is not a zip. */
export function fromZip(zip: Uint8Array): ReadInput {
  const order: string[] = [];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip, {
      filter: (f) => {
        const wanted = f.name.endsWith('.sql') || f.name.endsWith('.xml');
        if (wanted) order.push(f.name);
        return wanted;
      },
    });
  } catch (err) {
    const message = String((err as Error).message ?? err);
    throw new ZipError(/compression/i.test(message) ? 'zip: unsupported compression algorithm' : 'zip: not a valid zip file');
  }
  const statements: SourceStatement[] = [];
  const files: ReadFile[] = [];
  const read = (suffix: string, parse: (text: string, file: string) => SourceStatement[]): void => {
    for (const name of order.filter((n) => n.endsWith(suffix))) {
      const bytes = entries[name];
      if (!bytes) continue;
      files.push({ path: name, bytes: bytes.length });
      statements.push(...parse(decodeUpload(bytes), name));
    }
  };
  read('.sql', fromText);
  read('.xml', fromMapper);
  return { statements, files };
}
