import { useCallback } from 'react';
import { Spin } from 'antd';
import { useQuery } from '@zhicheng/web-kit';
import { DeclarationTrackQuery } from './documents';
import { useLiveDeclaration } from './live';
import { ReviewTrack } from './ReviewTrack';

/** A row's 进度跟踪 in 我的办件 / 首页, fetched when opened and refetched on every live notice. */
export function LiveTrack({ id, submittedAt }: { id: string; submittedAt?: string | null }) {
  const [{ data, fetching }, refetch] = useQuery({ query: DeclarationTrackQuery, variables: { id } });
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useLiveDeclaration(id, refresh);
  const track = data?.declaration;
  if (!track) return fetching ? <Spin size="small" /> : null;
  return <ReviewTrack track={track} submittedAt={submittedAt} compact />;
}

/** Statuses reviewers still change: their rows follow the live notices. */
const FOLLOWED = new Set(['SUBMITTED', 'RETURNED', 'MATERIALS_APPROVED']);

function LiveRow({ id, onChange }: { id: string; onChange: () => void }) {
  useLiveDeclaration(id, onChange);
  return null;
}

/** Keeps a list's statuses live: a notice on any declaration under review refetches the list. */
export function LiveRows({
  rows,
  onChange,
}: {
  rows: readonly { id: string; status: string }[];
  onChange: () => void;
}) {
  return (
    <>
      {rows
        .filter((row) => FOLLOWED.has(row.status))
        .map((row) => (
          <LiveRow key={row.id} id={row.id} onChange={onChange} />
        ))}
    </>
  );
}
