/**
 * Compiles an email template once: document → MJML → HTML, split into a fill-ready template.
 * The only module that loads `mjml` (large, Node-only); `src/template` stays isomorphic.
 */
// @ts-expect-error mjml 5 ships no type declarations; the one function used is typed below.
import mjml from 'mjml';
import {
  compileEmailToMjml,
  compileEmailToText,
  compileSubject,
  splitOnSentinels,
  type CompiledEmail,
  type EmailCompileOptions,
  type EmailContent,
} from '../../../src/template/index.ts';

export type { CompiledEmail, RenderedEmail } from '../../../src/template/index.ts';
export { renderEmailForRecipient } from '../../../src/template/index.ts';

interface MjmlResult {
  html: string;
  errors: Array<{ formattedMessage?: string; message?: string }>;
}

const mjml2html = mjml as (
  input: string,
  options: { validationLevel: 'strict' | 'soft' | 'skip'; keepComments?: boolean },
) => Promise<MjmlResult>;

function describeMjmlFailure(error: unknown): string {
  const details = (error as { errors?: MjmlResult['errors'] } | null)?.errors;
  if (Array.isArray(details) && details.length > 0) {
    return details.map((detail) => detail.formattedMessage ?? detail.message ?? String(detail)).join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

export async function compileEmailTemplate(
  content: EmailContent,
  options?: EmailCompileOptions,
): Promise<CompiledEmail> {
  const { mjml: source, slots } = compileEmailToMjml(content, options);
  let result: MjmlResult;
  try {
    // Strict: invalid MJML here is a bug in our serializers, never something to send.
    result = await mjml2html(source, { validationLevel: 'strict', keepComments: false });
  } catch (error) {
    throw new Error(`MJML rejected the compiled template: ${describeMjmlFailure(error)}`, { cause: error });
  }
  const html = splitOnSentinels(result.html, slots);
  const present = new Set(html.slots);
  const warnings = slots
    .filter((slot) => !present.has(slot))
    .map((slot) => `Custom value {{${slot.key}}} (${slot.context}) did not survive MJML and will not be filled`);
  return { subject: compileSubject(content), html, text: compileEmailToText(content), warnings };
}
