import { Tag } from 'antd';
import ReactMarkdown, { defaultUrlTransform } from 'react-markdown';

const MENTION = /(^|\s)@([a-z0-9][a-z0-9._-]{2,63})/g;

/**
 * Comment text as Markdown, safely: raw HTML in the text is shown as text (no rehype-raw),
 * `javascript:` and other unsafe links are dropped, and `@username` becomes a mention.
 */
export function Markdown({ text }: { text: string }) {
  const withMentions = text.replace(MENTION, '$1[@$2](mention:$2)');
  return (
    <div className="markdown">
      <ReactMarkdown
        urlTransform={(url) => (url.startsWith('mention:') ? url : defaultUrlTransform(url))}
        components={{
          a: ({ href, children }) =>
            href?.startsWith('mention:') ? (
              <Tag color="blue" data-testid="mention">
                {children}
              </Tag>
            ) : !href ? (
              <span>{children}</span> // an unsafe link (javascript:, data:…) stays plain text
            ) : (
              <a href={href} target="_blank" rel="noopener noreferrer nofollow">
                {children}
              </a>
            ),
          img: ({ alt }) => <span>[{alt}]</span>, // no remote images: they would leak who reads
        }}
      >
        {withMentions}
      </ReactMarkdown>
    </div>
  );
}
