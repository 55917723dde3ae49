/** The metadata file written beside an added article, in the shape of data/articles/*.yaml. */
import { stringify } from 'yaml';

export interface NewArticleMeta {
  id: string;
  /** The text file's name, beside the metadata file. */
  source: string;
  title: string | null;
  titleIsFirstLine: boolean;
  date: string;
  /** Where the article came from (an address or an outlet), from --source. */
  origin?: string;
}

/** One line: a title is never folded onto a second line. */
const scalar = (value: string | null) => stringify(value, { lineWidth: 0 }).trimEnd();

export function articleMetaYaml(meta: NewArticleMeta): string {
  const lines = [
    `# Metadata for ${meta.source}, whose text is kept exactly as received (added with npm run data:add).`,
    `id: ${meta.id}`,
    `source: ${scalar(meta.source)}`,
    `title: ${scalar(meta.title)}`,
    ...(meta.titleIsFirstLine ? ['titleIsFirstLine: true'] : []),
    // Quoted, as in the other metadata files: a date stays a string in every YAML reader.
    `date: "${meta.date}"`,
    ...(meta.origin ? [`origin: ${scalar(meta.origin)}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}
