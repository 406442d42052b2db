// The form configuration as the editor holds it (the API's FormConfigInput) and small changes to it.
import type {
  AttachmentSlotConfigInput,
  FileFormat,
  FormConfigFieldsFragment,
  FormConfigInput,
  ModuleConfigInput,
  ModuleKey,
} from '../gql/graphql';

export type FormValue = FormConfigInput;
export type ModuleValue = ModuleConfigInput;
export type SlotValue = AttachmentSlotConfigInput;

export const FILE_FORMATS: FileFormat[] = ['PDF', 'JPG', 'PNG', 'ZIP'];

const moduleInput = (m: FormConfigFieldsFragment['modules'][number]): ModuleValue => ({
  key: m.key,
  name: m.name,
  required: m.required,
  maxEntries: m.maxEntries ?? null,
  filesPerEntry: m.filesPerEntry
    ? {
        min: m.filesPerEntry.min,
        max: m.filesPerEntry.max,
        formats: [...m.filesPerEntry.formats],
        maxSizeKb: m.filesPerEntry.maxSizeKb,
      }
    : null,
});

const slotInput = (s: FormConfigFieldsFragment['attachments'][number]): SlotValue => ({
  code: s.code,
  name: s.name,
  formats: [...s.formats],
  maxSizeKb: s.maxSizeKb,
  maxCount: s.maxCount,
  required: s.required,
  module: s.module ?? null,
});

/** The API's answer as an input (no __typename, fresh arrays the editor may change). */
export function toFormValue(form: Omit<FormConfigFieldsFragment, '__typename'>): FormValue {
  return {
    innovationTextLimit: form.innovationTextLimit,
    educationCertificateNumbers: form.educationCertificateNumbers ?? null,
    modules: form.modules.map(moduleInput),
    attachments: form.attachments.map(slotInput),
  };
}

export { moduleInput, slotInput };

/** `form` with `key` switched on (at its place in the wizard's order) or off. */
export function toggleModule(
  form: FormValue,
  catalogue: readonly ModuleValue[],
  key: ModuleKey,
  on: boolean,
): FormValue {
  if (!on) return { ...form, modules: form.modules.filter((m) => m.key !== key) };
  if (form.modules.some((m) => m.key === key)) return form;
  const order = (k: ModuleKey) => catalogue.findIndex((m) => m.key === k);
  const added = catalogue.find((m) => m.key === key);
  if (!added) return form;
  const modules = [...form.modules, structuredClone(added)].sort((a, b) => order(a.key) - order(b.key));
  return { ...form, modules };
}

/** A code for a new attachment row that no row of `form` uses (EXTRA_1, EXTRA_2 …). */
export function newSlotCode(form: FormValue): string {
  const used = new Set(form.attachments.map((s) => s.code));
  let n = 1;
  while (used.has(`EXTRA_${n}`)) n += 1;
  return `EXTRA_${n}`;
}
