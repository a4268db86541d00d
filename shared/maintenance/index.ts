// Maintenance windows: expansion in time zones, warnings (overlaps, blackouts, notice), claims.
export { occurrences, type Occurrence } from './expand';
export { maintenanceWarnings, noticeShortfalls, windowRef } from './overlaps';
export type { BlackoutHit, IsoSpan, MaintenanceWarnings, ShortNotice, WarningOptions, WindowOf, WindowOverlap, WindowRef } from './overlaps';
export { checkMaintenanceClaims, MAINTENANCE_CLAIM_QUESTIONS, type ClaimCheck, type MaintenanceClaimQuestion } from './claims';
export { clockSpan, scheduleWords } from './words';
export { isTimeZone, offsetLabel, offsetMinutes, utcToWall, wallClock, wallDate, wallToUtc, type WallTime } from './zone';
