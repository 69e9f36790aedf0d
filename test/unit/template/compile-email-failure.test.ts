import { describe, expect, it, vi } from 'vitest';
import { compileEmailTemplate } from '../../../server/render/compile-email';
import { GOLDEN_EMAIL } from './fixtures';

// A valid document always compiles, so MJML's strict rejection is simulated with its real error shape.
vi.mock('mjml', () => ({
  default: async () => {
    throw Object.assign(new Error('ValidationError'), {
      errors: [
        {
          line: 1,
          tagName: 'mj-button',
          formattedMessage: 'Line 1 of . (mj-button) — Attribute align has invalid value: middle',
        },
      ],
    });
  },
}));

describe('compileEmailTemplate when MJML refuses the document', () => {
  it('throws an error that says what MJML rejected', async () => {
    await expect(compileEmailTemplate(GOLDEN_EMAIL)).rejects.toThrow(
      'MJML rejected the compiled template: Line 1 of . (mj-button) — Attribute align has invalid value: middle',
    );
  });
});
