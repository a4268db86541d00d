// Incident transparency: measures over a period of the record, and the questionnaire's claims held against them.
export { transparencyMeasures } from './measures';
export { checkIncidentClaims } from './claims';
export { parseInstant } from './instant';
