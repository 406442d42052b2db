// What a changed form would do to the declarations already made under a notice. Drafts and
// declarations in review hold data and files the old form allowed; a form that drops a module
// they filled, or shrinks a limit below what they hold, would strand them (a draft that can never
// be submitted, files the review no longer shows). Such a change is refused, naming how many
// declarations it would break, so the bureau can decide knowingly (a new notice, say).
import { appError, ErrorCode, type EntityManager, type FieldProblem } from '@zhicheng/server-kit';
import { MODULE_DATA_KEY, type FormConfig } from '../domain';
import { DeclarationStatus } from '../entities';

/** Declarations still being filled in or reviewed (a finished or void one keeps its record). */
const HOLDING: readonly DeclarationStatus[] = [
  DeclarationStatus.DRAFT,
  DeclarationStatus.RETURNED,
  DeclarationStatus.SUBMITTED,
  DeclarationStatus.MATERIALS_APPROVED,
];

const ATTACHMENTS = `"declaration"."attachment" a where a.declaration_id = d.id`;

type Counter = (condition: string, params: unknown[]) => Promise<number>;

function counterFor(em: EntityManager, noticeId: string): Counter {
  const connection = em.getConnection();
  return async (condition, params) => {
    const rows = await connection.execute<Array<{ n: number }>>(
      `select count(*)::int as n from "declaration"."declaration" d
        where d.notice_id = ? and d.deleted_at is null
          and d.status in (${HOLDING.map(() => '?').join(', ')}) and (${condition})`,
      [noticeId, ...HOLDING, ...params],
      'all',
      em.getTransactionContext(),
    );
    return Number(rows[0]?.n ?? 0);
  };
}

/** Files of a slot that a narrower rule would refuse: another format or a bigger size. */
async function fileRuleProblems(
  count: Counter,
  slot: { kind: 'CATALOGUE' | 'ENTRY'; code: string; name: string },
  before: { formats: readonly string[]; maxSizeKb: number },
  after: { formats: readonly string[]; maxSizeKb: number },
  field: string,
  add: (field: string, n: number, message: (n: number) => string) => void,
) {
  const dropped = before.formats.filter((f) => !after.formats.includes(f));
  if (dropped.length > 0)
    add(
      `${field}.formats`,
      await count(
        `exists (select 1 from ${ATTACHMENTS} and a.slot_kind = ? and a.slot_code = ? and a.format in (${dropped.map(() => '?').join(', ')}))`,
        [slot.kind, slot.code, ...dropped],
      ),
      (n) => `已有${n}份申报在“${slot.name}”上传了${dropped.join('、')}格式的文件，不能去掉这些格式`,
    );
  if (after.maxSizeKb < before.maxSizeKb)
    add(
      `${field}.maxSizeKb`,
      await count(
        `exists (select 1 from ${ATTACHMENTS} and a.slot_kind = ? and a.slot_code = ? and a.size_bytes > ?)`,
        [slot.kind, slot.code, after.maxSizeKb * 1024],
      ),
      (n) =>
        `已有${n}份申报在“${slot.name}”上传了大于${after.maxSizeKb}KB的文件，大小上限不能低于已上传的文件`,
    );
}

