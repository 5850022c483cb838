import { describe, expect, it } from 'vitest';
import { createTestHub } from '../testing/testHub.js';

describe('GET /api/openapi.json', () => {
  it('describes the API from the shared schemas', async () => {
    const hub = createTestHub();
    try {
      const res = await hub.http().get('/api/openapi.json');
      expect(res.status).toBe(200);
      expect(res.body.openapi).toBe('3.1.0');
      const create = res.body.paths['/incidents'].post;
      const body = create.requestBody.content['application/json'].schema;
      expect(body.required).toEqual(expect.arrayContaining(['agencyId', 'title', 'category', 'description', 'detectedAt']));
      expect(body.properties.category.enum).toContain('defacement');
      expect(body.additionalProperties).toBe(false);
      expect(create.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
      expect(res.body.paths['/incidents/{id}/transitions'].post.parameters[0]).toMatchObject({ name: 'id', in: 'path' });
    } finally {
      await hub.close();
    }
  });
});
