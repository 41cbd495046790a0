/** A hand-written OpenAPI 3.1 document for the browser test: three operations with distinct summaries. */
export const WARMING_API_DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'Warming API', version: '1.0.0', description: 'A tiny API to check the docs page.' },
  paths: {
    '/': {
      get: {
        operationId: 'home',
        summary: 'Returns a warming message',
        responses: {
          '200': {
            description: 'A greeting.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { message: { type: 'string' } },
                  required: ['message'],
                },
              },
            },
          },
        },
      },
    },
    '/info': {
      get: {
        operationId: 'info',
        summary: 'Describes the running app',
        responses: {
          '200': {
            description: 'Name and version.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { name: { type: 'string' }, version: { type: 'string' } },
                },
              },
            },
          },
        },
      },
    },
    '/user/': {
      post: {
        operationId: 'createUser',
        summary: 'Registers a new user',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' } },
                required: ['name', 'email'],
              },
            },
          },
        },
        responses: { '201': { description: 'The user was created.' } },
      },
    },
  },
} as const;
