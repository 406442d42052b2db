// The published notices (申报通知) open now: public, no token.
//   npm run notices
import { graphql } from './gql/index.ts';
import { request } from './lib/client.ts';

const OpenNotices = graphql(`
  query OpenNotices {
    notices(openOnly: true) {
      id
      title
      opensAt
      closesAt
      daysLeft
      channel {
        code
        name
      }
    }
  }
`);

const { notices } = await request(OpenNotices, {});
console.log(`${notices.length} open notice(s)`);
for (const notice of notices)
  console.log(
    `- ${notice.channel.name} | ${notice.title} | until ${notice.closesAt} (${notice.daysLeft} days left)`,
  );
