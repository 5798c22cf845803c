import tls from 'node:tls';
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';
import type { HttpSettings } from '../settings/types.js';

/**
 * One connection pool per service: honours HTTPS_PROXY/HTTP_PROXY/NO_PROXY, trusts `ca-cert` in
 * addition to the public roots, and skips verification only when asked to.
 */
export function createDispatcher(settings: HttpSettings, env: NodeJS.ProcessEnv = process.env): Dispatcher {
  const connect = {
    ...(settings.caCert ? { ca: [...tls.rootCertificates, settings.caCert] } : {}),
    rejectUnauthorized: !settings.insecureSkipTlsVerify,
  };
  const hasProxy = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((k) => env[k]);
  if (!hasProxy) return new Agent({ connect, keepAliveTimeout: 4_000 });
  // requestTls/proxyTls reach the ProxyAgent underneath; undici 6's typings omit them.
  const proxyOptions = { connect, requestTls: connect, proxyTls: connect } as EnvHttpProxyAgent.Options;
  return new EnvHttpProxyAgent({
    ...proxyOptions,
    httpProxy: env['HTTP_PROXY'] ?? env['http_proxy'],
    httpsProxy: env['HTTPS_PROXY'] ?? env['https_proxy'] ?? env['HTTP_PROXY'] ?? env['http_proxy'],
    noProxy: env['NO_PROXY'] ?? env['no_proxy'],
  });
}
