// Default DLI and IAM base URLs of a Huawei Cloud region.

/** Regions served under the `.eu` top-level domain instead of `.com`. */
const EU_DOMAIN_REGIONS = new Set(['eu-west-101']);

export function defaultEndpoints(region: string): { dli: URL; iam: URL } {
  const domain = EU_DOMAIN_REGIONS.has(region) ? 'myhuaweicloud.eu' : 'myhuaweicloud.com';
  return {
    dli: new URL(`https://dli.${region}.${domain}`),
    iam: new URL(`https://iam.${region}.${domain}`),
  };
}