/** Every way `after` would break declarations made under `before`, each with how many. */
export async function formChangeProblems(
  em: EntityManager,
  noticeId: string,
  before: FormConfig,
  after: FormConfig,
  prefix = 'input.formConfig',
): Promise<FieldProblem[]> {
  const count = counterFor(em, noticeId);
  if ((await count('true', [])) === 0) return [];
  const problems: FieldProblem[] = [];
  const add = (field: string, n: number, message: (n: number) => string, code = 'LIMIT_BELOW_DRAFTS') => {
    if (n > 0) problems.push({ field, code, message: message(n) });
  };

  for (const old of before.modules) {
    const index = after.modules.findIndex((m) => m.key === old.key);
    const dataKey = MODULE_DATA_KEY[old.key];
    if (index < 0) {
      if (dataKey)
        add(
          `${prefix}.modules`,
          await count(
            `coalesce(d.data->?, 'null'::jsonb) not in ('null'::jsonb, '[]'::jsonb, '""'::jsonb, '{}'::jsonb)`,
            [dataKey],
          ),
          (n) => `已有${n}份申报填写了“${old.name}”，不能去掉该模块`,
          'MODULE_IN_USE',
        );
      continue;
    }
    const now = after.modules[index];
    const field = `${prefix}.modules.${index}`;
    if (dataKey && now.maxEntries !== undefined && now.maxEntries < (old.maxEntries ?? Infinity))
      add(
        `${field}.maxEntries`,
        await count(`jsonb_typeof(d.data->?) = 'array' and jsonb_array_length(d.data->?) > ?`, [
          dataKey,
          dataKey,
          now.maxEntries,
        ]),
        (n) => `已有${n}份申报的“${old.name}”填写了超过${now.maxEntries}条，最多条数不能低于已填写的条数`,
      );
    if (!old.filesPerEntry) continue;
    const entryFiles = (condition: string, params: unknown[]) =>
      count(
        `exists (select 1 from ${ATTACHMENTS} and a.slot_kind = 'ENTRY' and a.slot_code = ? ${condition})`,
        [old.key, ...params],
      );
    if (!now.filesPerEntry) {
      add(
        `${field}.filesPerEntry`,
        await entryFiles('', []),
        (n) => `已有${n}份申报为“${old.name}”上传了证明材料，不能取消该模块的附件`,
      );
      continue;
    }
    if (now.filesPerEntry.max < old.filesPerEntry.max)
      add(
        `${field}.filesPerEntry.max`,
        await count(
          `exists (select 1 from ${ATTACHMENTS} and a.slot_kind = 'ENTRY' and a.slot_code = ?
                    group by a.entry_id having count(*) > ?)`,
          [old.key, now.filesPerEntry.max],
        ),
        (n) =>
          `已有${n}份申报的“${old.name}”有条目上传了超过${now.filesPerEntry!.max}个文件，每条最多附件数不能低于已上传的个数`,
      );
    await fileRuleProblems(
      count,
      { kind: 'ENTRY', code: old.key, name: old.name },
      old.filesPerEntry,
      now.filesPerEntry,
      `${field}.filesPerEntry`,
      add,
    );
  }

  if (after.innovationTextLimit < before.innovationTextLimit)
    add(
      `${prefix}.innovationTextLimit`,
      await count(`char_length(coalesce(d.data->>'innovation', '')) > ?`, [after.innovationTextLimit]),
      (n) => `已有${n}份申报的创新创业成果超过${after.innovationTextLimit}字，字数上限不能低于已填写的字数`,
    );

  for (const old of before.attachments) {
    const index = after.attachments.findIndex((s) => s.code === old.code);
    if (index < 0) {
      add(
        `${prefix}.attachments`,
        await count(
          `exists (select 1 from ${ATTACHMENTS} and a.slot_kind = 'CATALOGUE' and a.slot_code = ?)`,
          [old.code],
        ),
        (n) => `已有${n}份申报上传了“${old.name}”，不能去掉该附件`,
        'SLOT_IN_USE',
      );
      continue;
    }
    const now = after.attachments[index];
    const field = `${prefix}.attachments.${index}`;
    if (now.maxCount < old.maxCount)
      add(
        `${field}.maxCount`,
        await count(
          `(select count(*) from ${ATTACHMENTS} and a.slot_kind = 'CATALOGUE' and a.slot_code = ?) > ?`,
          [old.code, now.maxCount],
        ),
        (n) =>
          `已有${n}份申报的“${old.name}”上传了超过${now.maxCount}个文件，最多上传个数不能低于已上传的个数`,
      );
    await fileRuleProblems(
      count,
      { kind: 'CATALOGUE', code: old.code, name: old.name },
      old,
      now,
      field,
      add,
    );
  }
  return problems;
}

/** CONFLICT (BREAKS_DECLARATIONS) naming every problem, when there is one. */
export function throwIfBreaks(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  throw appError(ErrorCode.CONFLICT, `修改会影响已有的申报：${problems.map((p) => p.message).join('；')}`, {
    reason: 'BREAKS_DECLARATIONS',
    fields: problems,
  });
}
