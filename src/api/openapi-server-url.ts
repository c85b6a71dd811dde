/** The one deployment-dependent part of the OpenAPI document: where the API is. */
export const withServer = (doc: Record<string, unknown>, publicUrl: string): Record<string, unknown> => ({ ...doc, servers: [{ url: `${publicUrl}/api/v1` }] });
