import type { DeclarationDeps } from '../context';

/**
 * Deletes the bytes of attachments whose rows are gone (after the commit that removed them). A
 * failure leaves an orphaned file, never a row without its file; it is logged for clean-up.
 */
export async function removeStoredFiles(deps: Pick<DeclarationDeps, 'storage' | 'logger'>, keys: string[]) {
  for (const key of keys) {
    try {
      await deps.storage.delete(key);
    } catch (error) {
      deps.logger.warn({ err: error, key }, 'could not delete a removed attachment file');
    }
  }
}
