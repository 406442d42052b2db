import { useMemo } from 'react';
import { useQuery } from '@zhicheng/web-kit';
import { MyBindingQuery } from './documents';

/** The applicant and their open binding (shared with BindingPanel through the cache). */
export function useCurrentBinding() {
  const context = useMemo(() => ({ additionalTypenames: ['Binding'] }), []);
  const [{ data, fetching, error }] = useQuery({ query: MyBindingQuery, context });
  const current = data?.myCurrentBinding ?? null;
  return {
    person: data?.me?.person ?? null,
    current,
    bound: current?.status === 'APPROVED',
    loading: fetching && !data,
    error,
  };
}
