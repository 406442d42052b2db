import type { Batch } from '../entities';
import type { ReviewContext } from '../context';
import { BatchAttachmentView, BatchView, UnitRef } from './types';

/** A batch as the API shows it, with a fresh short-lived download link for its attachment. */
export function batchView(batch: Batch, ctx: ReviewContext): BatchView {
  const link = ctx.deps.links.download(batch.attachmentId, ctx.deps.now());
  return Object.assign(new BatchView(), {
    batchRow: batch,
    id: batch.id,
    unit: UnitRef.of(batch.unitId),
    attachment: Object.assign(new BatchAttachmentView(), {
      id: batch.attachmentId,
      fileName: batch.fileName,
      sizeBytes: batch.sizeBytes,
      format: batch.format,
      sha256: batch.sha256,
      uploadedAt: batch.uploadedAt,
      uploadedByName: batch.uploadedByName,
      url: link.url,
      urlExpiresAt: link.expiresAt,
    }),
    forwardedAt: batch.forwardedAt ?? null,
    forwardedByName: batch.forwardedByName ?? null,
    declarationIds: batch.declarationIds ?? [],
  });
}
