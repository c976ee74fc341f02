/**
 * A bar chart of counts (@mui/x-charts, loaded only with the insights page's chunk). The chart
 * is a picture: its accessible name says what it shows, and the same numbers are in the
 * table next to it, which is what screen readers and keyboard users read.
 */
import Box from '@mui/material/Box';
import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslation } from 'react-i18next';

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
  data: number[];
  /** Series with the same stack id are drawn on top of each other. */
  stack?: string;
}

export function BalanceChart({
  label,
  categories,
  series,
  height = 280,
  horizontal = false,
}: {
  /** Bars lying down, categories on the left: long category names stay readable on a phone. */
  horizontal?: boolean;
  /** The chart's accessible name: what it shows, for whom, on which date. */
  label: string;
  categories: string[];
  series: ChartSeries[];
  height?: number;
}) {
  const { t } = useTranslation();
  return (
    <Box role="img" aria-label={label} sx={{ width: '100%', minWidth: 0 }}>
      <BarChart
        height={height}
        skipAnimation
        layout={horizontal ? 'horizontal' : 'vertical'}
        xAxis={horizontal ? [{ tickMinStep: 1 }] : [{ scaleType: 'band', data: categories, tickLabelStyle: { fontSize: 12 } }]}
        yAxis={horizontal ? [{ scaleType: 'band', data: categories, width: 150, tickLabelStyle: { fontSize: 12 } }] : [{ tickMinStep: 1, width: 32 }]}
        series={series.map((s) => ({
          id: s.key,
          label: s.label,
          color: s.color,
          data: s.data,
          stack: s.stack,
          barLabel: (item) => (item.value ? String(item.value) : null),
        }))}
        slotProps={{
          legend: { direction: 'horizontal', position: { vertical: 'top', horizontal: 'start' } },
          barLabel: { style: { fill: '#ffffff', fontWeight: 700 } },
        }}
        localeText={{ noData: t('insights.noData'), loading: t('common.loading') }}
        margin={{ left: 8, right: 8, top: 8, bottom: 8 }}
      />
    </Box>
  );
}
