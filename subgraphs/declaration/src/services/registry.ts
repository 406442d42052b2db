// 学历学位自动获取 (Jiangsu: fetch degree records from an external registry, SPEC §3): a pluggable
// client, absent by default — no such registry is connected today. Only through it does a record
// become source REGISTRY (needing no proof file); clients cannot mark records themselves.
import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { appError, ErrorCode, type AuthResult, type EntityManager } from '@zhicheng/server-kit';
import type { EducationEntry } from '../domain';
import { Declaration } from '../entities';
import { owned, requireApplicant } from './access';
import { accountHolderOf, type Clock } from './declarations';
import { assertApplicantAction } from './rules';

/** One degree or diploma as a registry reports it. */
export type RegistryEducationRecord = Omit<EducationEntry, 'id' | 'source'>;

/** A degree registry (e.g. 学信网); the person is the account holder as identity knows them. */
export interface DegreeRegistry {
  recordsOf(person: { name: string; idType: string; idNumber: string }): Promise<RegistryEducationRecord[]>;
}

export const registryUnavailable = () =>
  appError(ErrorCode.FORBIDDEN, '暂未接入学历学位库，无法自动获取，请手工填写学历学位信息并上传证明材料', {
    reason: 'REGISTRY_UNAVAILABLE',
  });

/** The registry's records as education entries the server marked (new ids, source REGISTRY). */
export const registryEntries = (records: readonly RegistryEducationRecord[]): EducationEntry[] =>
  records.map((record) => ({ ...record, id: randomUUID(), source: 'REGISTRY' }));

/**
 * Replaces the education module with the registry's records for the account holder. Refused
 * when no registry is configured, or while identity has not told this service the ID number.
 */
export async function fetchEducationFromRegistry(
  rootEm: EntityManager,
  auth: AuthResult,
  args: { id: string; expectedVersion: number },
  deps: Clock & { degreeRegistry?: DegreeRegistry | null },
): Promise<Declaration> {
  const principal = requireApplicant(auth);
  const registry = deps.degreeRegistry;
  if (!registry) throw registryUnavailable();
  return rootEm.transactional(async (em) => {
    const declaration = owned(
      principal,
      await em.findOne(
        Declaration,
        { id: args.id, deletedAt: null },
        { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['notice'] },
      ),
    );
    const notice = declaration.notice.getEntity();
    assertApplicantAction(declaration.status, 'SAVE', notice, {
      now: deps.now(),
      modules: ['EDUCATION'],
      flaggedModules: declaration.returnedModules ?? [],
    });
    if (declaration.version !== args.expectedVersion)
      throw appError(ErrorCode.CONFLICT, '该申报已在其他页面修改，请刷新后再编辑', {
        reason: 'STALE_VERSION',
        currentVersion: declaration.version,
      });
    const holder = await accountHolderOf(em, declaration, principal);
    if (!holder.idType || !holder.idNumber) throw registryUnavailable();
    const records = await registry.recordsOf({
      name: holder.name,
      idType: holder.idType,
      idNumber: holder.idNumber,
    });
    declaration.data = { ...declaration.data, education: registryEntries(records) };
    await em.flush();
    return declaration;
  });
}
