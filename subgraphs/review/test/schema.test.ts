import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSubgraphSdl } from '@zhicheng/server-kit';
import { buildReviewSchema } from '../src/schema';

const committed = () => readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8');

describe('schema.graphql', () => {
  it('is what buildReviewSchema() prints now (after a schema change run: npm run build -w @zhicheng/review && npm run sdl -w @zhicheng/review)', async () => {
    expect(committed()).toBe(printSubgraphSdl(await buildReviewSchema()));
  });

  it('extends declaration’s Declaration with the timeline, the current task and the progress', () => {
    expect(committed()).toMatch(
      /type Declaration\s+@key\(fields: "id"\)\s*\{\s*id: ID!\s+[\s\S]*?timeline: \[TimelineEntry!\]![\s\S]*?currentTask: ReviewTask\s[\s\S]*?reviewProgress: \[ReviewProgressNode!\]!/,
    );
  });

  it('refers to Person, Unit and Notice by id only (their owners resolve the rest)', () => {
    for (const type of ['Person', 'Unit', 'Notice'])
      expect(committed()).toMatch(
        new RegExp(`type ${type}\\s+@key\\(fields: "id"\\)\\s*\\{\\s*id: ID!\\s*\\}`),
      );
  });

  it('offers the operations of issue 4', () => {
    // Descriptions out, each field's arguments on one line.
    const sdl = committed()
      .replace(/"""[\s\S]*?"""/g, '')
      .replace(
        /\(\s*([^)]*?)\s*\)/g,
        (_m, args: string) =>
          `(${args
            .trim()
            .split(/\s*\n\s*/)
            .filter(Boolean)
            .join(', ')})`,
      );
    for (const field of [
      /reviewQueue\(state: ReviewQueueState! = PENDING, filter: ReviewQueueFilter, first: Int = 20, after: String, offset: Int\): ReviewQueueConnection!/,
      /reviewCounts: \[ReviewMatterCount!\]!/,
      /reviewCase\(declarationId: ID!\): ReviewCase!/,
      /commonOpinions\(kind: OpinionKind!\): \[ReviewOpinion!\]!/,
      /verifyAuditTrail\(declarationId: ID!\): AuditTrailCheck!/,
      /decideReview\(declarationId: ID!, taskSequence: Int!, decision: ReviewDecision!, opinion: String!, modules: \[ModuleKey!\], target: ReturnTarget, moduleFlags: \[ModuleFlagInput!\]\): ReviewCase!/,
      /forwardBatch\(declarationIds: \[ID!\]!, attachmentId: ID!\): ReviewBatch!/,
      /requestBatchAttachmentUpload\(fileName: String!, sizeBytes: Int!, contentType: String!\): BatchAttachmentTicket!/,
      /recordCommitteeResult\(declarationId: ID!, result: CommitteeResult!, opinion: String!, taskSequence: Int\): ReviewCase!/,
      /recordCommitteeResults\(declarationIds: \[ID!\]!, result: CommitteeResult!, opinion: String!\): \[ReviewCase!\]!/,
      /saveCommonOpinion\(kind: OpinionKind!, text: String!\): ReviewOpinion!/,
      /deleteCommonOpinion\(id: ID!\): ID!/,
    ])
      expect(sdl).toMatch(field);
    expect(sdl).toMatch(/type PageInfo\s+@shareable/);
  });
});
