// Reads a step's output as the runner does, to check that untrusted text started no workflow
// command of its own and that every annotation names the file it was meant for.

import { expect } from 'vitest';

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
}

const unescapeData = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string): string => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

/** `::name k=v,k=v::data`, unescaped as the runner does. */
export function parseCommand(line: string): WorkflowCommand {
  const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/s.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line.slice(0, 80)}`);
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter((p) => p !== '')) {
    const at = pair.indexOf('=');
    properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
  }
  return { command: match[1] ?? '', properties, data: unescapeData(match[3] ?? '') };
}

/** The lines the runner reads as commands: it splits output at CR, LF and CRLF, and ignores leading blanks. */
export function commandLines(output: string): string[] {
  return output
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimStart())
    .filter((line) => line.startsWith('::') || line.startsWith('##['));
}

const COMMANDS = new Set(['error', 'warning', 'notice', 'debug', 'group', 'endgroup', 'add-mask']);
const ANNOTATION_PROPERTIES = new Set(['file', 'line', 'endLine', 'col', 'endColumn', 'title']);

export interface CommandAllowance {
  /** The files an annotation may name. */
  files: readonly string[];
  /** What `::add-mask::` may carry: the run's own secrets. */
  secrets: readonly string[];
}

/** Fails unless every command in `output` is one the action meant to write; returns them parsed. */
export function expectSafeCommands(output: string, allowed: CommandAllowance): WorkflowCommand[] {
  return commandLines(output).map((line) => {
    expect(line.startsWith('##['), `old-style command: ${line.slice(0, 120)}`).toBe(false);
    const parsed = parseCommand(line);
    expect(COMMANDS.has(parsed.command), `command ::${parsed.command}`).toBe(true);
    if (parsed.command === 'add-mask') expect(allowed.secrets).toContain(parsed.data);
    for (const [key, value] of Object.entries(parsed.properties)) {
      expect(ANNOTATION_PROPERTIES.has(key), `property ${key} in ${line.slice(0, 120)}`).toBe(true);
      if (key === 'file') expect(allowed.files).toContain(value);
      if (key === 'line' || key === 'endLine') expect(value).toMatch(/^\d+$/);
    }
    return parsed;
  });
}
