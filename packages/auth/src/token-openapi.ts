import type { OpenAPIContribution } from '@flama/routing';
import { apiErrorSchema, type OperationDescription, type SecurityScheme } from '@flama/schema';
import type { TokenLocation } from './token-source';

/** The security a token location documents: its schemes and the requirement (header or cookie) to add. */
export interface TokenSecurity {
  securitySchemes: Record<string, SecurityScheme>;
  requirements: Record<string, string[]>[];
}

export function tokenSecurity(name: string, location: TokenLocation): TokenSecurity {
  const { header, prefix, cookie } = location;
  const bearer = header.toLowerCase() === 'authorization' && prefix.toLowerCase() === 'bearer';
  const securitySchemes: Record<string, SecurityScheme> = {
    [name]: bearer
      ? { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }
      : {
          type: 'apiKey',
          in: 'header',
          name: header,
          description: `The header value is \`${prefix} <token>\`.`,
        },
  };
  if (cookie !== false) securitySchemes[`${name}Cookie`] = { type: 'apiKey', in: 'cookie', name: cookie };
  return { securitySchemes, requirements: Object.keys(securitySchemes).map((scheme) => ({ [scheme]: [] })) };
}

/** Adds the requirements (as alternatives, beside any the operation has) and the error responses. */
export function secureOperation(
  operation: OperationDescription,
  security: TokenSecurity,
  responses: Record<string, string>,
): OperationDescription {
  const existing = operation.security ?? [];
  const known = new Set(existing.flatMap((requirement) => Object.keys(requirement)));
  const added = security.requirements.filter(
    (requirement) => !Object.keys(requirement).some((k) => known.has(k)),
  );
  const documented = Object.fromEntries(
    Object.entries(responses).map(([status, description]) => [
      status,
      { description, schema: apiErrorSchema },
    ]),
  );
  return {
    ...operation,
    security: [...existing, ...added],
    responses: { ...documented, ...operation.responses },
  };
}

/** A token component's contribution: its schemes, and security on every operation that injects it. */
export function tokenOpenAPI(name: string, location: TokenLocation): OpenAPIContribution {
  const security = tokenSecurity(name, location);
  return {
    securitySchemes: security.securitySchemes,
    describeOperation: (operation) =>
      secureOperation(operation, security, { '401': 'Missing, invalid or expired token' }),
  };
}
