/** Dates as people in Viet Nam read them: dd/MM/yyyy, Asia/Ho_Chi_Minh, whatever the browser's zone. */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/vi';

dayjs.extend(utc);
dayjs.extend(timezone);

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export const formatDate = (iso: string | null | undefined) => (iso ? dayjs(iso).tz(TIME_ZONE).format('DD/MM/YYYY') : '—');
export const formatDateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).tz(TIME_ZONE).format('DD/MM/YYYY HH:mm') : '—');
