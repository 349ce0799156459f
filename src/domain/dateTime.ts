/**
 * luxon's DateTime, set up once for calendar dates: case dates are plain dates, so the zone is
 * UTC (no daylight-saving or host-zone surprises) and the locale is fixed, which also spares
 * every process asking ICU for the system locale (about 20 ms of a cold start).
 */
import { DateTime, Settings } from 'luxon';

Settings.defaultZone = 'UTC';
Settings.defaultLocale = 'zh-CN';

export { DateTime };
