// 基本信息 names the signed-in account holder and the bound unit (issue 8, hole 15): the server
// refuses anything else, so the wizard fills these fields in from the declaration's accountHolder
// and shows them read-only.
import { useEffect } from 'react';
import type { FormInstance } from 'antd';
import { useWizard } from '../context';

/** The locked fields a basic-info form holds, with the account holder's values. */
export type HolderFields = Partial<
  Record<'name' | 'idType' | 'idNumber' | 'mobile' | 'workUnitName', string>
>;

export function useAccountHolder(): HolderFields {
  const { declaration } = useWizard();
  const holder = declaration.accountHolder;
  if (!holder) return {};
  return {
    name: holder.name,
    workUnitName: holder.unitName,
    // Unknown until identity has told the declaration service: then the person types them.
    ...(holder.idType ? { idType: holder.idType } : {}),
    ...(holder.idNumber ? { idNumber: holder.idNumber } : {}),
    ...(holder.mobile ? { mobile: holder.mobile } : {}),
  };
}

/** Keeps the holder's values in the form (also when they arrive after mount). */
export function useLockedHolderFields(
  form: FormInstance,
  module: 'basicInfo' | 'talentBasicInfo',
  fields: HolderFields,
) {
  const { name, idType, idNumber, mobile, workUnitName } = fields;
  useEffect(() => {
    const values = { name, idType, idNumber, mobile, workUnitName };
    for (const [field, value] of Object.entries(values))
      if (value !== undefined && form.getFieldValue([module, field]) !== value)
        form.setFieldValue([module, field], value);
  }, [form, module, name, idType, idNumber, mobile, workUnitName]);
}

/** Whether a field is filled in from the account (shown read-only). */
export const isLocked = (fields: HolderFields, name: string) =>
  (fields as Record<string, string | undefined>)[name] !== undefined;
