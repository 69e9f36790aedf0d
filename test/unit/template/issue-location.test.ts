import { describe, expect, it } from 'vitest';
import { issueLocation } from '../../../src/template/index';

describe('issueLocation', () => {
  it('puts a subject or preview text issue on its field', () => {
    expect(issueLocation('subject')).toEqual({ part: 'subject' });
    expect(issueLocation('previewText')).toEqual({ part: 'previewText' });
  });

  it('puts a body issue on the block its content indices lead to, stopping at the first other step', () => {
    expect(issueLocation('body')).toEqual({ part: 'body', indices: [] });
    expect(issueLocation('body.content[2].content[0].marks[0].attrs.href')).toEqual({ part: 'body', indices: [2, 0] });
    expect(issueLocation('body.content[1].attrs.links[0].content[3]')).toEqual({ part: 'body', indices: [1] });
  });

  it('puts anything else on the message as a whole', () => {
    expect(issueLocation('')).toEqual({ part: 'message' });
    expect(issueLocation('from')).toEqual({ part: 'message' });
    expect(issueLocation('subject.extra')).toEqual({ part: 'message' });
  });
});
