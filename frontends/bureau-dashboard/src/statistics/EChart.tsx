// One ECharts chart. ECharts is shared through the import map (one copy per page, loaded the
// first time a chart is shown); the wrapper is an image with a text label, and every chart has a
// table of the same figures one click away (StatisticsPage), which is what screen readers use.
import { useEffect, useRef, useState } from 'react';
import { Alert, Skeleton } from 'antd';
import type { EChartsOption } from 'echarts';
import { useTranslation } from '@zhicheng/web-kit';

type ECharts = typeof import('echarts');
let loading: Promise<ECharts> | null = null;
const loadECharts = () => (loading ??= import('echarts'));

export function EChart({
  option,
  label,
  height = 280,
}: {
  option: EChartsOption;
  label: string;
  height?: number;
}) {
  const { t } = useTranslation('bureau');
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let disposed = false;
    let chart: ReturnType<ECharts['init']> | null = null;
    let observer: ResizeObserver | null = null;
    loadECharts().then(
      (echarts) => {
        if (disposed || !ref.current) return;
        chart = echarts.init(ref.current, null, { renderer: 'canvas' });
        chart.setOption(option);
        observer = new ResizeObserver(() => chart?.resize());
        observer.observe(ref.current);
        setReady(true);
      },
      () => !disposed && setFailed(true),
    );
    return () => {
      disposed = true;
      observer?.disconnect();
      chart?.dispose();
    };
  }, [option]);
  if (failed) return <Alert type="warning" showIcon message={t('statistics.chartFailed')} />;
  return (
    <div style={{ position: 'relative' }}>
      {!ready && <Skeleton active paragraph={{ rows: 4 }} />}
      <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />
    </div>
  );
}
