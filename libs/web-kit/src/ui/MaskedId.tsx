import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { maskId } from './mask';

export { maskId };

/** Visually hidden, still read by screen readers. */
export const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/** An identity number as lists show it; screen readers hear "masked" instead of a row of stars. */
export function MaskedId({ value }: { value: string | null | undefined }) {
  const { t } = useTranslation();
  if (!value) return <span>-</span>;
  const masked = maskId(value);
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      <span aria-hidden="true">{masked}</span>
      <span style={visuallyHidden}>{t('maskedId.label', { value: masked.replace(/\*+/g, ' … ') })}</span>
    </span>
  );
}
