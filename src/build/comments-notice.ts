/** Says once per build when the comment form is off because no endpoint is configured (Node-only). */
import type { AstroIntegration } from 'astro';

export function commentsNoticeIntegration(commentsEndpoint: string | undefined): AstroIntegration {
  return {
    name: 'bayegan:comments',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (!commentsEndpoint) {
          logger.warn(
            'No comments.endpoint in the site settings: articles show approved comments but no comment form.',
          );
        }
      },
    },
  };
}
