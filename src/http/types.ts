// The one HTTP layer for SQLE/DMS, DLI and IAM. See client.ts for the implementation.
import type { FormData } from 'undici';

export type ServiceName = 'SQLE' | 'DMS' | 'DLI' | 'IAM';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path (with leading '/') relative to the service's base URL; may carry a query string. */
  path: string;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  /** JSON bodies are passed as `json`; raw bytes (whole, or as chunks sent one after the other) or (undici's) FormData as `body`. */
  json?: unknown;
  body?: string | Uint8Array | readonly Uint8Array[] | FormData;
  /** Safe to repeat on a transient failure. Defaults: true for GET/DELETE, false otherwise. */
  idempotent?: boolean;
  /**
   * Called before every attempt with the final URL, headers and body bytes; returns extra headers
   * (AK/SK signing, a fresh token). Lets signatures cover exactly what is sent.
   */
  prepare?: (req: PreparedRequest) => Promise<Record<string, string>> | Record<string, string>;
}

export interface PreparedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Raw body text (already decompressed). */
  text: string;
  /** Requests sent to get this answer (more than 1 after retries). */
  attempts?: number;
}

export interface HttpService {
  readonly name: ServiceName;
  readonly baseUrl: URL;
  /** Sends with timeout, bounded retries, the service's concurrency limit, proxy and CA. Never throws for an HTTP status: the caller decides. Throws HttpError for transport failures. */
  request(req: HttpRequest): Promise<HttpResponse>;
}
