// The metadata file written for an added article parses back to what was given, under the dataset's schema.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { articleMetaYaml } from '../../../../lib/curation/article-meta';
import { articleMetaSchema } from '../../../../lib/dataset-schema';

describe('articleMetaYaml', () => {
  it('round-trips through the schema, a title with a colon and a long origin included', () => {
    const meta = {
      id: 'gia-han',
      source: 'gia-han.txt',
      title: 'Gia hạn New START: cơ hội mở lại đối thoại về kiểm soát vũ khí, một tiêu đề rất dài để thử việc xuống dòng',
      titleIsFirstLine: true,
      date: '2021-01-28',
      origin: 'https://example.com/bai-viet?id=1&x="y"',
    };
    const yaml = articleMetaYaml(meta);
    expect(yaml.split('\n')[0]).toMatch(/^# /u);
    expect(articleMetaSchema.parse(parse(yaml))).toEqual(meta);
  });
  it('writes title: null and no titleIsFirstLine when there is no title', () => {
    const yaml = articleMetaYaml({ id: 'x', source: 'x.txt', title: null, titleIsFirstLine: false, date: '2021-01-28' });
    expect(yaml).toContain('title: null\n');
    expect(yaml).not.toContain('titleIsFirstLine');
    expect(articleMetaSchema.parse(parse(yaml)).title).toBeNull();
  });
});
