// GitHub's error bodies: {message, documentation_url, status}, plus `errors` for validation failures.
import type http from 'node:http';
import { sendJson } from '../http-double.js';

const DOCS = 'https://docs.github.com/rest';

export interface FieldError {
  resource: string;
  code: 'missing' | 'missing_field' | 'invalid' | 'already_exists' | 'unprocessable' | 'custom';
  field: string;
  message?: string;
}

export function sendError(res: http.ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { message, documentation_url: DOCS, status: String(status) }, headers);
}

export function sendNotFound(res: http.ServerResponse): void {
  sendError(res, 404, 'Not Found');
}

/** 422 as GitHub answers a body that breaks the endpoint's schema. */
export function sendInvalidRequest(res: http.ServerResponse, detail: string): void {
  sendError(res, 422, `Invalid request.\n\n${detail}`);
}

/** 422 as GitHub answers a well-formed body whose values it refuses. */
export function sendValidationFailed(res: http.ServerResponse, errors: FieldError[]): void {
  sendJson(res, 422, { message: 'Validation Failed', errors, documentation_url: DOCS, status: '422' });
}

export function sendNotAccessible(res: http.ServerResponse): void {
  sendError(res, 403, 'Resource not accessible by integration');
}
